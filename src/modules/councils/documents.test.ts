import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { makeDocx, makePdf, makeText } from '../../../tests/helpers/files.ts';
import { readInvitation } from '../../../tests/helpers/ics.ts';
import { searchDocuments } from '../../platform/search.ts';
import { findCountyBoard } from '../reference/index.ts';
import { reindexDocuments } from './documents-search.ts';
import * as docs from './documents-repository.ts';
import { planMeeting } from './meetings.ts';
import * as mrepo from './meetings-repository.ts';
import { addBody, addRepresentative, councilOverview, formCouncil } from './service.ts';
import { urls } from './urls.ts';

/** A council's documents in Kalmar (08), where no other test file has councils: files, versions, who sees them. */
describe("a council's documents", () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let groupMember: TestUser;
  let council: { id: string; slug: string };
  let councilBody: string;
  let group: string;
  const county = 'kalmar';
  const as = async (user: TestUser | undefined) => {
    const c = new TestClient(t.app);
    if (user) await c.login(user.email, user.password);
    return c;
  };
  const fields = (over: Record<string, string> = {}) => ({
    kind: 'collaboration_plan',
    title: 'Samverkansplan 2026',
    description: 'Rådets plan för samverkan.',
    public: 'yes',
    ...over,
  });
  /** Posts the add form, as the page's multipart form does. */
  const add = async (c: TestClient, over: Record<string, string>, file?: { name: string; bytes: Buffer }) =>
    c.postMultipart(
      urls.documents(county, council.slug),
      { _csrf: await c.csrfToken(), ...fields(over) },
      file ? [{ field: 'file', filename: file.name, bytes: file.bytes }] : [],
    );
  const fileLinkOf = async (c: TestClient, documentId: string) =>
    (await c.get(urls.document(county, council.slug, documentId))).doc
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => h.startsWith('/filer/'));

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '08' });
    member = await createTestUser(db, 'council_member', { countyCode: '08' });
    groupMember = await createTestUser(db, 'council_member', { countyCode: '08' });
    const board = (await findCountyBoard(db, '08'))!.id;
    council = await formCouncil(
      db,
      admin.actor,
      '08',
      { name: `Råd för social hållbarhet ${randomUUID().slice(0, 6)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board },
    );
    councilBody = (await councilOverview(db, '08', council.id)).tree[0]!.id;
    group = (
      await addBody(db, admin.actor, '08', council.id, {
        kind: 'working_group',
        name: 'Arbetsgrupp',
        reportsToId: councilBody,
      })
    ).id;
    await addRepresentative(db, admin.actor, '08', council.id, councilBody, {
      organisationId: board,
      name: 'Ledamot',
      email: member.email,
      role: 'member',
    });
    await addRepresentative(db, admin.actor, '08', council.id, group, {
      organisationId: board,
      name: 'Gruppmedlem',
      email: groupMember.email,
      role: 'member',
    });
  });
  afterAll(() => t.close());

  it('takes a Word document and a PDF by their bytes, refuses a renamed text file, and keeps the input', async () => {
    const c = await as(admin);
    const refused = await add(c, { title: 'Behåll titeln' }, { name: 'plan.pdf', bytes: makeText() });
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#file-error')?.text).toContain('det är innehållet som avgör');
    expect(refused.doc.querySelector('#title')?.getAttribute('value')).toBe('Behåll titeln');
    const none = await add(c, {});
    expect(none.status).toBe(400);
    expect(none.doc.querySelector('#file-error')?.text).toContain('Välj en fil');

    // The form refused for another field keeps the file: it comes back as the kept upload.
    const noTitle = await add(c, { title: '' }, { name: 'plan.docx', bytes: await makeDocx() });
    expect(noTitle.status).toBe(400);
    const kept = noTitle.doc.querySelector('input[name="fileRef"]')?.getAttribute('value');
    expect(kept).toMatch(/^[0-9a-f-]{36}$/);
    const made = await c.postMultipart(
      urls.documents(county, council.slug),
      {
        _csrf: await c.csrfToken(),
        ...fields({ title: 'Överenskommelse' }),
        kind: 'agreement',
        fileRef: kept!,
      },
      [],
    );
    expect(made.status).toBe(303);
    const page = await c.follow(made);
    expect(page.doc.querySelector('h1')?.text).toBe('Överenskommelse');
    expect(page.body).toContain('Word-dokument (.docx)');

    const pdf = await add(
      c,
      { title: 'Protokoll 2026-01', kind: 'minutes' },
      { name: 'protokoll.pdf', bytes: makePdf() },
    );
    expect(pdf.status).toBe(303);
  });

  it('versions: the newest shown, the older listed and downloadable; the public page lists the newest', async () => {
    const c = await as(admin);
    const made = await add(
      c,
      { title: 'Strategi 2024–2030', kind: 'strategy' },
      { name: 'strategi-v1.pdf', bytes: makePdf('v1') },
    );
    const documentId = made.location!.split('/').pop()!;
    const url = urls.document(county, council.slug, documentId);
    const second = await c.postMultipart(
      `${url}/version`,
      { _csrf: await c.csrfToken(), note: 'Reviderad efter remiss' },
      [{ field: 'file', filename: 'strategi-v2.docx', bytes: await makeDocx('Strategi v2') }],
    );
    expect(second.status).toBe(303);
    const page = await c.follow(second);
    expect(page.body).toContain('Version 2 är uppladdad.');
    expect(page.body).toContain('Version 2: strategi-v2.docx');
    expect(page.body).toContain('Reviderad efter remiss');
    expect(page.body).toContain('Version 1: strategi-v1.pdf');
    const versions = await docs.listVersions(t.database.db, [documentId]);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);

    const visitor = await as(undefined);
    const publicPage = await visitor.get(urls.publicPage(county, council.slug));
    const section = publicPage.doc.querySelector('section[aria-labelledby="documents"]')!;
    expect(section.text).toContain('Strategi 2024–2030');
    expect(section.text).toContain('Strategi');
    const link = section
      .querySelectorAll('a')
      .find((a) => a.text === 'Strategi 2024–2030')!
      .getAttribute('href')!;
    expect(link).toContain(versions[0]!.file.id);
    const file = await visitor.get(link, { checkPage: false });
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    // The older version is still there for whoever has its address.
    expect((await visitor.get(`/filer/${versions[1]!.file.id}/x.pdf`, { checkPage: false })).status).toBe(
      200,
    );
  });

  it("an internal document is its body's: 404 for others and for the public, and making one internal hides its file", async () => {
    const c = await as(admin);
    const made = await add(
      c,
      { title: 'Intern lägesrapport', public: '', bodyId: group, kind: 'other' },
      { name: 'rapport.pdf', bytes: makePdf('intern') },
    );
    expect(made.status).toBe(303);
    const internalId = made.location!.split('/').pop()!;
    const [link] = await fileLinkOf(c, internalId);
    const visitor = await as(undefined);
    expect((await visitor.get(link!, { checkPage: false })).status).toBe(404);
    const g = await as(groupMember);
    expect((await g.get(urls.document(county, council.slug, internalId))).status).toBe(200);
    expect((await g.get(link!, { checkPage: false })).status).toBe(200);
    const m = await as(member);
    expect((await m.get(urls.document(county, council.slug, internalId))).status).toBe(404);
    expect((await m.get(link!, { checkPage: false })).status).toBe(404);
    expect((await m.get(urls.documents(county, council.slug))).body).not.toContain('Intern lägesrapport');
    const internalNeedsBody = await add(
      c,
      { title: 'Utan grupp', public: '' },
      { name: 'x.pdf', bytes: makePdf() },
    );
    expect(internalNeedsBody.doc.querySelector('#bodyId-error')?.text).toContain('Välj vilken grupp');

    // A public document made internal: its file is no longer the public's.
    const pub = await add(c, { title: 'Snart internt' }, { name: 'snart.pdf', bytes: makePdf('snart') });
    const pubId = pub.location!.split('/').pop()!;
    const [pubLink] = await fileLinkOf(c, pubId);
    expect((await visitor.get(pubLink!, { checkPage: false })).status).toBe(200);
    const url = urls.document(county, council.slug, pubId);
    const edited = await c.post(url, {
      _csrf: await c.csrfToken(),
      ...fields({ title: 'Snart internt', public: '', bodyId: councilBody }),
    });
    expect(edited.status).toBe(303);
    expect((await visitor.get(pubLink!, { checkPage: false })).status).toBe(404);
    expect((await visitor.get(urls.publicPage(county, council.slug))).body).not.toContain('Snart internt');
    expect((await m.get(pubLink!, { checkPage: false })).status).toBe(200);
  });

  it('withdrawn: stays in the history, no new versions (409), off the public page and its file hidden', async () => {
    const c = await as(admin);
    const made = await add(c, { title: 'Gammal plan' }, { name: 'gammal.pdf', bytes: makePdf('gammal') });
    const id = made.location!.split('/').pop()!;
    const url = urls.document(county, council.slug, id);
    const [link] = await fileLinkOf(c, id);
    const visitor = await as(undefined);
    expect((await visitor.get(urls.publicPage(county, council.slug))).body).toContain('Gammal plan');
    expect((await c.submit(url, {}, `${url}/dra-tillbaka`)).status).toBe(303);
    expect((await visitor.get(urls.publicPage(county, council.slug))).body).not.toContain('Gammal plan');
    expect((await visitor.get(link!, { checkPage: false })).status).toBe(404);
    const page = await c.get(url);
    expect(page.body).toContain('Tillbakadraget');
    expect(page.body).toContain('Dokumentet är tillbakadraget.');
    const refused = await c.postMultipart(`${url}/version`, { _csrf: await c.csrfToken() }, [
      { field: 'file', filename: 'ny.pdf', bytes: makePdf('ny') },
    ]);
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain(
      'Dokumentet är tillbakadraget.',
    );
    // The admin still reads the withdrawn file (history); the council's member too.
    expect((await c.get(link!, { checkPage: false })).status).toBe(200);
  });

  it('is found in the public search while public and current, at its file; internal or withdrawn: not', async () => {
    const found = async (query: string) => {
      const out = await searchDocuments(t.database.db, {
        query,
        countyCode: '08',
        kinds: ['document'],
        page: 1,
        now: new Date(),
      });
      return out.kind === 'results' ? out.hits : [];
    };
    const c = await as(admin);
    const word = `ord${randomUUID().slice(0, 6)}`;
    const made = await add(
      c,
      { title: `Överenskommelse om våldsprevention ${word}`, kind: 'agreement' },
      { name: 'avtal.pdf', bytes: makePdf('avtal') },
    );
    const id = made.location!.split('/').pop()!;
    const [link] = await fileLinkOf(c, id);
    const [hit] = await found(`överenskommelser ${word}`);
    expect(hit?.url).toBe(link);
    const url = urls.document(county, council.slug, id);
    await c.post(url, {
      _csrf: await c.csrfToken(),
      ...fields({ title: `Överenskommelse ${word}`, public: '', bodyId: councilBody }),
    });
    expect(await found(word)).toEqual([]);
    await c.post(url, { _csrf: await c.csrfToken(), ...fields({ title: `Överenskommelse ${word}` }) });
    expect(await found(word)).toHaveLength(1);
    await t.database.db.execute(sql`delete from search_documents where kind = 'document'`);
    await reindexDocuments(t.database.db);
    expect(await found(word)).toHaveLength(1);
    expect((await c.submit(url, {}, `${url}/dra-tillbaka`)).status).toBe(303);
    expect(await found(word)).toEqual([]);
  });

  it("a meeting's papers: a document linked to the meeting shows on its page", async () => {
    const meeting = await planMeeting(t.app.deps, admin.actor, '08', council.id, {
      bodyId: councilBody,
      title: 'Rådsmöte',
      date: `${new Date().getUTCFullYear() + 1}-04-01`,
      startTime: '10.00',
      endTime: '12.00',
      location: 'Residenset',
    });
    const c = await as(admin);
    const paper = await add(
      c,
      { title: 'Underlag till rådsmötet', meetingId: meeting.id },
      { name: 'u.pdf', bytes: makePdf() },
    );
    expect((await mrepo.listMeetingPapers(t.database.db, meeting.id)).map((p) => p.title)).toEqual([
      'Underlag till rådsmötet',
    ]);
    const page = await (await as(member)).get(urls.meeting(county, council.slug, meeting.id));
    expect(page.doc.querySelector('section[aria-labelledby="papers"]')?.text).toContain(
      'Underlag till rådsmötet',
    );
    // The invitation links the papers.
    const ics = await (await as(member)).get(urls.meetingIcs(county, council.slug, meeting.id));
    const { event } = readInvitation(ics.body);
    expect(event.description).toContain(`Underlag till rådsmötet: http://samverkan.test${paper.location!}`);
  });
});
