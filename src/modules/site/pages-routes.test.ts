import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { makeImage, makePdf, makeText } from '../../../tests/helpers/files.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { files } from '../../platform/tables.ts';
import { urls } from './urls.ts';

/** The editorial side and the public page through HTTP, as an editor, a visitor and others see them. */
describe('the pages of a county site, through the web', () => {
  let t: TestApp;
  let editor: TestClient;
  let visitor: TestClient;
  let anna: TestUser;
  const c = 'vasternorrland';

  beforeAll(async () => {
    t = await buildTestApp();
    anna = await createTestUser(t.database.db, 'county_editor', { countyCode: '22' });
    editor = new TestClient(t.app);
    await editor.login(anna.email, anna.password);
    visitor = new TestClient(t.app);
  });
  afterAll(() => t.close());

  const pageIdOf = (page: Page) => /\/sidor\/([0-9a-f-]{36})$/.exec(page.location ?? '')![1]!;

  async function newPage(title: string, extra: Record<string, string> = {}): Promise<string> {
    const created = await editor.submit(urls.newPage(c), { title, ...extra });
    expect(created.status).toBe(303);
    return pageIdOf(created);
  }

  it('refuses bad input with Swedish messages and keeps what was typed', async () => {
    const refused = await editor.submit(urls.newPage(c), { title: '', slug: 'Fel Adress!' });
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('Ange sidans rubrik');
    expect(refused.doc.querySelector('#slug')?.getAttribute('value')).toBe('Fel Adress!');
    const reserved = await editor.submit(urls.newPage(c), { title: 'Sök', slug: 'sok' });
    expect(reserved.status).toBe(400);
    expect(reserved.doc.querySelector('#slug-error')?.text).toContain('används av tjänsten');

    const id = await newPage('Trasigt datum');
    const draft = await editor.submit(
      urls.editPage(c, id),
      {
        title: 'Trasigt datum',
        body: 'Min text som ska stå kvar',
        lastReviewedOn: '2026-02-30',
      },
      urls.editPage(c, id),
    );
    expect(draft.status).toBe(400);
    expect(draft.doc.querySelector('#lastReviewedOn-error')?.text).toContain('finns inte');
    expect(draft.doc.querySelector('#body')?.text).toBe('Min text som ska stå kvar');
  });

  it('writes, previews and publishes a page the public then reads; a draft never shows', async () => {
    const id = await newPage('Föreläsningsserie');
    await editor.submit(
      urls.editPage(c, id),
      {
        title: 'Föreläsningsserie',
        summary: 'Tillsammans med regionen',
        body: '# Program\n\n- Första föreläsningen\n\n<script>alert(1)</script>',
      },
      urls.editPage(c, id),
    );
    const preview = await editor.get(urls.previewPage(c, id));
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('Förhandsvisning');
    expect(preview.doc.querySelector('.sv-page-content h2')?.text).toBe('Program');
    expect(preview.body).not.toContain('<script>alert');

    expect((await visitor.get(`/${c}/forelasningsserie`)).status).toBe(404);
    const publish = await editor.submit(urls.publishPage(c, id), { when: 'now' });
    expect(publish.status).toBe(303);
    const pub = await visitor.get(`/${c}/forelasningsserie`);
    expect(pub.status).toBe(200);
    expect(pub.doc.querySelector('h1')?.text).toBe('Föreläsningsserie');
    expect(pub.doc.querySelector('.govuk-breadcrumbs')?.text).toContain('Västernorrland');

    await editor.submit(
      urls.editPage(c, id),
      { title: 'Föreläsningsserie', body: 'Halvfärdigt' },
      urls.editPage(c, id),
    );
    const still = await visitor.get(`/${c}/forelasningsserie`);
    expect(still.body).toContain('Första föreläsningen');
    expect(still.body).not.toContain('Halvfärdigt');
  });

  it('refuses a publishing time that has been, keeping the form', async () => {
    const id = await newPage('Gammal tid');
    const refused = await editor.submit(urls.publishPage(c, id), {
      when: 'later',
      date: '2020-01-01',
      time: '10.00',
    });
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('redan varit');
    expect(refused.doc.querySelector('#date')?.getAttribute('value')).toBe('2020-01-01');
  });

  it('a moved page’s old address answers 301 to the new one', async () => {
    const id = await newPage('Krismaterial');
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    const moved = await editor.submit(urls.movePage(c, id), { slug: 'kris-och-beredskap', parentId: '' });
    expect(moved.status).toBe(303);
    const old = await visitor.get(`/${c}/krismaterial`);
    expect(old.status).toBe(301);
    expect(old.location).toBe(`/${c}/kris-och-beredskap`);
    expect((await visitor.get(`/${c}/kris-och-beredskap`)).status).toBe(200);
  });

  it('answers 409 with the reason for a change the state forbids', async () => {
    const id = await newPage('Inte publicerad');
    const page = await editor.get(urls.editPage(c, id));
    const csrf = page.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
    const refused = await editor.post(urls.unpublishPage(c, id), { _csrf: csrf });
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('inte publicerad');
  });

  it('shows the history with a diff in words and restores an old revision', async () => {
    const id = await newPage('Historik');
    await editor.submit(
      urls.editPage(c, id),
      { title: 'Historik', body: 'rad ett\nrad två' },
      urls.editPage(c, id),
    );
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    await editor.submit(
      urls.editPage(c, id),
      { title: 'Historik', body: 'rad ett\nrad tre' },
      urls.editPage(c, id),
    );
    const history = await editor.get(urls.history(c, id));
    const links = history.doc.querySelectorAll('main tbody a');
    expect(links.map((a) => a.text)).toEqual(['Version 2', 'Version 1']);
    const second = await editor.get(links[0]!.getAttribute('href')!);
    expect(second.doc.querySelector('ins')?.text).toBe('rad tre');
    expect(second.doc.querySelector('del')?.text).toBe('rad två');
    expect(second.body).toContain('Tillagt');
    expect(second.body).toContain('Borttaget');
    const first = await editor.get(links[1]!.getAttribute('href')!);
    const restored = await editor.submitOn(first, {}, links[1]!.getAttribute('href')! + '/aterstall');
    expect(restored.status).toBe(303);
    const edit = await editor.get(urls.editPage(c, id));
    expect(edit.doc.querySelector('#body')?.text).toBe('rad ett\nrad två');
  });

  it('files: a renamed text file is refused; an unpublished page’s file is not public, then is', async () => {
    const id = await newPage('Med filer');
    const form = await editor.get(urls.pageFiles(c, id));
    const csrf = form.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
    const refused = await editor.postMultipart(urls.pageFiles(c, id), { _csrf: csrf }, [
      { field: 'file', filename: 'plan.pdf', type: 'application/pdf', bytes: makeText() },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#file-error')?.text).toContain('innehållet som avgör');

    const added = await editor.postMultipart(urls.pageFiles(c, id), { _csrf: csrf, title: 'Krisplan' }, [
      { field: 'file', filename: 'krisplan.pdf', type: 'application/pdf', bytes: makePdf() },
    ]);
    expect(added.status).toBe(303);
    const list = await editor.get(urls.pageFiles(c, id));
    const href = list.doc.querySelector('main ul a')!.getAttribute('href')!;
    expect((await editor.get(href)).status).toBe(200);
    expect((await visitor.get(href)).status).toBe(404);
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    expect((await visitor.get(href)).status).toBe(200);
    const pub = await visitor.get(`/${c}/med-filer`);
    expect(pub.doc.querySelector('main a[href="' + href + '"]')?.text).toBe('Krisplan');

    // A file added to the published page belongs to a new draft: not public, and not listed, until published.
    const later = await editor.postMultipart(urls.pageFiles(c, id), { _csrf: csrf, title: 'Kontaktlista' }, [
      { field: 'file', filename: 'kontakter.pdf', type: 'application/pdf', bytes: makePdf() },
    ]);
    expect(later.status).toBe(303);
    const working = await editor.get(urls.pageFiles(c, id));
    const laterHref = working.doc
      .querySelectorAll('main ul a')
      .find((a) => a.text === 'Kontaktlista')!
      .getAttribute('href')!;
    expect(working.doc.querySelectorAll('main .govuk-tag').map((t) => t.text)).toEqual([
      'Publicerad',
      'Bara i utkastet',
    ]);
    expect((await visitor.get(laterHref)).status).toBe(404);
    expect(
      (await visitor.get(`/${c}/med-filer`)).doc.querySelector(`main a[href="${laterHref}"]`),
    ).toBeNull();
    // Taking the first file off the draft leaves it public until the draft is published.
    const firstId = /\/filer\/([0-9a-f-]{36})\//.exec(href)![1]!;
    expect((await editor.submit(urls.pageFiles(c, id), {}, urls.pageFileRemove(c, id, firstId))).status).toBe(
      303,
    );
    expect((await visitor.get(href)).status).toBe(200);
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    expect((await visitor.get(laterHref)).status).toBe(200);
    expect((await visitor.get(href)).status).toBe(404);
    const now = await visitor.get(`/${c}/med-filer`);
    expect(now.doc.querySelector(`main a[href="${laterHref}"]`)?.text).toBe('Kontaktlista');
    expect(now.doc.querySelector(`main a[href="${href}"]`)).toBeNull();

    // A file uploaded by mistake, which no version has shown, is let go when taken off the draft.
    await editor.postMultipart(urls.pageFiles(c, id), { _csrf: csrf, title: 'Fel fil' }, [
      { field: 'file', filename: 'fel.pdf', type: 'application/pdf', bytes: makePdf() },
    ]);
    const wrongHref = (await editor.get(urls.pageFiles(c, id))).doc
      .querySelectorAll('main ul a')
      .find((a) => a.text === 'Fel fil')!
      .getAttribute('href')!;
    const wrongId = /\/filer\/([0-9a-f-]{36})\//.exec(wrongHref)![1]!;
    const released = async (fileId: string) =>
      (await t.database.db.select().from(files).where(eq(files.id, fileId)))[0]!.detachedAt !== null;
    expect(await released(wrongId)).toBe(false);
    expect((await editor.submit(urls.pageFiles(c, id), {}, urls.pageFileRemove(c, id, wrongId))).status).toBe(
      303,
    );
    expect(await released(wrongId)).toBe(true);
    // The first file, which an earlier version shows, stays the page's.
    expect(await released(firstId)).toBe(false);
  });

  it('an image needs its alt text, and shows with the page', async () => {
    const id = await newPage('Med bild');
    const form = await editor.get(urls.pageImage(c, id));
    const csrf = form.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
    const image = {
      field: 'image',
      filename: 'bild.jpg',
      type: 'image/jpeg',
      bytes: await makeImage('jpeg', 1200, 600),
    };
    const refused = await editor.postMultipart(urls.pageImage(c, id), { _csrf: csrf, imageAlt: '' }, [image]);
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#imageAlt-error')?.text).toContain('alternativtext');
    // The upload is kept: the form carries it, and saving with an alt text takes it.
    const kept = refused.doc.querySelector('input[name="imageRef"]')?.getAttribute('value');
    expect(kept).toMatch(/^[0-9a-f-]{36}$/);
    const saved = await editor.postMultipart(
      urls.pageImage(c, id),
      { _csrf: csrf, imageRef: kept!, imageAlt: 'Deltagare vid en föreläsning' },
      [],
    );
    expect(saved.status).toBe(303);
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    const pub = await visitor.get(`/${c}/med-bild`);
    const img = pub.doc.querySelector('main img');
    expect(img?.getAttribute('alt')).toBe('Deltagare vid en föreläsning');
    expect(img?.getAttribute('srcset')).toContain('w480');
    expect((await visitor.get(img!.getAttribute('src')!)).status).toBe(200);
  });

  it('images in the text: only the page’s own, with alt text; shown with every width; kept while shown', async () => {
    const id = await newPage('Bilder i texten');
    const other = await newPage('En annan sida');
    const upload = async (pageId: string, filename: string) => {
      const form = await editor.get(urls.pageFiles(c, pageId));
      const csrf = form.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
      const added = await editor.postMultipart(urls.pageFiles(c, pageId), { _csrf: csrf, title: filename }, [
        { field: 'file', filename, type: 'image/png', bytes: await makeImage('png', 1000, 500) },
      ]);
      expect(added.status).toBe(303);
    };
    await upload(id, 'karta.png');
    await upload(other, 'annan.png');
    // The files page offers the line to copy into the text.
    const files = await editor.get(urls.pageFiles(c, id));
    const line = files.doc.querySelector('code.sv-code')!.text;
    expect(line).toMatch(/^!\[Vad bilden visar\]\(\/filer\/[0-9a-f-]{36}\/karta\.png\)$/);
    const src = /\((.*)\)/.exec(line)![1]!;
    const otherSrc = /\((.*)\)/.exec(
      (await editor.get(urls.pageFiles(c, other))).doc.querySelector('code')!.text,
    )![1]!;

    const save = (body: string) =>
      editor.submit(urls.editPage(c, id), { title: 'Bilder i texten', body }, urls.editPage(c, id));
    for (const [body, message] of [
      [`Text\n\n![Annan](${otherSrc})`, 'inte en av sidans bilder'],
      ['![Extern](https://example.com/a.png)', 'inte en av sidans bilder'],
      [`![](${src})`, 'saknar text som beskriver den'],
    ] as const) {
      const refused = await save(body);
      expect(refused.status, body).toBe(400);
      expect(refused.doc.querySelector('#body-error')?.text, body).toContain(message);
      expect(refused.doc.querySelector('#body')?.text, body).toBe(body);
    }
    expect((await save(`Inledning.\n\n![Karta över länets kommuner](${src})`)).status).toBe(303);
    // The preview shows it as it will be published; the public does not yet see the page or the file.
    const preview = await editor.get(urls.previewPage(c, id));
    expect(preview.doc.querySelector('main img.sv-body-image')?.getAttribute('alt')).toBe(
      'Karta över länets kommuner',
    );
    expect((await visitor.get(src)).status).toBe(404);

    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    const pub = await visitor.get(`/${c}/bilder-i-texten`);
    const img = pub.doc.querySelector('main img.sv-body-image')!;
    expect(img.getAttribute('alt')).toBe('Karta över länets kommuner');
    expect(img.getAttribute('srcset')).toContain('w480');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1000', '500']);
    expect((await visitor.get(img.getAttribute('src')!)).status).toBe(200);
    // shown in the text, it is not listed again among the page's documents
    expect(pub.doc.querySelectorAll('main a').map((a) => a.text)).not.toContain('karta.png');

    // The image may not leave the draft while the draft's text shows it; once it has, the public version
    // still shows it until the draft is published.
    const fileId = /\/filer\/([0-9a-f-]{36})\//.exec(src)![1]!;
    const remove = () => editor.submit(urls.pageFiles(c, id), {}, urls.pageFileRemove(c, id, fileId));
    const refused = await remove();
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('utkastets text');
    expect((await save('Inledning utan bild.')).status).toBe(303);
    expect((await remove()).status).toBe(303);
    expect((await visitor.get(src)).status).toBe(200);
    expect(
      (await visitor.get(`/${c}/bilder-i-texten`)).doc.querySelector('main img.sv-body-image'),
    ).not.toBeNull();
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    expect((await visitor.get(src)).status).toBe(404);
    // The history still has it: restoring the first version brings the image back with its text.
    const history = await editor.get(urls.history(c, id));
    const first = history.doc.querySelectorAll('main tbody a').find((a) => a.text === 'Version 1')!;
    const firstUrl = first.getAttribute('href')!;
    expect((await editor.submitOn(await editor.get(firstUrl), {}, firstUrl + '/aterstall')).status).toBe(303);
    const restored = await editor.get(urls.previewPage(c, id));
    expect(restored.doc.querySelector('main img.sv-body-image')?.getAttribute('src')).toBe(
      img.getAttribute('src'),
    );
    expect((await visitor.get(src)).status).toBe(404);
    await editor.submit(urls.publishPage(c, id), { when: 'now' });
    expect((await visitor.get(src)).status).toBe(200);
  });

  it('another county’s page, and a reporter, get 404', async () => {
    const id = await newPage('Eget län');
    const uppsala = await createTestUser(t.database.db, 'county_editor', { countyCode: '03' });
    const other = new TestClient(t.app);
    await other.login(uppsala.email, uppsala.password);
    expect((await other.get(urls.editPage('uppsala', id))).status).toBe(404);
    expect((await other.get(urls.editPage(c, id))).status).toBe(404);
    const reporter = await createTestUser(t.database.db, 'reporter', { municipalityCode: '2281' });
    const rep = new TestClient(t.app);
    await rep.login(reporter.email, reporter.password);
    expect((await rep.get(urls.editPage(c, id))).status).toBe(404);
    expect((await rep.get(urls.editorial(c))).status).toBe(404);
  });

  it('contacts: bad input in Swedish; a replaced contact shows as the replacement', async () => {
    const bad = await editor.submit(urls.newContact(c), {
      kind: 'person',
      name: 'Eva',
      email: 'inte-en-adress',
      phone: 'abc',
    });
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#email-error')?.text).toContain('namn@exempel.se');
    expect(bad.doc.querySelector('#phone-error')?.text).toContain('telefonnumret');
    expect(bad.doc.querySelector('#name')?.getAttribute('value')).toBe('Eva');
  });

  it('the county admin sets review; the editor’s own draft then cannot be published by them', async () => {
    const adminUser = await createTestUser(t.database.db, 'county_admin', { countyCode: '22' });
    const admin = new TestClient(t.app);
    await admin.login(adminUser.email, adminUser.password);
    expect((await editor.get(urls.settings(c))).status).toBe(404);
    expect((await admin.submit(urls.settings(c), { requiresReview: 'yes' })).status).toBe(303);
    try {
      const id = await newPage('Granskas');
      expect((await editor.submit(urls.editPage(c, id), {}, urls.requestReview(c, id))).status).toBe(303);
      const refused = await editor.submit(urls.publishPage(c, id), { when: 'now' });
      expect(refused.status).toBe(409);
      expect((await admin.submit(urls.publishPage(c, id), { when: 'now' })).status).toBe(303);
    } finally {
      await admin.submit(urls.settings(c), { requiresReview: 'no' });
    }
  });
});
