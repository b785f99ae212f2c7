import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.ts';
import { fileUrl, isEmptyUpload, isImageKind, type FileKind, type Files } from '../../../platform/files.ts';
import {
  allowedInCounty,
  handleForm,
  pageContext,
  requireCounty,
  requireUser,
} from '../../../platform/http.ts';
import { trimmedTextOf, bodyOf } from '../../../platform/input.ts';
import { uploadOf } from '../../../platform/uploads.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import { diffLines } from '../diff.ts';
import {
  addPageFile,
  filesForEditing,
  cancelSchedule,
  createPage,
  movePage,
  PAGE_ATTACHMENT,
  PAGE_FILE_OWNER,
  PAGE_IMAGE,
  pageImagePreview,
  pageResourceOf,
  previewContent,
  publishPage,
  removePageFile,
  requestReview,
  restoreRevision,
  saveDraft,
  setDraftImage,
  type DraftInput,
  type NewPageInput,
  unpublishPage,
  type PageRef,
  type PublishInput,
} from '../pages.ts';
import * as prepo from '../pages-repository.ts';
import { can, decide, pageAbilities } from '../policy.ts';
import {
  findPageRow,
  listContactRows,
  listPageRows,
  listRevisionRows,
  type PageRow,
  type RevisionRow,
} from '../repository.ts';
import { readSiteTree, type SiteTree } from '../site-tree.ts';
import { urls } from '../urls.ts';
import {
  EditorialPage,
  EditPagePage,
  HistoryPage,
  MovePagePage,
  NewPagePage,
  PageFilesPage,
  PageImagePage,
  pageStateText,
  PreviewPage,
  PublishFormPage,
  RevisionPage,
  type CountyRef,
  type ParentOption,
} from '../views/editorial-pages.tsx';

type CountyParams = { Params: { county: string } };
type PageParams = { Params: { county: string; pageId: string } };
type FileParams = { Params: { county: string; pageId: string; fileId: string } };
type RevisionParams = { Params: { county: string; pageId: string; revisionId: string } };

const edit = { config: { access: access.county('site.edit') } };
const editUploads = { config: { access: access.county('site.edit'), uploads: true } };
const publish = { config: { access: access.county('site.publish') } };

const countyOf = (req: FastifyRequest): CountyRef => {
  const c = requireCounty(req);
  return { slug: c.slug, name: c.name };
};

/** Pages as choices (parents, related pages): every page but the start page, indented by depth. */
function pageOptions(tree: SiteTree, except: ReadonlySet<string> = new Set()): ParentOption[] {
  const depth = (id: string | null): number => {
    let n = 0;
    for (let p = id ? tree.byId.get(id) : undefined; p?.parentId && n < 32; p = tree.byId.get(p.parentId))
      n++;
    return n;
  };
  return tree.pages
    .filter((p) => p.kind !== 'start' && !except.has(p.id))
    .map((p) => ({ value: p.id, label: `${'– '.repeat(depth(p.id))}${p.title} (/${p.path})` }));
}

/** The page and every page below it (not a page's new parent). */
function subtreeIds(tree: SiteTree, id: string): Set<string> {
  const out = new Set([id]);
  const walk = (pid: string) => {
    for (const c of tree.byId.get(pid)?.childIds ?? [])
      if (!out.has(c)) {
        out.add(c);
        walk(c);
      }
  };
  walk(id);
  return out;
}

/**
 * The editorial side of the county's pages: the tree, a new page, the draft with its image and files, review
 * and publishing, moving, the history with diffs and restore. Each handler: one scoped load (another county's
 * page is 404), one service call, a flash and a redirect.
 */
