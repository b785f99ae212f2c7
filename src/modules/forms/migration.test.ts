import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../../drizzle');
const statementsOf = (file: string): string[] =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);

/** The migration that gave questionnaires an owner and versions their own "in use" mark, on data made before it. */
describe('migration 0004: forms scope and the in-use mark', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
    const before = fs
      .readdirSync(dir)
      .filter((f) => /^000[0-3]_.*\.sql$/.test(f))
      .sort();
    for (const file of before) for (const s of statementsOf(file)) await pg.exec(s);
  });
  afterAll(() => pg.close());

  it('marks exactly the versions a round uses, and gives existing questionnaires to the lägesbild', async () => {
    await pg.exec(`
      insert into questionnaires (id, title) values ('00000000-0000-4000-8000-000000000001', 'Mall');
      insert into questionnaire_versions (id, questionnaire_id, version, definition) values
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 1, '{}'),
        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', 2, '{}');
      insert into rounds (scope, title, topic, questionnaire_version_id)
        values ('national', 'Omgång', 'Tema', '00000000-0000-4000-8000-0000000000a1');
    `);
    const migration = fs.readdirSync(dir).find((f) => f.startsWith('0004_'))!;
    for (const s of statementsOf(migration)) await pg.exec(s);

    const versions = await pg.query<{ version: number; in_use: boolean }>(
      'select version, in_use from questionnaire_versions order by version',
    );
    expect(versions.rows).toEqual([
      { version: 1, in_use: true },
      { version: 2, in_use: false },
    ]);
    const owners = await pg.query<{ owner: string }>('select owner from questionnaires');
    expect(owners.rows).toEqual([{ owner: 'situation' }]);
    // New rows must name their owner: the default was only for the rows that existed.
    await expect(pg.exec(`insert into questionnaires (title) values ('Utan ägare')`)).rejects.toThrow();
  });
});
