import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ValidationError, type FieldErrors } from '../../platform/errors.ts';
import {
  attachFile,
  detachFile,
  fileUrl,
  findFile,
  IMAGE_KINDS,
  isEmptyUpload,
  type FileOwner,
  type Files,
} from '../../platform/files.ts';
import { type FormBody, trimmedTextOf } from '../../platform/input.ts';
import { uploadOf } from '../../platform/uploads.ts';
import { eventIsPublic } from './lifecycle.ts';
import { eventsPolicy } from './policy.ts';
import { findEventById, type EventRow } from './repository.ts';

/** The owner kind of an event's image in the platform's file store. */
export const EVENT_IMAGE_OWNER = 'event';

/** What an event's image may be: a PNG or a JPEG (checked by its bytes), with an alt text. */
export const EVENT_IMAGE = { field: 'image', kinds: IMAGE_KINDS, name: 'Bilden' } as const;

/** The event form's fields for its image: the file, the image it has (hidden), removing it, the alt text. */
export const EVENT_IMAGE_FIELDS = {
  file: EVENT_IMAGE.field,
  ref: 'imageRef',
  remove: 'removeImage',
  alt: 'imageAlt',
} as const;

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

/** What a posted event form says about the image: the one the event is to have, and any message. */
export interface EventImageChoice {
  /** a new upload's id, else the image the form carried, or null (none, or removed) */
  imageRef: string | null;
  imageAlt: string | null;
  /** beside `image` (a refused upload: wrong kind, empty, too large, unreadable) and `imageAlt` (missing) */
  errors: FieldErrors;
}

/**
 * Reads the image part of a posted event form. A chosen file is checked and staged for the actor at once (a
 * form refused elsewhere still has it: its id comes back in the hidden field); a refused one leaves the image
 * as it was and says why. "Remove" drops the image unless a new one was chosen. Attaching it is the service's
 * (keepEventImage), when the event is saved.
 */
export async function readEventImage(
  files: Files,
  req: FastifyRequest,
  actor: UserActor,
  countyCode: string,
): Promise<EventImageChoice> {
  const body = (req.body ?? {}) as FormBody;
  const f = EVENT_IMAGE_FIELDS;
  const errors: FieldErrors = {};
  let imageRef: string | null =
    trimmedTextOf(body, f.remove) === 'yes' ? null : trimmedTextOf(body, f.ref) || null;
  const upload = uploadOf(req, f.file);
  if (upload && !isEmptyUpload(upload)) {
    try {
      const staged = await files.stage(upload, {
        ...EVENT_IMAGE,
        ownerKind: EVENT_IMAGE_OWNER,
        countyCode,
        actorId: actor.id,
        public: true,
      });
      imageRef = staged.id;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      Object.assign(errors, err.fieldErrors);
    }
  }
  // The schema refuses an image without its alt text too, but only once every other field passes (a rule
  // across fields): said here, it stands beside its field with the form's other messages at once.
  const imageAlt = trimmedTextOf(body, f.alt) || null;
  if (imageRef && !imageAlt) errors[f.alt] = 'Beskriv bilden med en alternativtext';
  return { imageRef, imageAlt, errors };
}

/** What the event form shows of the image it has (or was just given): a small copy and its name. */
export interface EventImagePreview {
  src: string;
  name: string;
}

export async function eventImagePreview(
  db: Executor,
  imageRef: string | null | undefined,
  viewer: { eventId: string | undefined; actorId: string },
): Promise<EventImagePreview | undefined> {
  const file = imageRef ? await findFile(db, imageRef) : undefined;
  // Only the event's own image, or the viewer's own upload (never another's, whatever the form carried).
  const shown =
    file?.ownerKind === EVENT_IMAGE_OWNER &&
    (file.ownerId === null ? file.createdBy === viewer.actorId : file.ownerId === viewer.eventId);
  if (!file || !shown) return undefined;
  return {
    src: fileUrl(file, file.variantWidths.includes(480) ? 'w480' : 'original'),
    name: file.originalName,
  };
}