export function registerEditorialPageRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const pageOf = async (req: FastifyRequest<PageParams>): Promise<PageRow> => {
    const page = await findPageRow(db, requireCounty(req).code, req.params.pageId).catch(() => undefined);
    if (!page) throw new NotFoundError();
    return page;
  };
  const refOf = (req: FastifyRequest<PageParams>): PageRef => ({
    countyCode: requireCounty(req).code,
    pageId: req.params.pageId,
  });
  const draftOf = async (page: PageRow): Promise<RevisionRow | undefined> =>
    page.draftRevisionId ? prepo.findRevision(db, page.id, page.draftRevisionId) : undefined;
  /** The title editors know a page by: its draft's, else the public one's, else the tree's. */
  const titleOf = async (page: PageRow): Promise<string> => {
    const draft = await draftOf(page);
    if (draft?.title) return draft.title;
    const tree = await readSiteTree(db, page.countyCode, new Date());
    return tree.byId.get(page.id)?.title || 'Startsidan';
  };
  const back = (req: FastifyRequest<PageParams>, reply: FastifyReply, text: string) => {
    reply.setFlash({ kind: 'success', text });
    return reply.redirect(urls.editPage(requireCounty(req).slug, req.params.pageId), 303);
  };

  // ---- The dashboard and the tree ------------------------------------------------------------------------

  const dashboard = async (req: FastifyRequest<CountyParams>, reply: FastifyReply) => {
    const county = requireCounty(req);
    const tree = await readSiteTree(db, county.code, new Date());
    const rows = await listPageRows(db, county.code);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const drafts = new Map(
      (
        await listRevisionRows(
          db,
          county.code,
          rows.map((r) => r.draftRevisionId).filter((id): id is string => !!id),
        )
      ).map((d) => [d.id, d]),
    );
    const depthOf = (id: string): number => {
      let n = 0;
      for (let p = tree.byId.get(id); p?.parentId && n < 32; p = tree.byId.get(p.parentId)) n++;
      return n;
    };
    return reply.html(
      EditorialPage({
        ctx: pageContext(req, reply),
        county: countyOf(req),
        mayBanner: allowedInCounty(req, 'site.banner'),
        maySettings: allowedInCounty(req, 'site.settings'),
        rows: tree.pages.map((p) => {
          const row = byId.get(p.id)!;
          const draft = drafts.get(row.draftRevisionId ?? '');
          return {
            page: p,
            depth: depthOf(p.id),
            state: pageStateText(row, draft?.state ?? null),
            title: draft?.title || (p.kind === 'start' ? `Startsidan: ${p.title || county.name}` : p.title),
          };
        }),
      }),
    );
  };
  app.get<CountyParams>('/:county/redaktion', edit, dashboard);
  app.get<CountyParams>('/:county/redaktion/sidor', edit, dashboard);

  // ---- A new page ----------------------------------------------------------------------------------------

  const newPage = async (req: FastifyRequest<CountyParams>, reply: FastifyReply, form: FormState) =>
    NewPagePage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      parents: pageOptions(await readSiteTree(db, requireCounty(req).code, new Date())),
      form,
    });
  app.get<CountyParams>('/:county/redaktion/sidor/ny', edit, async (req, reply) =>
    reply.html(newPage(req, reply, emptyForm())),
  );
  app.post<CountyParams>('/:county/redaktion/sidor/ny', edit, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => newPage(req, reply, form),
      async () => {
        const page = await createPage(
          db,
          requireUser(req),
          requireCounty(req).code,
          bodyOf(req) as NewPageInput,
        );
        reply.setFlash({
          kind: 'success',
          text: 'Sidan är skapad. Skriv den och publicera när den är klar.',
        });
        return reply.redirect(urls.editPage(requireCounty(req).slug, page.id), 303);
      },
    ),
  );

  // ---- The draft ------------------------------------------------------------------------------------------

  const editPage = async (
    req: FastifyRequest<PageParams>,
    reply: FastifyReply,
    form: FormState | undefined,
  ) => {
    const page = await pageOf(req);
    const actor = requireUser(req);
    const draft = await draftOf(page);
    const shownId = page.draftRevisionId ?? page.scheduledRevisionId ?? page.publishedRevisionId;
    const shown = draft ?? (shownId ? await prepo.findRevision(db, page.id, shownId) : undefined);
    const tree = await readSiteTree(db, page.countyCode, new Date());
    const resource = await pageResourceOf(db, page, actor.id);
    const publishDecision = decide(actor, 'page.publish', resource);
    const image = shown?.imageFileId
      ? await pageImagePreview(db, shown.imageFileId, { pageId: page.id, actorId: actor.id })
      : undefined;
    return EditPagePage({
      ctx: pageContext(req, reply),
      view: {
        county: countyOf(req),
        page,
        path: tree.byId.get(page.id)?.path ?? page.slug,
        draft,
        state: pageStateText(page, draft?.state ?? null),
        abilities: pageAbilities(actor, resource),
        publishRefusal:
          !publishDecision.allowed && publishDecision.refusal === 'state'
            ? publishDecision.reason
            : undefined,
        contacts: await listContactRows(db, page.countyCode),
        pages: pageOptions(tree, new Set([page.id])),
        imageName: image?.originalName,
      },
      form: form ?? {
        values: shown
          ? {
              title: shown.title,
              summary: shown.summary,
              body: shown.body,
              contactIds: shown.contactIds.join(','),
              relatedPageIds: shown.relatedPageIds.join(','),
              themeKeys: shown.themeKeys.join(','),
              lastReviewedOn: shown.lastReviewedOn ?? '',
              note: draft?.note ?? '',
            }
          : { title: tree.byId.get(page.id)?.title ?? '' },
        errors: {},
      },
    });
  };
  app.get<PageParams>('/:county/redaktion/sidor/:pageId', edit, async (req, reply) =>
    reply.html(editPage(req, reply, undefined)),
  );
  app.post<PageParams>('/:county/redaktion/sidor/:pageId', edit, async (req, reply) => {
    await pageOf(req);
    return handleForm(
      req,
      reply,
      (form) => editPage(req, reply, form),
      async () => {
        await saveDraft(db, requireUser(req), refOf(req), bodyOf(req) as DraftInput);
        return back(
          req,
          reply,
          'Utkastet är sparat. Det publicerade syns som förut tills utkastet publiceras.',
        );
      },
    );
  });

  app.get<PageParams>('/:county/redaktion/sidor/:pageId/forhandsvisning', edit, async (req, reply) => {
    const page = await pageOf(req);
    return reply.html(
      PreviewPage({
        ctx: pageContext(req, reply),
        county: countyOf(req),
        pageId: page.id,
        content: await previewContent(db, page.countyCode, page),
      }),
    );
  });

  // ---- The image ------------------------------------------------------------------------------------------

  const imagePage = async (req: FastifyRequest<PageParams>, reply: FastifyReply, form: FormState) => {
    const page = await pageOf(req);
    const actor = requireUser(req);
    const draft = await draftOf(page);
    const shownId = page.draftRevisionId ?? page.scheduledRevisionId ?? page.publishedRevisionId;
    const shown = draft ?? (shownId ? await prepo.findRevision(db, page.id, shownId) : undefined);
    const file = await pageImagePreview(db, form.values.imageRef || shown?.imageFileId, {
      pageId: page.id,
      actorId: actor.id,
    });
    return PageImagePage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      page,
      title: await titleOf(page),
      image: file
        ? {
            src: fileUrl(file, file.variantWidths.includes(480) ? 'w480' : 'original'),
            name: file.originalName,
          }
        : undefined,
      form:
        form.values.imageAlt === undefined && shown
          ? { ...form, values: { ...form.values, imageAlt: shown.imageAlt } }
          : form,
    });
  };
  app.get<PageParams>('/:county/redaktion/sidor/:pageId/bild', edit, async (req, reply) =>
    reply.html(imagePage(req, reply, emptyForm())),
  );
  app.post<PageParams>('/:county/redaktion/sidor/:pageId/bild', editUploads, async (req, reply) => {
    const page = await pageOf(req);
    let staged: string | null = null;
    return handleForm(
      req,
      reply,
      (form) =>
        imagePage(req, reply, staged ? { ...form, values: { ...form.values, imageRef: staged } } : form),
      async () => {
        const actor = requireUser(req);
        const body = bodyOf(req);
        const errors: FieldErrors = {};
        staged = await stageUpload(deps.files, req, PAGE_IMAGE, page.countyCode, actor.id, errors);
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        await setDraftImage(db, actor, refOf(req), {
          imageRef: staged ?? (trimmedTextOf(body, 'imageRef') || null),
          imageAlt: trimmedTextOf(body, 'imageAlt'),
          remove: trimmedTextOf(body, 'removeImage') === 'yes',
        });
        return back(req, reply, 'Bilden är sparad i utkastet.');
      },
    );
  });

  // ---- Files ----------------------------------------------------------------------------------------------

  const filesPage = async (req: FastifyRequest<PageParams>, reply: FastifyReply, form: FormState) => {
    const page = await pageOf(req);
    const attachments = await filesForEditing(db, page);
    return PageFilesPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      page,
      title: await titleOf(page),
      files: attachments.map((a) => ({
        fileId: a.fileId,
        title: a.title,
        url: fileUrl(a.file),
        kind: a.file.kind.toUpperCase(),
        isImage: isImageKind(a.file.kind as FileKind),
        isPublic: a.isPublic,
      })),
      form,
    });
  };
  app.get<PageParams>('/:county/redaktion/sidor/:pageId/filer', edit, async (req, reply) =>
    reply.html(filesPage(req, reply, emptyForm())),
  );
  app.post<PageParams>('/:county/redaktion/sidor/:pageId/filer', editUploads, async (req, reply) => {
    const page = await pageOf(req);
    let staged: string | null = null;
    return handleForm(
      req,
      reply,
      (form) =>
        filesPage(req, reply, staged ? { ...form, values: { ...form.values, fileRef: staged } } : form),
      async () => {
        const actor = requireUser(req);
        const errors: FieldErrors = {};
        staged = await stageUpload(deps.files, req, PAGE_ATTACHMENT, page.countyCode, actor.id, errors);
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        await addPageFile(db, actor, refOf(req), {
          fileRef: staged ?? (trimmedTextOf(bodyOf(req), 'fileRef') || null),
          title: trimmedTextOf(bodyOf(req), 'title'),
        });
        reply.setFlash({ kind: 'success', text: 'Filen är tillagd i utkastet.' });
        return reply.redirect(urls.pageFiles(requireCounty(req).slug, page.id), 303);
      },
    );
  });
  app.post<FileParams>('/:county/redaktion/sidor/:pageId/filer/:fileId/ta-bort', edit, async (req, reply) => {
    const page = await pageOf(req);
    return handleForm(
      req,
      reply,
      (form) => filesPage(req, reply, { ...form, values: {} }),
      async () => {
        await removePageFile(db, requireUser(req), refOf(req), req.params.fileId);
        reply.setFlash({ kind: 'success', text: 'Filen är borttagen ur utkastet.' });
        return reply.redirect(urls.pageFiles(requireCounty(req).slug, page.id), 303);
      },
    );
  });

  // ---- Review and publishing -------------------------------------------------------------------------------

  /** A button on the page's own page: the page again with the reason on refusal, else a flash. */
  const pageAction = (
    path: string,
    guard: typeof edit,
    run: (req: FastifyRequest<PageParams>) => Promise<string>,
  ) =>
    app.post<PageParams>(`/:county/redaktion/sidor/:pageId${path}`, guard, async (req, reply) => {
      await pageOf(req);
      return handleForm(
        req,
        reply,
        (form) => editPage(req, reply, { ...form, values: {} }),
        async () => back(req, reply, await run(req)),
      );
    });
  pageAction('/granskning', edit, async (req) => {
    await requestReview(db, requireUser(req), refOf(req));
    return 'Utkastet är skickat för granskning.';
  });
  pageAction('/avpublicera', publish, async (req) => {
    await unpublishPage(db, requireUser(req), refOf(req));
    return 'Sidan är avpublicerad. Den gamla adressen svarar inte längre.';
  });
  pageAction('/avbryt-publicering', publish, async (req) => {
    await cancelSchedule(db, requireUser(req), refOf(req));
    return 'Den planerade publiceringen är avbruten.';
  });

  const publishForm = async (req: FastifyRequest<PageParams>, reply: FastifyReply, form: FormState) => {
    const page = await pageOf(req);
    return PublishFormPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      page,
      title: await titleOf(page),
      form,
    });
  };
  app.get<PageParams>('/:county/redaktion/sidor/:pageId/publicera', publish, async (req, reply) =>
    reply.html(publishForm(req, reply, emptyForm({ when: 'now' }))),
  );
  app.post<PageParams>('/:county/redaktion/sidor/:pageId/publicera', publish, async (req, reply) => {
    await pageOf(req);
    return handleForm(
      req,
      reply,
      (form) => publishForm(req, reply, form),
      async () => {
        const page = await publishPage(db, requireUser(req), refOf(req), bodyOf(req) as PublishInput);
        return back(
          req,
          reply,
          page.scheduledRevisionId ? 'Sidan är planerad att publiceras.' : 'Sidan är publicerad.',
        );
      },
    );
  });

  // ---- Moving -----------------------------------------------------------------------------------------------

  const moveForm = async (
    req: FastifyRequest<PageParams>,
    reply: FastifyReply,
    form: FormState | undefined,
  ) => {
    const page = await pageOf(req);
    const tree = await readSiteTree(db, page.countyCode, new Date());
    return MovePagePage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      page,
      title: await titleOf(page),
      parents: pageOptions(tree, subtreeIds(tree, page.id)),
      form: form ?? emptyForm({ slug: page.slug, parentId: page.parentId ?? '' }),
    });
  };
  app.get<PageParams>('/:county/redaktion/sidor/:pageId/flytta', edit, async (req, reply) =>
    reply.html(moveForm(req, reply, undefined)),
  );
  app.post<PageParams>('/:county/redaktion/sidor/:pageId/flytta', edit, async (req, reply) => {
    await pageOf(req);
    return handleForm(
      req,
      reply,
      (form) => moveForm(req, reply, form),
      async () => {
        await movePage(db, requireUser(req), refOf(req), bodyOf(req));
        return back(req, reply, 'Sidan är flyttad. Den gamla adressen leder hit.');
      },
    );
  });

  // ---- History -------------------------------------------------------------------------------------------------

  app.get<PageParams>('/:county/redaktion/sidor/:pageId/historik', edit, async (req, reply) => {
    const page = await pageOf(req);
    return reply.html(
      HistoryPage({
        ctx: pageContext(req, reply),
        county: countyOf(req),
        page,
        title: await titleOf(page),
        revisions: await prepo.listRevisions(db, page.id),
      }),
    );
  });

  const revisionPage = async (req: FastifyRequest<RevisionParams>, reply: FastifyReply, form: FormState) => {
    const page = await pageOf(req);
    const revision = await prepo.findRevision(db, page.id, req.params.revisionId);
    if (!revision) throw new NotFoundError();
    const previous = await prepo.findRevisionByNumber(db, page.id, revision.number - 1);
    const field = (label: string, key: 'title' | 'summary' | 'body') => ({
      label,
      lines: diffLines(previous?.[key] ?? '', revision[key]),
    });
    return RevisionPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      page,
      title: await titleOf(page),
      revision,
      previousNumber: previous?.number ?? null,
      diffs: [field('Rubrik', 'title'), field('Ingress', 'summary'), field('Text', 'body')],
      mayRestore: can(req.actor, 'page.restore', {
        countyCode: page.countyCode,
        page,
        revision: { ...revision },
      }),
      form,
    });
  };
  app.get<RevisionParams>('/:county/redaktion/sidor/:pageId/historik/:revisionId', edit, async (req, reply) =>
    reply.html(revisionPage(req, reply, emptyForm())),
  );
  app.post<RevisionParams>(
    '/:county/redaktion/sidor/:pageId/historik/:revisionId/aterstall',
    edit,
    async (req, reply) => {
      await pageOf(req);
      return handleForm(
        req,
        reply,
        (form) => revisionPage(req, reply, form),
        async () => {
          const draft = await restoreRevision(db, requireUser(req), refOf(req), req.params.revisionId);
          return back(req, reply, `Innehållet är återställt som utkast (version ${draft.number}).`);
        },
      );
    },
  );
}

/** A chosen file checked by its content and staged for the actor; a refused one's message goes in `errors`. */
async function stageUpload(
  files: Files,
  req: FastifyRequest,
  rule: { field: string; kinds: readonly ('pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg')[]; name: string },
  countyCode: string,
  actorId: string,
  errors: FieldErrors,
): Promise<string | null> {
  const upload = uploadOf(req, rule.field);
  if (!upload || isEmptyUpload(upload)) return null;
  try {
    return (
      await files.stage(upload, {
        ...rule,
        ownerKind: PAGE_FILE_OWNER,
        countyCode,
        actorId,
        public: true,
      })
    ).id;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    Object.assign(errors, err.fieldErrors);
    return null;
  }
}
