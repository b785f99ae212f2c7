import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type Factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { gatedTransactions } from '../../../tests/helpers/gated.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { openDatabase, queryRows, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { ConflictError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import { listBoundaries, seedReferenceData } from '../reference/index.ts';
import * as lifecycle from './lifecycle.ts';
import { closeNationalPicture, recallRegionalPicture } from './pictures.ts';
import * as repo from './repository.ts';

/**
 * Nothing leaves without a confirmation, and what was sent can be taken back until the coordinator closes the
 * national compilation: the rules, the pages, the history of what was sent, the coordinator's e-mail, and a
 * recall racing the close.
 */

describe('the rules of sending, recalling and closing', () => {
  const sent = { status: 'submitted' as const };
  const draft = { status: 'draft' as const };
  const open = { closedAt: null };
  const closed = { closedAt: new Date() };

  it('a sent picture may be recalled until the national compilation is closed', () => {
    expect(lifecycle.pictureMayRecall(sent, open)).toBe(true);
    expect(lifecycle.pictureMayRecall(sent, null)).toBe(true);
    expect(lifecycle.pictureMayRecall(sent, closed)).toMatch(/stängt/);
    expect(lifecycle.pictureMayRecall(draft, open)).toMatch(/inget att återkalla/);
    expect(lifecycle.pictureMayRecall(null, open)).toMatch(/inget att återkalla/);
  });

  it('a draft may be sent (again after a recall) while the compilation is open; it is closed once', () => {
    expect(lifecycle.pictureMaySubmit(draft, open)).toBe(true);
    expect(lifecycle.pictureMaySubmit(draft, closed)).toMatch(/stängt/);
    expect(lifecycle.pictureMaySubmit(sent, open)).toMatch(/redan inskickad/);
    expect(lifecycle.nationalMayClose(open)).toBe(true);
    expect(lifecycle.nationalMayClose(null)).toBe(true);
    expect(lifecycle.nationalMayClose(closed)).toMatch(/redan stängd/);
    expect(lifecycle.nationalMayEdit(closed)).toMatch(/redan stängd/);
  });
});

