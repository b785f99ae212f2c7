import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, testConfig, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { makeExe, makeImage, type FilePart } from '../../../tests/helpers/files.ts';
import { ValidationError } from '../../platform/errors.ts';
import { fileUrl, findFile, type FileRow } from '../../platform/files.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findCountyBoard } from '../reference/index.ts';
import { EVENT_IMAGE, EVENT_IMAGE_OWNER } from './files.ts';
import type { EventInput } from './schemas.ts';
import * as repo from './repository.ts';
import { createEvent, publishEvent, updateEvent } from './service.ts';

/**
 * An event's image through the events services and the file store: attached when the event is saved, public
 * once the event is, let go of when replaced or removed; another person's upload is never taken.
 */
describe('an event’s image', () => {
  let t: TestApp;
  let editor: TestUser;
  let colleague: TestUser;
  let editorClient: TestClient;
  let otherCounty: TestClient;
  const anonymous = () => new TestClient(t.app);

  const stage = async (by: TestUser, width = 1200) =>
    t.app.deps.files.stage(
      {
        field: 'image',
        filename: 'Affisch.jpg',
        bytes: await makeImage('jpeg', width, 600),
        truncated: false,
      },
      { ...EVENT_IMAGE, ownerKind: EVENT_IMAGE_OWNER, countyCode: '03', actorId: by.id, public: true },
    );

  const input = async (over: Partial<EventInput> = {}): Promise<EventInput> => {
    const day = stockholmDate(new Date(Date.now() + 40 * 86_400_000));
    const startsAt = stockholmTime(day, 13, 0);
    return {
      title: 'Föreläsning om föräldrastöd',
      placeKind: 'digital',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      registrationClosesAt: endOfStockholmDay(stockholmDate(new Date(startsAt.getTime() - 3 * 86_400_000))),
      organisationIds: [(await findCountyBoard(t.app.deps.db, '03'))!.id],
      ...over,
    };
  };
  const ctx = () => ({ db: t.app.deps.db, config: t.config });
  const status = async (client: TestClient, file: FileRow) =>
    (await client.get(fileUrl(file, 'w480'))).status;

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.app.deps.db;
    editor = await createTestUser(db, 'county_editor', { countyCode: '03' });
    colleague = await createTestUser(db, 'county_editor', { countyCode: '03' });
    editorClient = new TestClient(t.app);
    await editorClient.login(editor.email, editor.password);
    const stranger = await createTestUser(db, 'county_editor', { countyCode: '22' });
    otherCounty = new TestClient(t.app);
    await otherCounty.login(stranger.email, stranger.password);
  });
  afterAll(() => t.close());

  it('is attached when the draft is saved, seen by the organisers, and public once the event is', async () => {
    const image = await stage(editor);
    const draft = await createEvent(
      ctx(),
      editor.actor,
      '03',
      await input({ imageRef: image.id, imageAlt: 'En affisch' }),
    );
    expect(await findFile(t.app.deps.db, image.id)).toMatchObject({ ownerId: draft.id, detachedAt: null });
    expect(await status(anonymous(), image)).toBe(404);
    expect(await status(otherCounty, image)).toBe(404);
    expect(await status(editorClient, image)).toBe(200);

    await publishEvent(ctx(), editor.actor, { countyCode: '03', eventId: draft.id });
    const page = await anonymous().get(fileUrl(image, 'w960'));
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toContain('immutable');
  });

  it('lets go of a replaced or removed image, which is then no longer shown', async () => {
    const first = await stage(editor);
    const event = await createEvent(
      ctx(),
      editor.actor,
      '03',
      await input({ imageRef: first.id, imageAlt: 'Första' }),
    );
    await publishEvent(ctx(), editor.actor, { countyCode: '03', eventId: event.id });
    const ref = { countyCode: '03', eventId: event.id };

    const second = await stage(colleague);
    await updateEvent(ctx(), colleague.actor, ref, await input({ imageRef: second.id, imageAlt: 'Andra' }));
    expect((await findFile(t.app.deps.db, first.id))!.ownerId).toBeNull();
    expect((await findFile(t.app.deps.db, second.id))!.ownerId).toBe(event.id);
    expect(await status(anonymous(), first)).toBe(404);
    expect(await status(anonymous(), second)).toBe(200);

    // Saved again by someone else with the image it has: no change.
    await updateEvent(
      ctx(),
      editor.actor,
      ref,
      await input({ imageRef: second.id, imageAlt: 'Andra, ny text' }),
    );
    expect((await findFile(t.app.deps.db, second.id))!.ownerId).toBe(event.id);

    await updateEvent(ctx(), editor.actor, ref, await input({ imageRef: null, imageAlt: null }));
    expect((await findFile(t.app.deps.db, second.id))!.ownerId).toBeNull();
    expect(await status(anonymous(), second)).toBe(404);
  });

  it('never takes another person’s upload, and keeps nothing of a refused save', async () => {
    const theirs = await stage(colleague);
    const err = await createEvent(
      ctx(),
      editor.actor,
      '03',
      await input({ imageRef: theirs.id, imageAlt: 'x' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ image: 'Filen finns inte längre: välj den igen' });
    expect((await findFile(t.app.deps.db, theirs.id))!.ownerId).toBeNull();

    // An image needs its alt text: refused by the schema before anything is attached.
    const mine = await stage(editor);
    await expect(
      createEvent(ctx(), editor.actor, '03', await input({ imageRef: mine.id, imageAlt: '' })),
    ).rejects.toMatchObject({ fieldErrors: { imageAlt: 'Beskriv bilden med en alternativtext' } });
    expect((await findFile(t.app.deps.db, mine.id))!.ownerId).toBeNull();
  });
});

