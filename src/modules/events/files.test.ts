import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { makeImage } from '../../../tests/helpers/files.ts';
import { ValidationError } from '../../platform/errors.ts';
import { fileUrl, findFile, type FileRow } from '../../platform/files.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findCountyBoard } from '../reference/index.ts';
import { EVENT_IMAGE, EVENT_IMAGE_OWNER } from './files.ts';
import type { EventInput } from './schemas.ts';
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
