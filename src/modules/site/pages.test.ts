import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { privateDatabase } from '../../../tests/helpers/db.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { stockholmDate } from '../../platform/time.ts';
import { createContact, replaceContact } from './contacts.ts';
import * as prepo from './pages-repository.ts';
import {
  cancelSchedule,
  createPage,
  foldDuePublications,
  loadPageContent,
  movePage,
  publishPage,
  requestReview,
  restoreRevision,
  saveDraft,
  unpublishPage,
} from './pages.ts';
import { findPageRow } from './repository.ts';
import { saveSettings } from './site-settings.ts';
import { readSiteTree } from './site-tree.ts';

/** The editorial rules against a real database: drafts, review, publishing by the clock, moving, restoring. */
describe('the pages of a county site', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let anna: TestUser;
  let bo: TestUser;
  let admin: TestUser;
  const county = '22';
  const ref = (pageId: string) => ({ countyCode: county, pageId });

  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    anna = await createTestUser(database.db, 'county_editor', { countyCode: county });
    bo = await createTestUser(database.db, 'county_editor', { countyCode: county });
    admin = await createTestUser(database.db, 'county_admin', { countyCode: county });
  });
  afterAll(() => drop());

  const searchRows = (pageId: string) =>
    queryRows<{ title: string; visible_from: Date; visible_until: Date | null; url: string }>(
      database.db,
      sql`select title, visible_from, visible_until, url from search_documents where kind = 'page' and group_id = ${pageId} order by visible_from`,
    );

  it('creates a page with a slug from its title, refusing reserved and taken addresses', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Föreläsningsserie om hälsa' });
    expect(page.slug).toBe('forelasningsserie-om-halsa');
    await expect(createPage(db, anna.actor, county, { title: 'Sök', slug: 'sok' })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      createPage(db, anna.actor, county, { title: 'Samma', slug: 'forelasningsserie-om-halsa' }),
    ).rejects.toThrow(ValidationError);
    // Under a page, a reserved word is an ordinary address.
    const child = await createPage(db, anna.actor, county, { title: 'Sök', slug: 'sok', parentId: page.id });
    expect(child.parentId).toBe(page.id);
  });

  it('publishes now: the public sees the revision, an edit makes a draft without changing what is public', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Krismaterial' });
    await saveDraft(db, anna.actor, ref(page.id), { title: 'Krismaterial', body: 'Första texten' });
    await publishPage(db, anna.actor, ref(page.id), { when: 'now' });
    expect((await loadPageContent(db, county, page.id))?.body).toBe('Första texten');
    await saveDraft(db, anna.actor, ref(page.id), { title: 'Krismaterial', body: 'Halvfärdig text' });
    expect((await loadPageContent(db, county, page.id))?.body).toBe('Första texten');
    const rows = await searchRows(page.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.url).toBe('/vasternorrland/krismaterial');
  });

  it('publishes at a time: public from then, found from then, and folded by the maintenance', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Planerad sida' });
    const tomorrow = stockholmDate(new Date(Date.now() + 36 * 3600 * 1000));
    await publishPage(db, anna.actor, ref(page.id), { when: 'later', date: tomorrow, time: '10.00' });
    const row = (await findPageRow(db, county, page.id))!;
    expect(row.scheduledRevisionId).not.toBeNull();
    expect((await readSiteTree(db, county, new Date())).byId.get(page.id)?.isPublic).toBe(false);
    expect(
      (await readSiteTree(db, county, new Date(row.scheduledAt!.getTime() + 1))).byId.get(page.id)?.isPublic,
    ).toBe(true);
    expect((await searchRows(page.id)).map((r) => new Date(r.visible_from).getTime())).toEqual([
      row.scheduledAt!.getTime(),
    ]);
    await foldDuePublications({ db }, new Date(row.scheduledAt!.getTime() + 1));
    const folded = (await findPageRow(db, county, page.id))!;
    expect(folded.publishedRevisionId).toBe(row.scheduledRevisionId);
    expect(folded.scheduledRevisionId).toBeNull();
  });

  it('refuses a time that has been', async () => {
    const page = await createPage(database.db, anna.actor, county, { title: 'Gammal tid' });
    await expect(
      publishPage(database.db, anna.actor, ref(page.id), {
        when: 'later',
        date: '2020-01-01',
        time: '10.00',
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('cancels a scheduled publication: the revision is the draft again', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Avbryts' });
    const tomorrow = stockholmDate(new Date(Date.now() + 36 * 3600 * 1000));
    await publishPage(db, anna.actor, ref(page.id), { when: 'later', date: tomorrow, time: '12.00' });
    const after = await cancelSchedule(db, anna.actor, ref(page.id));
    expect(after.scheduledRevisionId).toBeNull();
    expect(after.draftRevisionId).not.toBeNull();
    expect(await searchRows(page.id)).toEqual([]);
    await expect(cancelSchedule(db, anna.actor, ref(page.id))).rejects.toThrow(ConflictError);
  });

  it('with review: the author may not publish, a second editor may', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Granskad sida' });
    await saveSettings(db, admin.actor, county, { requiresReview: 'yes' });
    try {
      await expect(publishPage(db, bo.actor, ref(page.id), { when: 'now' })).rejects.toThrow(ConflictError);
      await requestReview(db, anna.actor, ref(page.id));
      await expect(requestReview(db, anna.actor, ref(page.id))).rejects.toThrow(ConflictError);
      await expect(publishPage(db, anna.actor, ref(page.id), { when: 'now' })).rejects.toThrow(
        /En annan redaktör/,
      );
      await publishPage(db, bo.actor, ref(page.id), { when: 'now' });
      expect((await findPageRow(db, county, page.id))!.publishedRevisionId).not.toBeNull();
    } finally {
      await saveSettings(db, admin.actor, county, { requiresReview: 'no' });
    }
  });

  it('a draft in review returns to draft when edited', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Tillbaka' });
    await requestReview(db, anna.actor, ref(page.id));
    const draft = await saveDraft(db, bo.actor, ref(page.id), { title: 'Tillbaka igen' });
    expect(draft.state).toBe('draft');
    expect(draft.submittedBy).toBeNull();
  });

  it('two publishes of one draft at once: one wins, the other is refused', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Samtidigt' });
    const results = await Promise.allSettled([
      publishPage(db, anna.actor, ref(page.id), { when: 'now' }),
      publishPage(db, bo.actor, ref(page.id), { when: 'now' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ConflictError);
  });

  it('moves a page: its old address and its sub-pages’ old addresses redirect; never under itself', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Flyttas' });
    const child = await createPage(db, anna.actor, county, { title: 'Under', parentId: page.id });
    await expect(movePage(db, anna.actor, ref(page.id), { parentId: child.id })).rejects.toThrow(
      ValidationError,
    );
    await expect(movePage(db, anna.actor, ref(page.id), { parentId: page.id })).rejects.toThrow(
      ValidationError,
    );
    await movePage(db, anna.actor, ref(page.id), { slug: 'flyttad' });
    expect(await prepo.findRedirect(db, county, 'flyttas')).toEqual({ pageId: page.id });
    expect(await prepo.findRedirect(db, county, 'flyttas/under')).toEqual({ pageId: child.id });
    // Moving back makes the address a page's again, not a redirect.
    await movePage(db, anna.actor, ref(page.id), { slug: 'flyttas' });
    expect(await prepo.findRedirect(db, county, 'flyttas')).toBeUndefined();
    expect(await prepo.findRedirect(db, county, 'flyttad')).toEqual({ pageId: page.id });
  });

  it('restores an old revision as a new draft', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Historia' });
    const first = await saveDraft(db, anna.actor, ref(page.id), { title: 'Historia', body: 'Version ett' });
    await publishPage(db, anna.actor, ref(page.id), { when: 'now' });
    await saveDraft(db, anna.actor, ref(page.id), { title: 'Historia', body: 'Version två' });
    await publishPage(db, anna.actor, ref(page.id), { when: 'now' });
    const restored = await restoreRevision(db, anna.actor, ref(page.id), first.id);
    expect(restored.body).toBe('Version ett');
    expect(restored.number).toBe(3);
    expect((await loadPageContent(db, county, page.id))?.body).toBe('Version två');
    await expect(restoreRevision(db, anna.actor, ref(page.id), restored.id)).rejects.toThrow(ConflictError);
  });

  it('unpublishes a page and its search entries', async () => {
    const db = database.db;
    const page = await createPage(db, anna.actor, county, { title: 'Avpubliceras' });
    await publishPage(db, anna.actor, ref(page.id), { when: 'now' });
    await unpublishPage(db, anna.actor, ref(page.id));
    expect(await loadPageContent(db, county, page.id)).toBeUndefined();
    expect(await searchRows(page.id)).toEqual([]);
    await expect(unpublishPage(db, anna.actor, ref(page.id))).rejects.toThrow(ConflictError);
  });

  it('shows a contact who left as the one who replaced them', async () => {
    const db = database.db;
    const eva = await createContact(db, anna.actor, county, {
      kind: 'person',
      name: 'Eva Ek',
      email: 'eva@example.se',
    });
    const olle = await createContact(db, anna.actor, county, { kind: 'person', name: 'Olle Ås' });
    const page = await createPage(db, anna.actor, county, { title: 'Kontaktsida' });
    await saveDraft(db, anna.actor, ref(page.id), { title: 'Kontaktsida', contactIds: [eva.id] });
    await publishPage(db, anna.actor, ref(page.id), { when: 'now' });
    await replaceContact(db, anna.actor, county, eva.id, olle.id);
    expect((await loadPageContent(db, county, page.id))?.contacts.map((c) => c.name)).toEqual(['Olle Ås']);
    await expect(replaceContact(db, anna.actor, county, eva.id, olle.id)).rejects.toThrow(ConflictError);
    await expect(
      saveDraft(db, anna.actor, ref(page.id), { title: 'Kontaktsida', contactIds: [eva.id] }),
    ).rejects.toThrow(ValidationError);
  });

  it('another county’s page is not found', async () => {
    const page = await createPage(database.db, anna.actor, county, { title: 'Eget län' });
    const other = await createTestUser(database.db, 'county_editor', { countyCode: '03' });
    await expect(
      saveDraft(database.db, other.actor, { countyCode: '03', pageId: page.id }, { title: 'x' }),
    ).rejects.toThrow(/finns inte/);
  });
});
