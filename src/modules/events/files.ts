import type { FileOwner } from '../../platform/files.ts';
import { IMAGE_KINDS } from '../../platform/files.ts';
import { eventIsPublic } from './lifecycle.ts';
import { eventsPolicy } from './policy.ts';
import { findEventById } from './repository.ts';

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
