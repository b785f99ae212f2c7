import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type Factories } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { writeElsewhere } from '../../../tests/helpers/db.ts';
import * as repo from './repository.ts';
import { urls } from './urls.ts';

/**
 * The regional and national pictures are rendered once per version of what they are made from and kept:
 * whatever changes beneath them (an answer, a sending, a summary, even a write that bypasses the services)
 * shows on the next view, and each viewer's forms carry their own token.
 */
describe('kept picture pages', () => {
  let t: TestApp;
  let make: Factories;
  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
  });
  afterAll(() => t.close());

  const uppsala = { slug: 'uppsala' };
  /** the page without what differs per request (tokens) */
  const stable = (page: Page): string => page.body.replace(/name="_csrf" value="[^"]*"/g, '');
  const tokens = (page: Page): string[] =>
    page.doc.querySelectorAll('main input[name="_csrf"]').map((i) => i.getAttribute('value') ?? '');

  it('the fingerprint changes with every write beneath the picture, and only then', async () => {
    const made = await make.response({ county: '03', status: 'submitted' });
    const { db } = t.database;
    const print = () => repo.occasionFingerprint(db, made.occasion.id, '03');
    const first = await print();
    expect(first).toMatch(/responses:1:/);
    expect(await print()).toBe(first);
    // Another county's write is not this county's picture.
    await db.execute(sql`update responses set county_code = county_code where county_code <> '03'`);
    expect(await print()).toBe(first);
    // An update that changes nothing visible still makes a new row version.
    await db.execute(sql`update responses set answers = answers where id = ${made.response.id}`);
    const second = await print();
    expect(second).not.toBe(first);
    await db.execute(sql`update rounds set title = title || '!' where id = ${made.round.id}`);
    const third = await print();
    expect(third).not.toBe(second);
    await make.regionalPicture({ occasionId: made.occasion.id, county: '03' });
    expect(await print()).not.toBe(third);
    // The national fingerprint sees every county.
    const national = await repo.occasionFingerprint(db, made.occasion.id, null);
    expect(national).toMatch(/national:0:/);
  });

  it('tells a picture page whose round it is and its version in one statement, and nothing for a mismatch', async () => {
    const made = await make.response({ county: '03', status: 'submitted' });
    const other = await make.response({ county: '03', status: 'submitted' });
    const { db } = t.database;
    const version = await repo.pictureVersion(db, made.round.id, made.occasion.id, '03');
    expect(version?.round).toEqual({ scope: made.round.scope, countyCode: made.round.countyCode });
    expect(version?.fingerprint).toBe(await repo.occasionFingerprint(db, made.occasion.id, '03'));
    // An occasion of another round, an unknown id and a malformed id answer nothing (the page is 404).
    expect(await repo.pictureVersion(db, made.round.id, other.occasion.id, '03')).toBeUndefined();
    expect(await repo.pictureVersion(db, made.round.id, crypto.randomUUID(), '03')).toBeUndefined();
    expect(await repo.pictureVersion(db, 'x', made.occasion.id, '03')).toBeUndefined();
  });

  it("shows a change beneath the county's picture on the next view; each admin's forms carry their own token", async () => {
    const made = await make.response({ county: '03', status: 'submitted' });
    const [anna, bertil] = await Promise.all([
      createTestUser(t.database.db, 'county_admin', { countyCode: '03' }),
      createTestUser(t.database.db, 'county_admin', { countyCode: '03' }),
    ]);
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.login(anna.email, anna.password);
    await b.login(bertil.email, bertil.password);
    const path = urls.regional(uppsala, made.round, made.occasion);

    const first = await a.get(path);
    expect(first.status).toBe(200);
    const again = await a.get(path);
    expect(stable(again)).toBe(stable(first));
    const other = await b.get(path);
    expect(tokens(other).length).toBeGreaterThan(0);
    expect(tokens(other)[0]).not.toBe(tokens(first)[0]);
    expect(tokens(first).every((x) => !x.includes('slot'))).toBe(true);

    // A second municipality answers: the picture's completeness changes.
    const second = await make.response({ round: made, municipality: '0382', status: 'submitted' });
    const after = await a.get(path);
    expect(stable(after)).not.toBe(stable(first));
    expect(after.body).toContain(second.organisation.name);

    // A write that bypasses the services shows too: the round's title, in the page's caption.
    await t.database.db.execute(sql`update rounds set title = 'Omdöpt omgång' where id = ${made.round.id}`);
    const renamed = await a.get(path);
    expect(renamed.doc.querySelector('main .govuk-caption-l')?.text).toContain('Omdöpt omgång');
  });

  it("a round's page is read once per version and shows every change beneath it on the next view", async () => {
    // A national round: Uppsala sees its own respondents in it, Västernorrland its own.
    const made = await make.response({ county: '03', national: true, status: 'draft' });
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const a = new TestClient(t.app);
    await a.login(admin.email, admin.password);
    const path = urls.round(uppsala, made.round);
    const { db } = t.database;
    const version = () => repo.roundPageVersion(db, made.round.id, '03');

    const first = await a.get(path);
    expect(first.status).toBe(200);
    const v1 = await version();
    expect(v1?.round).toEqual({ scope: made.round.scope, countyCode: made.round.countyCode });
    expect(await version()).toEqual(v1);
    expect(stable(await a.get(path))).toBe(stable(first));

    // The response is submitted (bypassing the services): the completeness changes on the next view.
    await db.execute(sql`update responses set status = 'submitted' where id = ${made.response.id}`);
    expect((await version())?.fingerprint).not.toBe(v1?.fingerprint);
    const submitted = await a.get(path);
    expect(stable(submitted)).not.toBe(stable(first));
    // Another municipality becomes a respondent; an organisation is renamed; the round is renamed.
    const second = await make.response({ round: made, municipality: '0382', status: 'draft' });
    expect((await a.get(path)).body).toContain(second.organisation.name);
    // (The municipalities are shared by every test: the name is put back at once.)
    await db.execute(
      sql`update organisations set name = name || ' (ny)' where id = ${second.organisation.id}`,
    );
    const renamedOrg = (await a.get(path)).body;
    await db.execute(
      sql`update organisations set name = ${second.organisation.name} where id = ${second.organisation.id}`,
    );
    expect(renamedOrg).toContain(`${second.organisation.name} (ny)`);
    await db.execute(sql`update rounds set title = 'Omdöpt omgång' where id = ${made.round.id}`);
    expect((await a.get(path)).doc.querySelector('h1')?.text).toContain('Omdöpt omgång');
    // Another county's respondents do not change this county's version; an unknown round has none.
    const theirs = await make.response({ round: made, county: '22', status: 'submitted' });
    const before = await version();
    await db.execute(sql`update responses set answers = answers where id = ${theirs.response.id}`);
    await db.execute(sql`update respondents set county_code = county_code where county_code = '22'`);
    expect((await version())?.fingerprint).toBe(before?.fingerprint);
    expect(await repo.roundPageVersion(db, '00000000-0000-4000-8000-000000000000', '03')).toBeUndefined();
  });

  it("shows a write by another process on the next view of the county's rounds and a round's page", async () => {
    const made = await make.response({ county: '03', status: 'draft' });
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const a = new TestClient(t.app);
    await a.login(admin.email, admin.password);
    await a.get(urls.rounds(uppsala));
    await a.get(urls.round(uppsala, made.round));
    const title = `Omdöpt någon annanstans ${made.round.id.slice(0, 8)}`;
    await writeElsewhere(t.database, 'update rounds set title = $1 where id = $2', [title, made.round.id]);
    expect((await a.get(urls.rounds(uppsala))).body).toContain(title);
    expect((await a.get(urls.round(uppsala, made.round))).doc.querySelector('h1')?.text).toContain(title);
  });

  it("an occasion's page is kept per version too: a response's new status shows on the next view", async () => {
    const made = await make.response({ county: '03', status: 'draft' });
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const a = new TestClient(t.app);
    await a.login(admin.email, admin.password);
    const path = urls.occasion(uppsala, made.round, made.occasion);
    const first = await a.get(path);
    expect(first.status).toBe(200);
    expect(stable(await a.get(path))).toBe(stable(first));
    await t.database.db.execute(
      sql`update responses set status = 'submitted' where id = ${made.response.id}`,
    );
    const after = await a.get(path);
    expect(stable(after)).not.toBe(stable(first));
    // Another county's address for the occasion is not found.
    expect((await a.get(urls.occasion({ slug: 'vasternorrland' }, made.round, made.occasion))).status).toBe(
      404,
    );
  });

  it("a response's page is kept per version: its status, its organisation's name and the picture show on the next view", async () => {
    const made = await make.response({ county: '03', status: 'submitted' });
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const a = new TestClient(t.app);
    await a.login(admin.email, admin.password);
    const { db } = t.database;
    const path = `/uppsala/lagesbild/svar/${made.response.id}`;
    const version = async () => (await repo.responsePageVersion(db, made.response.id))?.fingerprint;
    const first = await a.get(path);
    expect(first.status).toBe(200);
    const v1 = await version();
    expect(stable(await a.get(path))).toBe(stable(first));
    await db.execute(sql`update responses set status = 'approved' where id = ${made.response.id}`);
    const v2 = await version();
    expect(v2).not.toBe(v1);
    expect(stable(await a.get(path))).not.toBe(stable(first));
    // (The municipalities are shared by every test: the name is put back at once.)
    await db.execute(sql`update organisations set name = 'Omdöpt kommun' where id = ${made.organisation.id}`);
    const renamed = (await a.get(path)).body;
    await db.execute(
      sql`update organisations set name = ${made.organisation.name} where id = ${made.organisation.id}`,
    );
    expect(renamed).toContain('Omdöpt kommun');
    const v3 = await version();
    await make.regionalPicture({ occasionId: made.occasion.id, county: '03' });
    expect(await version()).not.toBe(v3);
    // Another county's address for the response is not found; nor an unknown response.
    const vnorr = await createTestUser(db, 'county_admin', { countyCode: '22' });
    const b = new TestClient(t.app);
    await b.login(vnorr.email, vnorr.password);
    expect((await b.get(`/vasternorrland/lagesbild/svar/${made.response.id}`)).status).toBe(404);
    expect(await repo.responsePageVersion(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it("shows the coordinator a county's sending on the next view of the national picture", async () => {
    const made = await make.response({ county: '03', national: true, status: 'submitted' });
    const coordinator = await createTestUser(t.database.db, 'national_coordinator');
    const c = new TestClient(t.app);
    await c.login(coordinator.email, coordinator.password);
    const path = urls.national(made.round, made.occasion);

    const before = await c.get(path);
    expect(before.status).toBe(200);
    expect(
      before.doc.querySelector(`main a[href="${urls.nationalRegional(made.round, made.occasion, uppsala)}"]`),
    ).toBeNull();
    expect(stable(await c.get(path))).toBe(stable(before));

    await make.regionalPicture({ occasionId: made.occasion.id, county: '03', submitted: true });
    const after = await c.get(path);
    expect(
      after.doc.querySelector(`main a[href="${urls.nationalRegional(made.round, made.occasion, uppsala)}"]`),
    ).not.toBeNull();
  });
});
