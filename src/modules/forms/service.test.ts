import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../platform/authz.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Definition } from './definition.ts';
import * as qrepo from './repository.ts';
import type { FormScope } from './repository.ts';
import * as builder from './service.ts';

const suffix = Math.random().toString(36).slice(2, 8);

const oneQuestion = (label: string): Definition => ({
  areas: [],
  sections: [
    {
      id: 'allmant',
      title: 'Allmänt',
      questions: [{ id: 'fraga', type: 'text', label, required: false, role: 'other' }],
    },
  ],
});

describe('forms: questionnaires kept apart by owner and county, frozen once in use', () => {
  let database: Database;
  let user: TestUser;
  const asked: FormScope[] = [];
  /** The owning capability's rule, as a capability would give it: here, only national questionnaires. */
  const mayEdit = (_actor: Actor, scope: FormScope) => {
    asked.push(scope);
    return scope.countyCode === null;
  };
  const editorOf = (owner: string): builder.Editor => ({ actor: user.actor, owner, mayEdit });

  beforeAll(async () => {
    database = await testDatabase();
    user = await createTestUser(database.db, 'national_coordinator');
  });
  it('two capabilities each have their own questionnaires, even under the same title', async () => {
    const db = database.db;
    const title = `Anmälningsfrågor ${suffix}`;
    const events = await builder.createQuestionnaire(db, editorOf(`events_${suffix}`), null, {
      title,
      copyFrom: '',
    });
    const grants = await builder.createQuestionnaire(db, editorOf(`grants_${suffix}`), null, {
      title,
      copyFrom: '',
    });
    expect(events.owner).toBe(`events_${suffix}`);
    expect(asked).toContainEqual({ owner: `grants_${suffix}`, countyCode: null });

    const listed = await qrepo.listQuestionnaires(db, { owner: `events_${suffix}`, countyCode: null });
    expect(listed.map((q) => q.id)).toEqual([events.id]);
    // One capability cannot load, copy or use another's questionnaire.
    await expect(
      builder.loadQuestionnaire(db, editorOf(`events_${suffix}`), null, grants.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    const grantsVersion = (await qrepo.findLatestVersion(db, grants.id))!;
    expect(
      await qrepo.findUsableVersion(db, { owner: `events_${suffix}`, countyCode: null }, grantsVersion.id),
    ).toBeUndefined();
    await expect(
      builder.createQuestionnaire(db, editorOf(`events_${suffix}`), null, {
        title: `Kopia ${suffix}`,
        copyFrom: grantsVersion.id,
      }),
    ).rejects.toMatchObject({ fieldErrors: { copyFrom: 'Välj ett formulär i listan' } });
    await expect(
      builder.saveDefinition(db, editorOf(`events_${suffix}`), grants.id, () => oneQuestion('Nej')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('asks the owning capability who may edit, and answers 404 when it says no', async () => {
    await expect(
      builder.createQuestionnaire(database.db, editorOf(`events_${suffix}`), '03', {
        title: `Länets ${suffix}`,
        copyFrom: '',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(asked.at(-1)).toEqual({ owner: `events_${suffix}`, countyCode: '03' });
  });

  it('changes a version in place until a capability marks it in use, then makes the next one', async () => {
    const db = database.db;
    const editor = editorOf(`events_${suffix}`);
    const q = await builder.createQuestionnaire(db, editor, null, {
      title: `Frysning ${suffix}`,
      copyFrom: '',
    });
    const first = await builder.saveDefinition(db, editor, q.id, () => oneQuestion('Första'));
    expect(first).toMatchObject({ version: 1, newVersion: false, changed: true });

    const v1 = (await qrepo.findLatestVersion(db, q.id))!;
    expect(v1.inUse).toBe(false);
    await db.transaction((tx) => qrepo.markVersionInUse(tx, v1.id));
    expect(
      (await qrepo.listQuestionnaires(db, { owner: editor.owner, countyCode: null })).find(
        (x) => x.id === q.id,
      ),
    ).toMatchObject({ inUse: true, latestVersion: 1 });
    // Nothing writes a version in use, even when asked directly.
    expect(await qrepo.updateVersionDefinition(db, v1.id, oneQuestion('Smygändrad'))).toBeUndefined();

    const second = await builder.saveDefinition(db, editor, q.id, () => oneQuestion('Andra'));
    expect(second).toMatchObject({ version: 2, previousVersion: 1, newVersion: true, changed: true });
    expect((await qrepo.findVersion(db, q.id, 1))!.definition).toEqual(oneQuestion('Första'));
    const v2 = (await qrepo.findVersion(db, q.id, 2))!;
    expect(v2).toMatchObject({ inUse: false, definition: oneQuestion('Andra') });
  });
  it('reads a version in use once and keeps it frozen; a version still being built is read every time', async () => {
    const db = database.db;
    const q = await builder.createQuestionnaire(db, editorOf(`kept_${suffix}`), null, {
      title: `Kept ${suffix}`,
      copyFrom: '',
    });
    const draft = (await qrepo.findLatestVersion(db, q.id))!;
    const first = await builder.definitionOfVersion(db, draft.id);
    expect(Object.isFrozen(first)).toBe(false);
    await builder.saveDefinition(db, editorOf(`kept_${suffix}`), q.id, () => oneQuestion('Ja'));
    const edited = await builder.definitionOfVersion(db, draft.id);
    expect(JSON.stringify(edited)).not.toBe(JSON.stringify(first));

    await qrepo.markVersionInUse(db, draft.id);
    const inUse = await builder.definitionOfVersion(db, draft.id);
    expect(inUse).toEqual(edited);
    expect(Object.isFrozen(inUse.areas)).toBe(true);
    // Kept: even a change past every rule is not read again (nothing may change a version in use).
    await database.db.execute(
      sql`update questionnaire_versions set definition = '{"areas":[]}'::jsonb where id = ${draft.id}`,
    );
    expect(await builder.definitionOfVersion(db, draft.id)).toBe(inUse);
    expect(() => (inUse.areas as unknown[]).push({})).toThrow(TypeError);
  });
});
