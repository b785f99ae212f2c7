import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import { EVENT_IMAGE, EVENT_IMAGE_OWNER } from '../../src/modules/events/files.ts';
import { events } from '../../src/modules/events/tables.ts';
import { attachFile, type FileRow } from '../../src/platform/files.ts';
import { makeImage } from '../helpers/files.ts';

/**
 * An event with an image in the file store (a real PNG, 1000 × 500, so it has the 480 and 960 widths), in a
 * state: a draft's image is seen only by the county's organisers, a published event's by anyone.
 */
export async function eventWithImage(
  app: App,
  opts: { status: 'draft' | 'published'; countyCode: string; uploaderId: string },
): Promise<{ eventId: string; file: FileRow }> {
  const db = app.deps.db;
  const starts = new Date(Date.now() + 30 * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      countyCode: opts.countyCode,
      slug: `med-bild-${randomUUID().slice(0, 8)}`,
      title: 'Evenemang med bild',
      status: opts.status,
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 2 * 3600_000),
      placeKind: 'digital',
      registrationClosesAt: new Date(starts.getTime() - 86_400_000),
      publishedAt: opts.status === 'published' ? new Date() : null,
    })
    .returning({ id: events.id });
  const staged = await app.deps.files.stage(
    {
      field: EVENT_IMAGE.field,
      filename: 'Affisch.png',
      bytes: await makeImage('png', 1000, 500),
      truncated: false,
    },
    {
      ...EVENT_IMAGE,
      ownerKind: EVENT_IMAGE_OWNER,
      countyCode: opts.countyCode,
      actorId: opts.uploaderId,
      public: true,
    },
  );
  const file = await attachFile(db, staged.id, {
    ownerKind: EVENT_IMAGE_OWNER,
    ownerId: event!.id,
    countyCode: opts.countyCode,
    actorId: opts.uploaderId,
    kinds: EVENT_IMAGE.kinds,
    field: EVENT_IMAGE.field,
  });
  await db
    .update(events)
    .set({ imageRef: file.id, imageAlt: 'Affischen för evenemanget' })
    .where(eq(events.id, event!.id));
  return { eventId: event!.id, file };
}
