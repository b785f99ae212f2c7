import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_004_SLUG } from './modules/events/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO: 'false',
      SESSION_SECRET: 'x'.repeat(40),
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  dirs.push(dir);
  return dir;
}

// The CLI runs as its own process on an embedded data folder: once is enough, not once per backend.
describe.skipIf(process.env.TEST_BACKEND === 'postgresql')('command line', () => {
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  // Six processes, each opening an embedded database: slow on a busy machine.
  it(
    'creates users, lists organisations, and backs up and restores a data folder',
    { timeout: 180_000 },
    () => {
      const source = tempDir();
      const created = cli(
        source,
        'create-user',
        '--email',
        'Ny.Person@Exempel.se',
        '--name',
        'Ny Person',
        '--role',
        'reporter',
        '--org',
        '0380',
        '--password',
        'ett långt lösenord',
      );
      expect(created.err).toBe('');
      expect(created.status).toBe(0);
      expect(created.out).toContain('Skapade användaren ny.person@exempel.se');
      expect(created.out).toContain('har nu rollen reporter i Uppsala kommun');

      // A second run changes nothing, and says so instead of reporting success.
      const again = cli(
        source,
        'create-user',
        '--email',
        'ny.person@exempel.se',
        '--name',
        'Ny Person',
        '--role',
        'reporter',
        '--org',
        '0380',
        '--password',
        'ett annat långt lösenord',
      );
      expect(again.status).toBe(0);
      expect(again.out).toContain('fanns redan');
      expect(again.out).toContain('inget ändrades');
      expect(again.out).toContain('Lösenordet ändrades inte');

      // The web's password policy holds here too.
      const weak = cli(
        source,
        'create-user',
        '--email',
        'svag@exempel.se',
        '--name',
        'Svag',
        '--role',
        'reporter',
        '--org',
        '0380',
        '--password',
        'abcd',
      );
      expect(weak.status).toBe(2);
      expect(weak.err).toContain('--password: Lösenordet måste ha minst 12 tecken');

      const listed = cli(source, 'list-organisations', '--county', '03', '--type', 'municipality');
      expect(listed.status).toBe(0);
      expect(listed.out).toContain('8 organisationer');
      expect(listed.out).toContain('Älvkarleby kommun');

      const bad = cli(
        source,
        'create-user',
        '--email',
        'x@y.se',
        '--name',
        'X',
        '--role',
        'kung',
        '--org',
        '0380',
      );
      expect(bad.status).toBe(2);
      expect(bad.err).toContain('Okänd roll kung');

      const file = path.join(tempDir(), 'backup.json');
      const backedUp = cli(source, 'backup', '--out', file);
      expect(backedUp.status).toBe(0);
      const target = tempDir();
      const restored = cli(target, 'restore', '--in', file);
      expect(restored.err).toBe('');
      expect(restored.status).toBe(0);
      expect(restored.out).toMatch(/users 1\b/);
      const second = path.join(tempDir(), 'again.json');
      expect(cli(target, 'backup', '--out', second).status).toBe(0);
      const a = JSON.parse(fs.readFileSync(file, 'utf8')) as { tables: unknown };
      const b = JSON.parse(fs.readFileSync(second, 'utf8')) as { tables: unknown };
      expect(b.tables).toEqual(a.tables);

      const refused = cli(target, 'restore', '--in', file);
      expect(refused.status).toBe(1);
      expect(refused.err).toContain('Databasen är inte tom');
    },
  );

  it('seed-demo adds every module’s demo data, the events too, and only once', { timeout: 180_000 }, () => {
    const dir = tempDir();
    const seeded = cli(dir, 'seed-demo');
    expect(seeded.err).toBe('');
    expect(seeded.out).toContain('Demodata är inlagd.');
    expect(cli(dir, 'seed-demo').out).toContain('Demodata fanns redan.');
    const file = path.join(tempDir(), 'demo.json');
    expect(cli(dir, 'backup', '--out', file).status).toBe(0);
    const { tables } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    const slugs = (tables['events'] ?? []).map((e) => e['slug']);
    // Seed 004's event, once, after two runs.
    expect(slugs.filter((s) => s === SEED_004_SLUG)).toHaveLength(1);
    expect((tables['event_series'] ?? []).length).toBeGreaterThan(0);
  });
});
