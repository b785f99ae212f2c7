import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../tests/factories.ts';
import { freshPglite, testDatabase } from '../../tests/helpers/db.ts';
import { createBackup, listUserTables, restoreBackup, RestoreError, BACKUP_TABLES } from './backup.ts';
import { openDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';
import { enqueueMail } from '../platform/mail.ts';
import { files } from '../platform/tables.ts';

describe('backup and restore', () => {
  let source: Database;
  beforeAll(async () => {
    source = await testDatabase();
    await createTestUser(source.db, 'county_admin', { countyCode: '19' });
    await createTestUser(source.db, 'reporter', { municipalityCode: '1980' });
    await enqueueMail(source.db, { to: 'x@example.se', subject: 'Å ä ö', text: 'Hej' });
    // An uploaded image's metadata (its widths a list): the file store's bytes are backed up as a folder.
    await source.db.insert(files).values({
      ownerKind: 'event',
      ownerId: 'backup-test',
      countyCode: '19',
      kind: 'png',
      contentType: 'image/png',
      size: 1234,
      sha256: 'a'.repeat(64),
      originalName: 'Bild på länet.png',
      width: 1000,
      height: 500,
      variantWidths: [480, 960],
      public: true,
    });
  });

  it('backs up every table of the schema', async () => {
    expect([...BACKUP_TABLES].sort()).toEqual(await listUserTables(source.db));
  });

  it('restores into an empty database to identical data, and refuses a database that is not empty', async () => {
    const backup = await createBackup(source.db);
    expect(backup.tables.municipalities).toHaveLength(290);
    const target = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(target.db);
      const counts = await restoreBackup(target.db, backup);
      expect(counts.users).toBe(backup.tables.users!.length);
      const again = await createBackup(target.db);
      expect(again.tables).toEqual(backup.tables);
      await expect(restoreBackup(target.db, backup)).rejects.toThrow(RestoreError);
      await expect(restoreBackup(target.db, backup)).rejects.toThrow(/inte tom/);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a Samverkan backup', async () => {
    const target = await freshPglite();
    try {
      await expect(restoreBackup(target.db, { format: 'x' } as never)).rejects.toThrow(
        /ingen säkerhetskopia/,
      );
    } finally {
      await target.close();
    }
  });
});
