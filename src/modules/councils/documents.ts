import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor, UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import {
  attachFile,
  isEmptyUpload,
  setFilesPublic,
  type FileOwner,
  type Files,
} from '../../platform/files.ts';
import { type FormBody, trimmedTextOf } from '../../platform/input.ts';
import { uploadOf } from '../../platform/uploads.ts';
import { fieldErrorsFrom, fields, parseForm } from '../../platform/validation.ts';
import * as drepo from './decisions-repository.ts';
import * as docs from './documents-repository.ts';
import type { DocumentRow, VersionRow } from './documents-repository.ts';
import { indexDocument } from './documents-search.ts';
import * as mrepo from './meetings-repository.ts';
import { authorize, councilsPolicy, decide, type DocumentResource } from './policy.ts';
import * as repo from './repository.ts';
import type { CouncilRow } from './repository.ts';
import { auditCouncil, lockCouncilFor, lockCountyCouncil } from './service.ts';
import { documentKinds } from './tables.ts';

/**
 * A council's documents (överenskommelse, samverkansplan, strategi, protokoll …): public, or internal to one of
 * its bodies; each a PDF or Word file in the platform's file store (checked by its bytes, limited in size),
 * with versions — the newest shown, the older kept and downloadable. A withdrawn document stays in the
 * history and gets no new versions. A version's file is public exactly while its document is public and
 * current (the owner hook below), so an internal or withdrawn document's file is never served to the public.
 */

/** The owner kind of a document version's file in the platform's file store. */
export const DOCUMENT_OWNER = 'council_document_versions';
/** What a document's file may be: a PDF or a Word document, by its bytes. */
export const DOCUMENT_FILE = { field: 'file', kinds: ['pdf', 'docx'] as const, name: 'Filen' };
export const DOCUMENT_LIMITS = { title: 300, description: 5_000, note: 1_000 };

export const documentInputSchema = z
  .object({
    kind: z.enum(documentKinds, { message: 'Välj vilken sorts dokument det är' }),
    title: fields.requiredText('Ange dokumentets titel', DOCUMENT_LIMITS.title, 'Titeln'),
    description: fields.optionalText(DOCUMENT_LIMITS.description, 'Beskrivningen'),
    public: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
    bodyId: z.string().trim().default(''),
    decisionId: z.string().trim().default(''),
    meetingId: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.public && !v.bodyId)
      ctx.addIssue({
        code: 'custom',
        path: ['bodyId'],
        message: 'Välj vilken grupp som ser dokumentet, eller gör det offentligt',
      });
  });
export type DocumentInput = z.input<typeof documentInputSchema>;

const noteSchema = fields.optionalText(DOCUMENT_LIMITS.note, 'Kommentaren');

/** The form's other messages, for a page that must show them with the file's (all at once). */
export function documentInputErrors(raw: unknown): FieldErrors {
  const parsed = documentInputSchema.safeParse(raw);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
}

export interface DocumentRef {
  countyCode: string;
  councilId: string;
  documentId: string;
}

const resourceOf = (council: CouncilRow, document: DocumentRow): DocumentResource => ({
  countyCode: council.countyCode,
  council: { id: council.id, countyCode: council.countyCode, status: council.status },
  document: { status: document.status },
});
export { resourceOf as documentResourceOf };

/** The links a document may have: a body, a decision and a meeting of the same council, or a message. */
async function checkLinks(tx: Executor, councilId: string, input: z.output<typeof documentInputSchema>) {
  const errors: FieldErrors = {};
  if (input.bodyId && !(await repo.listBodies(tx, councilId)).some((b) => b.id === input.bodyId))
    errors.bodyId = 'Välj en av rådets grupper';
  if (input.decisionId && !(await drepo.findDecision(tx, councilId, input.decisionId)))
    errors.decisionId = 'Välj ett beslut i listan';
  if (input.meetingId && !(await mrepo.findMeeting(tx, councilId, input.meetingId)))
    errors.meetingId = 'Välj ett möte i listan';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    public: input.public,
    // A public document is everyone's; an internal one is its body's.
    bodyId: input.public ? null : input.bodyId,
    decisionId: input.decisionId || null,
    meetingId: input.meetingId || null,
  };
}

/** Files a staged upload as the document's next version: attached, and public as the document is. */
async function addVersionTo(
  tx: Executor,
  actor: UserActor,
  council: CouncilRow,
  document: DocumentRow,
  fileRef: string | null,
  note: string,
): Promise<VersionRow> {
  if (!fileRef) throw new ValidationError({ [DOCUMENT_FILE.field]: 'Välj en fil att ladda upp' });
  const version = await docs.insertVersion(tx, {
    documentId: document.id,
    fileId: fileRef,
    note,
    createdBy: actor.id,
  });
  await attachFile(tx, fileRef, {
    ownerKind: DOCUMENT_OWNER,
    ownerId: version.id,
    countyCode: council.countyCode,
    actorId: actor.id,
    kinds: DOCUMENT_FILE.kinds,
    field: DOCUMENT_FILE.field,
  });
  await setFilesPublic(tx, DOCUMENT_OWNER, [version.id], document.public && document.status === 'current');
  return version;
}

/** Adds a document with its first version (an upload the actor staged) to an active council. */
export async function addDocument(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: DocumentInput,
  file: { fileRef: string | null; note?: string },
): Promise<DocumentRow> {
  const input = parseForm(documentInputSchema, raw);
  const note = parseForm(z.object({ note: noteSchema }), { note: file.note ?? '' }).note;
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const document = await docs.insertDocument(tx, {
      councilId: council.id,
      ...(await checkLinks(tx, council.id, input)),
    });
    const version = await addVersionTo(tx, actor, council, document, file.fileRef, note);
    await indexDocument(tx, council, document);
    await auditCouncil(tx, actor, council, {
      action: 'council.document_added',
      after: {
        document: document.title,
        documentKind: document.kind,
        public: document.public,
        documentVersion: version.version,
      },
    });
    return document;
  });
}