describe('confirm before sending, recall until closed', () => {
  let t: TestApp;
  let make: Factories;
  let admin: TestUser;
  let coordinator: TestUser;
  const c = {} as Record<'admin' | 'coordinator', TestClient>;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    admin = await make.user('county_admin', { countyCode: '03' });
    coordinator = await make.user('national_coordinator');
    for (const [name, user] of [
      ['admin', admin],
      ['coordinator', coordinator],
    ] as const) {
      c[name] = new TestClient(t.app);
      await c[name].login(user.email, user.password);
    }
  });
  afterAll(() => t.close());

  const pictureRow = (occasionId: string) => repo.findRegionalPicture(t.database.db, occasionId, '03');
  const nationalOf = async (occasionId: string) => repo.findNationalPicture(t.database.db, occasionId);

  /** A national round where one of Uppsala län's municipalities has answered. */
  async function nationalRound() {
    const made = await make.response({ national: true, municipality: '0380', status: 'submitted' });
    const base = `/uppsala/lagesbild/${made.round.id}/${made.occasion.id}/sammanstallning`;
    return { ...made, base, national: `/nationellt/lagesbild/${made.round.id}/${made.occasion.id}` };
  }

  it('sending goes through a page that says what is missing, and only its confirmation sends', async () => {
    const { base, occasion } = await nationalRound();
    // "Skicka" on the picture saves the texts and goes on to the confirmation page; nothing is sent yet.
    const onTheWay = await c.admin.submit(base, { summary_violence: 'Våldet ökar.', intent: 'submit' });
    expect(onTheWay.status).toBe(303);
    expect(onTheWay.location).toBe(`${base}/skicka`);
    expect((await pictureRow(occasion.id))?.status).toBe('draft');

    const confirm = await c.admin.get(`${base}/skicka`);
    expect(confirm.status).toBe(200);
    const respondents = await repo.listRespondents(t.database.db, occasion.roundId, '03');
    const missing = respondents.length - 1;
    const main = confirm.doc.querySelector('main')!.text.replace(/\s+/g, ' ');
    expect(main).toContain(
      `${missing} av ${respondents.length} har inte svarat; sista svarsdag är ${formatDate(occasion.deadlineAt)} — skicka ändå?`,
    );
    // who has not answered, by name, and what is not yet written
    const notAnswered = confirm.doc.querySelectorAll('main table tbody th, main table tbody td:first-child');
    expect(notAnswered.map((c) => c.text.trim())).not.toContain('Uppsala kommun');
    expect(main).toContain('Enköpings kommun');
    expect(main).toContain('Områden utan sammanfattning');
    expect(confirm.doc.querySelector('main button')?.text.trim()).toBe('Ja, skicka ändå');

    const done = await c.admin.submitOn(confirm, {});
    expect(done.status).toBe(303);
    expect(done.location).toBe(base);
    const row = await pictureRow(occasion.id);
    expect(row?.status).toBe('submitted');
    // what was sent carries the texts saved on the way
    const sendings = await repo.listPictureSendings(t.database.db, row!.id);
    expect(sendings).toHaveLength(1);
    const snapshot = await repo.findSendingSnapshot(t.database.db, row!.id, sendings[0]!.id);
    expect(snapshot?.summaries.violence).toBe('Våldet ökar.');

    // Sent once: the confirmation page now says so and has nothing to press; a second post is a conflict.
    const again = await c.admin.get(`${base}/skicka`);
    expect(again.doc.querySelector('main form')).toBeNull();
    expect(again.doc.querySelector('main')!.text).toContain('redan inskickad');
    expect((await c.admin.submitOn(confirm, {})).status).toBe(409);
  });

  it('the county recalls a sent picture: logged, the coordinator e-mailed, what was sent kept; then sends again', async () => {
    const { base, occasion, national } = await nationalRound();
    expect((await c.admin.submit(`${base}/skicka`, {})).status).toBe(303);
    expect((await c.coordinator.get(national)).doc.querySelector('main')!.text).toContain('1 av');

    const page = await c.admin.get(base);
    expect(page.doc.querySelector('main')!.text).toContain('Återkalla lägesbilden');
    const recalled = await c.admin.submitOn(page, {}, `${base}/aterkalla`);
    expect(recalled.status).toBe(303);
    const row = (await pictureRow(occasion.id))!;
    expect(row.status).toBe('draft');

    // logged in the audit, in the county
    const [audit] = await queryRows<{ actor_id: string; county_code: string }>(
      t.database.db,
      sql`select actor_id, county_code from audit_log
          where action = 'regional_picture.recalled' and entity_id = ${row.id}`,
    );
    expect(audit).toEqual({ actor_id: admin.id, county_code: '03' });

    // the coordinator is told by e-mail, with a link to the national picture
    await t.app.jobs.runDue();
    const mail = (await readMailbox(mailDirOf(t.config.dataDir))).find(
      (m) => m.to === coordinator.email && m.subject.includes('återkallat'),
    );
    expect(mail?.subject).toContain('Uppsala län har återkallat sin regionala lägesbild');
    expect(mail?.text).toContain(`http://samverkan.test${national}`);

    // The national picture no longer counts the county; the county's history keeps what was sent.
    const nationalPage = await c.coordinator.get(national);
    const uppsala = nationalPage.doc
      .querySelectorAll('main table tr')
      .find((tr) => tr.querySelector('th, td')?.text.trim() === 'Uppsala län');
    expect(uppsala?.text).toContain('Ej inskickad');
    expect((await c.coordinator.get(`${national}/lan/uppsala`)).status).toBe(404);
    let sendings = await repo.listPictureSendings(t.database.db, row.id);
    expect(sendings).toHaveLength(1);
    expect(sendings[0]!.recalledAt).toBeInstanceOf(Date);
    expect(await repo.findSendingSnapshot(t.database.db, row.id, sendings[0]!.id)).toMatchObject({
      status: 'submitted',
    });
    const history = (await c.admin.get(base)).doc.querySelector('main details')!.text;
    expect(history).toContain('återkallad');

    // Recalled again is a conflict: there is nothing sent.
    expect((await c.admin.submitOn(page, {}, `${base}/aterkalla`)).status).toBe(409);

    // Changed and sent again: two sendings, the first recalled, the second standing.
    expect((await c.admin.submit(base, { summary_violence: 'Rättad analys', intent: 'save' })).status).toBe(
      303,
    );
    expect((await c.admin.submit(`${base}/skicka`, {})).status).toBe(303);
    sendings = await repo.listPictureSendings(t.database.db, row.id);
    expect(sendings.map((s) => s.recalledAt === null)).toEqual([true, false]);
    const received = await c.coordinator.get(`${national}/lan/uppsala`);
    expect(received.doc.querySelector('main')!.text).toContain('Rättad analys');
  });

  it('once the coordinator has closed the compilation, the county can no longer recall', async () => {
    const { base, occasion, national } = await nationalRound();
    expect((await c.admin.submit(`${base}/skicka`, {})).status).toBe(303);
    const before = await c.admin.get(base);

    const confirm = await c.coordinator.get(`${national}/stang`);
    expect(confirm.status).toBe(200);
    expect(confirm.doc.querySelector('main')!.text).toContain(
      'län har inte skickat in sin regionala lägesbild',
    );
    expect((await c.coordinator.submitOn(confirm, {})).status).toBe(303);
    expect((await nationalOf(occasion.id))?.closedAt).toBeInstanceOf(Date);
    const [closedAudit] = await queryRows<{ after: { counties: string[] } }>(
      t.database.db,
      sql`select after from audit_log where action = 'national_picture.closed' and entity_id = ${occasion.id}`,
    );
    expect(closedAudit?.after.counties).toContain('03');

    const refused = await c.admin.submitOn(before, {}, `${base}/aterkalla`);
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('stängt');
    expect((await pictureRow(occasion.id))?.status).toBe('submitted');
    const after = await c.admin.get(base);
    expect(after.doc.querySelector(`form[action="${base}/aterkalla"]`)).toBeNull();
    expect(after.doc.querySelector('main')!.text).toContain('stängt den nationella sammanställningen');
    // The coordinator's summaries are final too, and the close is not offered twice.
    const nationalPage = await c.coordinator.get(national);
    expect(nationalPage.doc.querySelector('main textarea')).toBeNull();
    expect(nationalPage.doc.querySelector(`a[href="${national}/stang"]`)).toBeNull();
    expect((await c.coordinator.submitOn(confirm, {})).status).toBe(409);
  });

  it('a recall racing the close: whichever takes the lock second sees the other’s result', async () => {
    const deps = t.app.deps;
    const recall = (db: Db, occasionId: string) =>
      recallRegionalPicture({ ...deps, db }, admin.actor, { occasionId, countyCode: '03' }).then(
        () => 'recalled' as const,
        (err: unknown) => err,
      );
    const close = (db: Db, occasionId: string) =>
      closeNationalPicture(db, coordinator.actor, occasionId).then(() => 'closed' as const);
    const closedCounties = async (occasionId: string) =>
      (
        await queryRows<{ after: { counties: string[] } }>(
          t.database.db,
          sql`select after from audit_log where action = 'national_picture.closed' and entity_id = ${occasionId}`,
        )
      )[0]!.after.counties;

    // The recall reaches its transaction after the close: refused, the picture stays as sent.
    const a = await nationalRound();
    await make.regionalPicture({ occasionId: a.occasion.id, county: '03', submitted: true });
    const lateRecall = gatedTransactions(deps.db);
    const [refused] = await Promise.all([
      recall(lateRecall.db, a.occasion.id),
      lateRecall.arrived.then(async () => {
        await close(deps.db, a.occasion.id);
        lateRecall.open();
      }),
    ]);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((await pictureRow(a.occasion.id))?.status).toBe('submitted');
    expect(await closedCounties(a.occasion.id)).toContain('03');

    // The close reaches its transaction after the recall: the compilation is closed without the county.
    const b = await nationalRound();
    await make.regionalPicture({ occasionId: b.occasion.id, county: '03', submitted: true });
    const lateClose = gatedTransactions(deps.db);
    const [closed] = await Promise.all([
      close(lateClose.db, b.occasion.id),
      lateClose.arrived.then(async () => {
        expect(await recall(deps.db, b.occasion.id)).toBe('recalled');
        lateClose.open();
      }),
    ]);
    expect(closed).toBe('closed');
    expect((await pictureRow(b.occasion.id))?.status).toBe('draft');
    expect(await closedCounties(b.occasion.id)).not.toContain('03');

    // At the same moment: one of the two outcomes, never a recalled picture in a compilation that counts it.
    const d = await nationalRound();
    await make.regionalPicture({ occasionId: d.occasion.id, county: '03', submitted: true });
    const [r] = await Promise.all([recall(deps.db, d.occasion.id), close(deps.db, d.occasion.id)]);
    const status = (await pictureRow(d.occasion.id))?.status;
    const counted = (await closedCounties(d.occasion.id)).includes('03');
    if (r === 'recalled') expect([status, counted]).toEqual(['draft', false]);
    else {
      expect(r).toBeInstanceOf(ConflictError);
      expect([status, counted]).toEqual(['submitted', true]);
    }
  });
});

describe('the map boundaries on a fresh install', () => {
  it('are loaded at the first start from the derived SCB file the product ships, without any command', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(database.db);
      await seedReferenceData(database.db);
      const municipalities = await listBoundaries(database.db, 'municipality');
      const counties = await listBoundaries(database.db, 'county');
      expect(municipalities).toHaveLength(290);
      expect(counties).toHaveLength(21);
      expect(municipalities.find((m) => m.code === '0380')?.name).toBe('Uppsala');
      expect(counties.find((c) => c.code === '03')?.name).toBe('Uppsala län');
      expect(municipalities.every((m) => /^M[\d.]/.test(m.path))).toBe(true);
      // small enough for a page
      expect(municipalities.reduce((s, m) => s + m.path.length, 0)).toBeLessThan(150_000);
      // a second start keeps what is there (an import since then included)
      await database.db.execute(sql`update boundaries set name = 'Importerad' where code = '0380'`);
      await seedReferenceData(database.db);
      expect((await listBoundaries(database.db, 'municipality')).find((m) => m.code === '0380')?.name).toBe(
        'Importerad',
      );
    } finally {
      await database.close();
    }
  });
});