/** The organiser's event form with its image: chosen, refused beside the field, kept, replaced, removed. */
describe('the event form’s image', () => {
  let t: TestApp;
  let editor: TestClient;
  let board: string;
  const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

  /** The fields of a complete event, as the form has them. */
  const eventFields = (extra: Record<string, string> = {}): Record<string, string> => ({
    title: `Föreläsning med bild ${Math.random().toString(36).slice(2, 8)}`,
    startDate: day(30),
    startTime: '13.00',
    endTime: '15.00',
    placeKind: 'digital',
    costKind: 'free',
    registrationLastDay: day(25),
    organisationIds: board,
    intent: 'save',
    ...extra,
  });

  /** Posts the page's main form as a browser does with `enctype="multipart/form-data"`: its hidden fields too. */
  const submitMultipart = (
    client: TestClient,
    page: Page,
    fields: Record<string, string | string[]>,
    files: FilePart[],
  ) => {
    const form = page.doc.querySelector('main form[method="post"]')!;
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
    const hidden: Record<string, string> = {};
    for (const input of form.querySelectorAll('input[type="hidden"]'))
      hidden[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
    return client.postMultipart(form.getAttribute('action')!, { ...hidden, ...fields }, files);
  };
  const imageFile = async (width = 1400): Promise<FilePart> => ({
    field: 'image',
    filename: 'Affisch Sundsvall.jpg',
    type: 'image/jpeg',
    bytes: await makeImage('jpeg', width, 700, { gps: true }),
  });
  const eventIdOf = (page: Page) => /\/uppsala\/evenemang\/([0-9a-f-]{36})$/.exec(page.location ?? '')![1]!;

  beforeAll(async () => {
    t = await buildTestApp({ config: testConfig({ MAX_UPLOAD_MB: '1' }) });
    const user = await createTestUser(t.app.deps.db, 'county_editor', { countyCode: '03' });
    editor = new TestClient(t.app);
    await editor.login(user.email, user.password);
    board = (await findCountyBoard(t.app.deps.db, '03'))!.id;
  });
  afterAll(() => t.close());

  it('offers a file field for a PNG or JPEG and its alt text, and saves the image with the event', async () => {
    const form = await editor.get('/uppsala/evenemang/nytt');
    const input = form.doc.querySelector('input[type="file"]#image')!;
    expect(input.getAttribute('accept')).toBe('image/png,image/jpeg');
    expect(form.doc.querySelector('label[for="image"]')!.text).toBe('Bild (valfritt)');
    expect(form.doc.querySelector('#image-hint')!.text).toContain('högst 1 MB');
    expect(form.doc.querySelector('label[for="imageAlt"]')).not.toBeNull();

    const saved = await submitMultipart(
      editor,
      form,
      eventFields({ imageAlt: 'Publik i en föreläsningssal' }),
      [await imageFile()],
    );
    expect(saved.status).toBe(303);
    const event = (await repo.findEvent(t.app.deps.db, '03', eventIdOf(saved)))!;
    expect(event.imageAlt).toBe('Publik i en föreläsningssal');
    const file = (await findFile(t.app.deps.db, event.imageRef!))!;
    expect(file).toMatchObject({
      ownerKind: 'event',
      ownerId: event.id,
      kind: 'jpeg',
      variantWidths: [480, 960],
    });

    // The edit form shows it, with its name and a box to remove it.
    const edit = await editor.get(`/uppsala/evenemang/${event.id}/andra`);
    const preview = edit.doc.querySelector('.sv-event-image-preview img')!;
    expect(preview.getAttribute('src')).toBe(fileUrl(file, 'w480'));
    expect(preview.getAttribute('alt')).toBe('Publik i en föreläsningssal');
    expect(edit.doc.querySelector('.sv-event-image-preview figcaption')!.text.trim()).toBe(
      'Affisch Sundsvall.jpg',
    );
    expect(edit.doc.querySelector('input[name="imageRef"]')!.getAttribute('value')).toBe(file.id);
    expect(edit.doc.querySelector('label[for="image"]')!.text).toBe('Byt bild (valfritt)');

    // Published, the public page shows it with its narrower copies and alt text.
    await publishEvent(
      { db: t.app.deps.db, config: t.config },
      (await createTestUser(t.app.deps.db, 'county_admin', { countyCode: '03' })).actor,
      {
        countyCode: '03',
        eventId: event.id,
      },
    );
    const visitor = new TestClient(t.app);
    const page = await visitor.get(`/uppsala/kalender/${event.slug}`);
    const img = page.doc.querySelector('.sv-event-image img')!;
    expect(img.getAttribute('alt')).toBe('Publik i en föreläsningssal');
    expect(img.getAttribute('srcset')).toContain(`${fileUrl(file, 'w480')} 480w`);
    expect((await visitor.get(img.getAttribute('src')!)).status).toBe(200);
  });

  it('refuses a renamed program or a file too large beside the field, keeping everything typed', async () => {
    const form = await editor.get('/uppsala/evenemang/nytt');
    const fields = eventFields({ imageAlt: 'En bild' });
    const renamed = await submitMultipart(editor, form, fields, [
      { field: 'image', filename: 'affisch.jpg', type: 'image/jpeg', bytes: makeExe() },
    ]);
    expect(renamed.status).toBe(400);
    expect(renamed.doc.querySelector('#image-error')!.text).toContain(
      'Bilden måste vara en PNG-bild eller en JPEG-bild; filen du valde är inte det',
    );
    expect(renamed.doc.querySelector('.govuk-error-summary a[href="#image"]')).not.toBeNull();
    expect(renamed.doc.querySelector('input#title')!.getAttribute('value')).toBe(fields.title);

    const large = await submitMultipart(
      editor,
      form,
      fields,
      [await imageFile(2400)].map((f) => ({
        ...f,
        bytes: Buffer.concat([f.bytes, Buffer.alloc(1024 * 1024)]),
      })),
    );
    expect(large.status).toBe(400);
    expect(large.doc.querySelector('#image-error')!.text).toContain(
      'Bilden är för stor: en fil får vara högst 1 MB',
    );
    expect(await repo.listEvents(t.app.deps.db, { countyCode: '03' })).not.toContainEqual(
      expect.objectContaining({ title: fields.title }),
    );
  });

  it('keeps an image just chosen when the form comes back for another field, and saves it with the next post', async () => {
    const form = await editor.get('/uppsala/evenemang/nytt');
    const missingAlt = await submitMultipart(editor, form, eventFields({ imageAlt: '', title: '' }), [
      await imageFile(),
    ]);
    expect(missingAlt.status).toBe(400);
    expect(missingAlt.doc.querySelector('#imageAlt-error')!.text).toContain(
      'Beskriv bilden med en alternativtext',
    );
    expect(missingAlt.doc.querySelector('#title-error')).not.toBeNull();
    const staged = missingAlt.doc.querySelector('input[name="imageRef"]')!.getAttribute('value')!;
    expect((await findFile(t.app.deps.db, staged))!.ownerId).toBeNull();
    expect(missingAlt.doc.querySelector('.sv-event-image-preview figcaption')!.text.trim()).toBe(
      'Affisch Sundsvall.jpg',
    );

    // No file chosen this time: the kept one is saved.
    const saved = await submitMultipart(
      editor,
      missingAlt,
      eventFields({ imageAlt: 'Två talare på en scen' }),
      [{ field: 'image', filename: '', bytes: Buffer.alloc(0) }],
    );
    expect(saved.status).toBe(303);
    const event = (await repo.findEvent(t.app.deps.db, '03', eventIdOf(saved)))!;
    expect(event.imageRef).toBe(staged);
    expect((await findFile(t.app.deps.db, staged))!.ownerId).toBe(event.id);
  });

  it('replaces and removes the image of an event', async () => {
    const form = await editor.get('/uppsala/evenemang/nytt');
    const saved = await submitMultipart(editor, form, eventFields({ imageAlt: 'Första bilden' }), [
      await imageFile(),
    ]);
    const eventId = eventIdOf(saved);
    const first = (await repo.findEvent(t.app.deps.db, '03', eventId))!.imageRef!;

    const edit = await editor.get(`/uppsala/evenemang/${eventId}/andra`);
    const replaced = await submitMultipart(editor, edit, { ...fields(edit), imageAlt: 'Andra bilden' }, [
      { field: 'image', filename: 'ny.png', type: 'image/png', bytes: await makeImage('png', 500, 300) },
    ]);
    expect(replaced.doc.querySelectorAll('.govuk-error-message').map((e) => e.text.trim())).toEqual([]);
    expect(replaced.status).toBe(303);
    const second = (await repo.findEvent(t.app.deps.db, '03', eventId))!;
    expect(second.imageRef).not.toBe(first);
    expect((await findFile(t.app.deps.db, first))!.ownerId).toBeNull();
    expect((await findFile(t.app.deps.db, second.imageRef!))!).toMatchObject({
      kind: 'png',
      ownerId: eventId,
    });

    const again = await editor.get(`/uppsala/evenemang/${eventId}/andra`);
    const removed = await submitMultipart(
      editor,
      again,
      { ...fields(again), removeImage: 'yes', imageAlt: '' },
      [],
    );
    expect(removed.status).toBe(303);
    expect((await repo.findEvent(t.app.deps.db, '03', eventId))!.imageRef).toBeNull();
    expect((await findFile(t.app.deps.db, second.imageRef!))!.ownerId).toBeNull();
  });

  it('refuses a multipart post without its CSRF token', async () => {
    const page = await editor.postMultipart(
      '/uppsala/evenemang/nytt',
      eventFields({ imageAlt: 'x' }),
      [await imageFile()],
      {
        checkPage: false,
      },
    );
    expect(page.status).toBe(403);
  });

  /** The text fields of a page's form as they stand (what a browser sends back unchanged). */
  function fields(page: Page): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    const form = page.doc.querySelector('main form[method="post"]')!;
    for (const el of form.querySelectorAll('input, textarea, select')) {
      const name = el.getAttribute('name');
      const type = el.getAttribute('type');
      if (!name || name === '_csrf' || type === 'submit' || type === 'file' || type === 'hidden') continue;
      if ((type === 'checkbox' || type === 'radio') && el.getAttribute('checked') === undefined) continue;
      const value =
        el.tagName === 'TEXTAREA'
          ? el.text
          : el.tagName === 'SELECT'
            ? (el.querySelector('option[selected]')?.getAttribute('value') ?? '')
            : (el.getAttribute('value') ?? '');
      const had = out[name];
      out[name] = had === undefined ? value : [...[had].flat(), value];
    }
    return { ...out, intent: 'save' };
  }
});
