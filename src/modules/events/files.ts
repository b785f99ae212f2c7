import type { Executor } from '../../db/client.ts';
import { attachFile, detachFile, IMAGE_KINDS, type FileOwner } from '../../platform/files.ts';
import { eventIsPublic } from './lifecycle.ts';
import { eventsPolicy } from './policy.ts';
import { findEventById, type EventRow } from './repository.ts';

/** The owner kind of an event's image in the platform's file store. */
export const EVENT_IMAGE_OWNER = 'event';

/** What an event's image may be: a PNG or a JPEG (checked by its bytes), with an alt text. */
export const EVENT_IMAGE = { field: 'image', kinds: IMAGE_KINDS, name: 'Bilden' } as const;

/**
 * The event's say over its image: public when the event is (lifecycle.eventIsPublic) and the image is still
 * its image; before that (a draft), only the county's organisers see it, as they see the draft.
 */
export const eventImageOwner: FileOwner = {
  async isPublic(db, file) {
    const event = file.ownerId ? await findEventById(db, file.ownerId) : undefined;
    return !!event && event.imageRef === file.id && eventIsPublic(event);
  },
  async mayView(_db, file, actor) {
    return file.countyCode !== null && eventsPolicy['event.view'](actor, { countyCode: file.countyCode });
  },
};

/**
 * Keeps the file store in step with the event's image, inside the service's transaction: a new image (the
 * saver's own upload, staged by the form) is attached to the event, a replaced or removed one let go of (the
 * store deletes it a day later). An image that cannot be attached is a ValidationError on the image field.
 */
export async function keepEventImage(
  tx: Executor,
  before: Pick<EventRow, 'imageRef'> | undefined,
  after: Pick<EventRow, 'id' | 'countyCode' | 'imageRef'>,
  actorId: string,
): Promise<void> {
  if (before?.imageRef && before.imageRef !== after.imageRef)
    await detachFile(tx, before.imageRef, { kind: EVENT_IMAGE_OWNER, id: after.id });
  if (after.imageRef && after.imageRef !== before?.imageRef)
    await attachFile(tx, after.imageRef, {
      ownerKind: EVENT_IMAGE_OWNER,
      ownerId: after.id,
      countyCode: after.countyCode,
      actorId,
      kinds: EVENT_IMAGE.kinds,
      field: EVENT_IMAGE.field,
    });
}