/** Locks the council, finds its document (else 404) and asks the document's rule under the lock. */
async function lockDocument(tx: Executor, actor: UserActor, ref: DocumentRef) {
  const council = await lockCountyCouncil(tx, ref.countyCode, ref.councilId);
  const document = await docs.findDocument(tx, council.id, ref.documentId);
  if (!document) throw new NotFoundError();
  authorize(actor, 'document.change', resourceOf(council, document));
  return { council, document };
}

/** Changes a current document's texts, links and publicity; its files follow its publicity. */
export async function editDocument(
  db: Db,
  actor: UserActor,
  ref: DocumentRef,
  raw: DocumentInput,
): Promise<DocumentRow> {
  const input = parseForm(documentInputSchema, raw);
  return db.transaction(async (tx) => {
    const { council, document: before } = await lockDocument(tx, actor, ref);
    const document = await docs.updateDocument(tx, before.id, await checkLinks(tx, council.id, input));
    if (document.public !== before.public)
      await setFilesPublic(tx, DOCUMENT_OWNER, await docs.versionIdsOf(tx, document.id), document.public);
    await indexDocument(tx, council, document);
    await auditCouncil(tx, actor, council, {
      action: 'council.document_edited',
      before: { document: before.title, documentKind: before.kind, public: before.public },
      after: { document: document.title, documentKind: document.kind, public: document.public },
    });
    return document;
  });
}

/** A new version of a current document (an upload the actor staged), with a note on what changed. */
export async function addDocumentVersion(
  db: Db,
  actor: UserActor,
  ref: DocumentRef,
  file: { fileRef: string | null; note?: string },
): Promise<VersionRow> {
  const note = parseForm(z.object({ note: noteSchema }), { note: file.note ?? '' }).note;
  return db.transaction(async (tx) => {
    const { council, document } = await lockDocument(tx, actor, ref);
    const version = await addVersionTo(tx, actor, council, document, file.fileRef, note);
    await indexDocument(tx, council, await docs.updateDocument(tx, document.id, {}));
    await auditCouncil(tx, actor, council, {
      action: 'council.document_version_added',
      after: { document: document.title, documentVersion: version.version },
    });
    return version;
  });
}

/** Withdraws a document: it stays in the history, gets no new versions, and its files are no longer public. */
export async function withdrawDocument(db: Db, actor: UserActor, ref: DocumentRef): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const { council, document: before } = await lockDocument(tx, actor, ref);
    const document = await docs.updateDocument(tx, before.id, { status: 'withdrawn' });
    await setFilesPublic(tx, DOCUMENT_OWNER, await docs.versionIdsOf(tx, document.id), false);
    await indexDocument(tx, council, document);
    await auditCouncil(tx, actor, council, {
      action: 'council.document_withdrawn',
      after: { document: document.title },
    });
    return document;
  });
}

/** Whether the viewer of the council's work room sees a document: a public one, or its body's, or as its admin. */
export function maySeeDocument(
  actor: Actor,
  seat: { countyCode: string; sitsIn: readonly string[] },
  document: Pick<DocumentRow, 'public' | 'bodyId'>,
): boolean {
  if (councilsPolicy['council.manage'](actor, seat)) return true;
  if (document.public) return decide(actor, 'council.enter', seat).allowed;
  return document.bodyId !== null && decide(actor, 'body.view', { ...seat, bodyId: document.bodyId }).allowed;
}

/**
 * The documents' say over their files: public while the document is public and current; otherwise the ones
 * who see the document in the work room (its body's people, the county's admins).
 */
export const councilDocumentOwner: FileOwner = {
  async isPublic(db, file) {
    const found = file.ownerId ? await docs.documentOfVersion(db, file.ownerId) : undefined;
    return !!found && found.document.public && found.document.status === 'current';
  },
  async mayView(db, file, actor) {
    const found = file.ownerId ? await docs.documentOfVersion(db, file.ownerId) : undefined;
    if (!found) return false;
    const sitsIn = await repo.bodiesSeating(db, found.document.councilId, actor);
    return maySeeDocument(actor, { countyCode: found.countyCode, sitsIn }, found.document);
  },
};

/** What a posted document form says about its file: the upload (staged now) or the one kept, and any message. */
export interface DocumentFileChoice {
  fileRef: string | null;
  errors: FieldErrors;
}

/**
 * Reads the file part of a posted document form: a chosen file is checked by its bytes and staged for the
 * actor at once (a form refused elsewhere still has it: its id comes back in the hidden `fileRef`); a refused
 * one says why beside the field. Attaching it is the service's, when the document is saved.
 */
export async function readDocumentFile(
  files: Files,
  req: FastifyRequest,
  actor: UserActor,
  countyCode: string,
): Promise<DocumentFileChoice> {
  const body = (req.body ?? {}) as FormBody;
  const errors: FieldErrors = {};
  let fileRef: string | null = trimmedTextOf(body, 'fileRef') || null;
  const upload = uploadOf(req, DOCUMENT_FILE.field);
  if (upload && !isEmptyUpload(upload)) {
    try {
      fileRef = (
        await files.stage(upload, {
          ...DOCUMENT_FILE,
          ownerKind: DOCUMENT_OWNER,
          countyCode,
          actorId: actor.id,
          public: false,
        })
      ).id;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      Object.assign(errors, err.fieldErrors);
    }
  }
  return { fileRef, errors };
}
