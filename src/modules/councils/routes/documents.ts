import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import * as drepo from '../decisions-repository.ts';
import {
  addDocument,
  addDocumentVersion,
  documentInputErrors,
  documentResourceOf,
  editDocument,
  maySeeDocument,
  readDocumentFile,
  withdrawDocument,
  type DocumentFileChoice,
  type DocumentInput,
  type DocumentRef,
} from '../documents.ts';
import * as docs from '../documents-repository.ts';
import * as mrepo from '../meetings-repository.ts';
import { decide } from '../policy.ts';
import * as repo from '../repository.ts';
import type { CouncilRoom } from '../service.ts';
import { urls } from '../urls.ts';
import { DocumentPage } from '../views/documents/document.tsx';
import { DocumentsListPage, type DocumentChoices } from '../views/documents/list.tsx';
import { bodyOf, councilGuard, roomOf, textOf, type RoomParams } from './common.ts';

type DocumentParams = { Params: { county: string; councilSlug: string; documentId: string } };

/**
 * The council's documents (Dokument): the list of those the viewer sees, adding one with its file (PDF or
 * Word, checked by its bytes), its page with its versions, a new version, changing it and withdrawing it.
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const choicesOf = async (room: CouncilRoom): Promise<DocumentChoices> => {
    const bodies = await repo.listBodies(db, room.council.id);
    const [decisions, meetings] = await Promise.all([
      drepo.listDecisions(db, room.council.id),
      mrepo.listMeetings(
        db,
        room.council.id,
        bodies.map((b) => b.id),
      ),
    ]);
    return { bodies, decisions, meetings };
  };

  /** The form again after a refused post, with the upload kept (staged: its id in the hidden field). */
  const keeping = (form: FormState, file: DocumentFileChoice | undefined): FormState =>
    file?.fileRef ? { ...form, values: { ...form.values, fileRef: file.fileRef } } : form;

  /** The file's message with the form's others, all at once; else the service decides. */
  const refuseFile = (file: DocumentFileChoice, others: () => Record<string, string>) => {
    if (Object.keys(file.errors).length > 0) throw new ValidationError({ ...others(), ...file.errors });
  };

  // ---- The list ------------------------------------------------------------------------------------------

  const listPage = async (req: FastifyRequest<RoomParams>, reply: FastifyReply, form: FormState) => {
    const room = await roomOf(db, req);
    const all = await docs.listDocuments(db, room.council.id);
    const seat = { countyCode: room.council.countyCode, sitsIn: room.sitsIn };
    const seen = all.filter((d) => maySeeDocument(req.actor, seat, d));
    const versions = await docs.listVersions(
      db,
      seen.map((d) => d.id),
    );
    return DocumentsListPage({
      ctx: pageContext(req, reply),
      data: {
        county: requireCounty(req),
        council: room.council,
        documents: seen.map((d) => ({ ...d, newest: versions.find((v) => v.documentId === d.id) })),
        choices: await choicesOf(room),
        adding: room.manages ? room.editing : { allowed: false, refusal: 'role' },
      },
      form,
    });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/dokument', councilGuard.view, async (req, reply) =>
    reply.html(listPage(req, reply, emptyForm())),
  );

  app.post<RoomParams>(
    '/:county/rad/:councilSlug/dokument',
    councilGuard.manageUploads,
    async (req, reply) => {
      const room = await roomOf(db, req);
      let file: DocumentFileChoice | undefined;
      return handleForm(
        req,
        reply,
        (form) => listPage(req, reply, keeping(form, file)),
        async () => {
          const actor = requireUser(req);
          file = await readDocumentFile(deps.files, req, actor, room.council.countyCode);
          refuseFile(file, () => documentInputErrors(bodyOf(req)));
          const document = await addDocument(
            db,
            actor,
            room.council.countyCode,
            room.council.id,
            bodyOf(req) as DocumentInput,
            {
              fileRef: file.fileRef,
            },
          );
          reply.setFlash({ kind: 'success', text: `Dokumentet ”${document.title}” är tillagt.` });
          return reply.redirect(urls.document(requireCounty(req).slug, room.council.slug, document.id), 303);
        },
      );
    },
  );

  // ---- One document --------------------------------------------------------------------------------------

  const documentOf = async (req: FastifyRequest<DocumentParams>) => {
    const room = await roomOf(db, req);
    const document = await docs.findDocument(db, room.council.id, req.params.documentId);
    const seat = { countyCode: room.council.countyCode, sitsIn: room.sitsIn };
    if (!document || !maySeeDocument(req.actor, seat, document)) throw new NotFoundError();
    return { room, document };
  };
  const refOf = (room: CouncilRoom, documentId: string): DocumentRef => ({
    countyCode: room.council.countyCode,
    councilId: room.council.id,
    documentId,
  });

  const documentPage = async (req: FastifyRequest<DocumentParams>, reply: FastifyReply, form: FormState) => {
    const { room, document } = await documentOf(req);
    return DocumentPage({
      ctx: pageContext(req, reply),
      data: {
        county: requireCounty(req),
        council: room.council,
        document,
        versions: await docs.listVersions(db, [document.id]),
        choices: await choicesOf(room),
        changing: decide(req.actor, 'document.change', documentResourceOf(room.council, document)),
      },
      form,
    });
  };

  app.get<DocumentParams>(
    '/:county/rad/:councilSlug/dokument/:documentId',
    councilGuard.view,
    async (req, reply) => reply.html(documentPage(req, reply, emptyForm())),
  );

  /** A form on the document's page: the page again on refusal, else a flash and back to the document. */
  const documentAction = (
    path: string,
    guard: typeof councilGuard.manage,
    run: (
      req: FastifyRequest<DocumentParams>,
      ref: DocumentRef,
      keep: (f: DocumentFileChoice) => void,
    ) => Promise<string>,
  ) =>
    app.post<DocumentParams>(
      `/:county/rad/:councilSlug/dokument/:documentId${path}`,
      guard,
      async (req, reply) => {
        const { room, document } = await documentOf(req);
        let file: DocumentFileChoice | undefined;
        return handleForm(
          req,
          reply,
          (form) => documentPage(req, reply, keeping(form, file)),
          async () => {
            reply.setFlash({
              kind: 'success',
              text: await run(req, refOf(room, document.id), (f) => (file = f)),
            });
            return reply.redirect(
              urls.document(requireCounty(req).slug, room.council.slug, document.id),
              303,
            );
          },
        );
      },
    );

  documentAction('', councilGuard.manage, async (req, ref) => {
    await editDocument(db, requireUser(req), ref, bodyOf(req) as DocumentInput);
    return 'Dokumentet är ändrat.';
  });
  documentAction('/version', councilGuard.manageUploads, async (req, ref, keep) => {
    const actor = requireUser(req);
    const file = await readDocumentFile(deps.files, req, actor, ref.countyCode);
    keep(file);
    refuseFile(file, () => ({}));
    const version = await addDocumentVersion(db, actor, ref, {
      fileRef: file.fileRef,
      note: textOf(bodyOf(req), 'note'),
    });
    return `Version ${version.version} är uppladdad.`;
  });
  documentAction('/dra-tillbaka', councilGuard.manage, async (req, ref) => {
    await withdrawDocument(db, requireUser(req), ref);
    return 'Dokumentet är tillbakadraget.';
  });
}
