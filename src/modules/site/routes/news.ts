import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, type RouteAccess } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { FormBody } from '../../../platform/input.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { emptyForm, formValues, SLUG, type FormState } from '../../../platform/validation.ts';
import { sendNewsFeed, type FeedFormat } from '../feeds.ts';
import { mayDeleteNews, mayUnpublishNews, newsIsPublic, newsStatus } from '../lifecycle.ts';
import {
  createNews,
  deleteNews,
  mayPublishNews,
  NEWS_PAGE_SIZE,
  newsBySlug,
  newsCardOf,
  newsImageOf,
  newsImagePreview,
  newsUrl,
  newsValues,
  publicNewsPage,
  readNewsForm,
  readNewsImage,
  themeNamesOf,
  unpublishNews,
  updateNews,
} from '../news.ts';
import { findNewsRow, listNewsRows, type NewsScope } from '../news-repository.ts';
import type { NewsRow } from '../repository.ts';
import { isThemeKey } from '../themes.ts';
import { urls } from '../urls.ts';
import { NewsListPage, NewsItemPage, type NewsPlace } from '../views/news.tsx';
import { NewsEditorListPage, NewsFormPage, type NewsDesk } from '../views/news-editor.tsx';

/**
 * News: the editors' pages of a county's items and the coordinator's of the national ones (the same pages, for
 * a desk each), and the public lists, items and feeds.
 */

/** A county's news desk or the national one: whose items, and the addresses of its pages. */
interface Desk {
  scope: NewsScope;
  view: NewsDesk;
  editUrl: (id: string) => string;
  unpublishUrl: (id: string) => string;
  deleteUrl: (id: string) => string;
}

function countyDesk(county: CountyRecord): Desk {
  return {
    scope: county.code,
    view: {
      countyName: county.name,
      editorialUrl: urls.editorial(county.slug),
      listUrl: urls.news(county.slug),
      newUrl: urls.newNews(county.slug),
      publicListUrl: urls.countyNews(county.slug),
    },
    editUrl: (id) => urls.editNews(county.slug, id),
    unpublishUrl: (id) => urls.unpublishNews(county.slug, id),
    deleteUrl: (id) => urls.deleteNews(county.slug, id),
  };
}

const nationalDesk: Desk = {
  scope: null,
  view: {
    countyName: undefined,
    editorialUrl: urls.nationalEditorial(),
    listUrl: urls.nationalNewsList(),
    newUrl: urls.newNationalNews(),
    publicListUrl: urls.nationalNews(),
  },
  editUrl: urls.editNationalNews,
  unpublishUrl: urls.unpublishNationalNews,
  deleteUrl: urls.deleteNationalNews,
};

type NewsParams = { Params: { newsId: string } };

const listQuery = z.object({
  sida: z.coerce.number().int().min(1).max(10_000).catch(1),
  tema: z
    .string()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((t) => (t && isThemeKey(t) ? t : undefined)),
});

export function registerNewsRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  // ---- The editors -------------------------------------------------------------------------------------

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    desk: Desk,
    form: FormState,
    item?: NewsRow,
  ) {
    const actor = requireUser(req);
    const image = await newsImagePreview(db, form.values.imageRef, { newsId: item?.id, actorId: actor.id });
    const now = new Date();
    const status = item ? newsStatus(item, now) : undefined;
    return NewsFormPage({
      ctx: pageContext(req, reply),
      form,
      view: {
        desk: desk.view,
        action: item ? desk.editUrl(item.id) : desk.view.newUrl,
        image,
        item:
          item && status
            ? {
                title: item.title,
                status,
                publishedAt: item.publishedAt,
                publicUrl: newsUrl(item),
                unpublishUrl: desk.unpublishUrl(item.id),
                deleteUrl: desk.deleteUrl(item.id),
                mayUnpublish: mayUnpublishNews(item, now) === true && mayPublishNews(req.actor, desk.scope),
                mayDelete: mayDeleteNews(item, now) === true,
              }
            : undefined,
      },
    });
  }

  async function itemOf(req: FastifyRequest<NewsParams>, desk: Desk): Promise<NewsRow> {
    const item = await findNewsRow(db, desk.scope, req.params.newsId);
    if (!item) throw new NotFoundError();
    return item;
  }

  /** A posted news form: the image staged first (the form keeps it whatever comes back), then the service. */
  async function postForm(
    req: FastifyRequest,
    reply: FastifyReply,
    desk: Desk,
    save: (input: ReturnType<typeof readNewsForm>) => Promise<NewsRow>,
    item?: NewsRow,
  ) {
    const image = await readNewsImage(deps.files, req, requireUser(req), desk.scope);
    const body: FormBody = {
      ...((req.body ?? {}) as FormBody),
      imageRef: image.imageRef ?? '',
      removeImage: '',
    };
    return handleForm(
      req,
      reply,
      (form) => formPage(req, reply, desk, { values: formValues(body), errors: form.errors }, item),
      async () => {
        let input;
        try {
          input = readNewsForm(body, image.imageRef);
        } catch (err) {
          if (err instanceof ValidationError)
            throw new ValidationError({ ...err.fieldErrors, ...image.errors });
          throw err;
        }
        if (Object.keys(image.errors).length > 0) throw new ValidationError(image.errors);
        const saved = await save(input);
        const status = newsStatus(saved, new Date());
        reply.setFlash({
          kind: 'success',
          text:
            status === 'draft'
              ? `Utkastet ”${saved.title}” är sparat.`
              : status === 'scheduled'
                ? `”${saved.title}” är sparad och publiceras vid den tid du valt.`
                : `”${saved.title}” är sparad och publicerad.`,
        });
        return reply.redirect(desk.view.listUrl, 303);
      },
    );
  }

  const desks: Array<{
    prefix: string;
    edit: RouteAccess;
    publish: RouteAccess;
    deskOf: (req: FastifyRequest) => Desk;
  }> = [
    {
      prefix: '/:county/redaktion/nyheter',
      edit: access.county('site.edit'),
      publish: access.county('site.publish'),
      deskOf: (req) => countyDesk(requireCounty(req)),
    },
    {
      prefix: '/nationellt/redaktion/nyheter',
      edit: access.global('site.national'),
      publish: access.global('site.national'),
      deskOf: () => nationalDesk,
    },
  ];

  for (const { prefix, edit, publish, deskOf } of desks) {
    const guard = { config: { access: edit } };
    const uploads = { config: { access: edit, uploads: true } };

    app.get(prefix, guard, async (req, reply) => {
      const desk = deskOf(req);
      const now = new Date();
      const rows = await listNewsRows(db, desk.scope);
      return reply.html(
        NewsEditorListPage({
          ctx: pageContext(req, reply),
          desk: desk.view,
          rows: rows.map((r) => ({
            id: r.id,
            title: r.title,
            status: newsStatus(r, now),
            editUrl: desk.editUrl(r.id),
            publishedAt: r.publishedAt,
            expiresAt: r.expiresAt,
          })),
        }),
      );
    });

    app.get(`${prefix}/ny`, guard, async (req, reply) =>
      reply.html(formPage(req, reply, deskOf(req), emptyForm({ publish: 'draft' }))),
    );

    app.post(`${prefix}/ny`, uploads, async (req, reply) => {
      const desk = deskOf(req);
      return postForm(req, reply, desk, (input) => createNews(db, requireUser(req), desk.scope, input));
    });

    app.get<NewsParams>(`${prefix}/:newsId`, guard, async (req, reply) => {
      const desk = deskOf(req);
      const item = await itemOf(req, desk);
      return reply.html(formPage(req, reply, desk, emptyForm(newsValues(item)), item));
    });

    app.post<NewsParams>(`${prefix}/:newsId`, uploads, async (req, reply) => {
      const desk = deskOf(req);
      const item = await itemOf(req, desk);
      return postForm(
        req,
        reply,
        desk,
        (input) => updateNews(db, requireUser(req), desk.scope, item.id, input),
        item,
      );
    });

    app.post<NewsParams>(
      `${prefix}/:newsId/avpublicera`,
      { config: { access: publish } },
      async (req, reply) => {
        const desk = deskOf(req);
        const item = await itemOf(req, desk);
        return handleForm(
          req,
          reply,
          (form) => formPage(req, reply, desk, { values: newsValues(item), errors: form.errors }, item),
          async () => {
            const row = await unpublishNews(db, requireUser(req), desk.scope, item.id);
            reply.setFlash({ kind: 'success', text: `”${row.title}” är avpublicerad och är nu ett utkast.` });
            return reply.redirect(desk.editUrl(row.id), 303);
          },
        );
      },
    );

    app.post<NewsParams>(`${prefix}/:newsId/ta-bort`, guard, async (req, reply) => {
      const desk = deskOf(req);
      const item = await itemOf(req, desk);
      return handleForm(
        req,
        reply,
        (form) => formPage(req, reply, desk, { values: newsValues(item), errors: form.errors }, item),
        async () => {
          const row = await deleteNews(db, requireUser(req), desk.scope, item.id);
          reply.setFlash({ kind: 'success', text: `Utkastet ”${row.title}” är borttaget.` });
          return reply.redirect(desk.view.listUrl, 303);
        },
      );
    });
  }

  // ---- Visitors -------------------------------------------------------------------------------------------

  const pub = { config: { access: access.public() } };

  const placeOf = (county: CountyRecord | undefined): NewsPlace =>
    county
      ? {
          county: { slug: county.slug, name: county.name },
          listUrl: urls.countyNews(county.slug),
          homeUrl: urls.countyHome(county.slug),
          feeds: { atom: urls.countyFeed(county.slug, 'atom'), rss: urls.countyFeed(county.slug, 'rss') },
        }
      : {
          county: undefined,
          listUrl: urls.nationalNews(),
          homeUrl: urls.home(),
          feeds: { atom: urls.nationalFeed('atom'), rss: urls.nationalFeed('rss') },
        };

  async function newsList(req: FastifyRequest, reply: FastifyReply, county: CountyRecord | undefined) {
    const { sida: page, tema: themeKey } = listQuery.parse(req.query ?? {});
    const data = await publicNewsPage(db, county?.code ?? null, themeKey, page);
    const pages = Math.max(1, Math.ceil(data.total / NEWS_PAGE_SIZE));
    if (page > pages) throw new NotFoundError();
    return reply.publicPage(
      (ctx) =>
        NewsListPage({
          ctx,
          view: { place: placeOf(county), items: data.items, total: data.total, page, pages, themeKey },
        }),
      // The address's query is not in the kept page's key: the page and theme are named here.
      { version: `${data.version}\0${themeKey ?? ''}\0${page}` },
    );
  }

  async function newsItem(
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord | undefined,
    slug: string,
  ) {
    if (!SLUG.test(slug) || slug.length > 200) throw new NotFoundError();
    const row = await newsBySlug(db, county?.code ?? null, slug);
    // A draft, a scheduled or an expired item is not there for visitors (nor for editors at this address).
    if (!row || !newsIsPublic(row, new Date())) throw new NotFoundError();
    return reply.publicPage(
      async (ctx) =>
        NewsItemPage({
          ctx,
          place: placeOf(county),
          item: {
            ...newsCardOf(row),
            body: row.body,
            themes: themeNamesOf(row.themeKeys),
            image: await newsImageOf(db, row),
          },
        }),
      { version: `${row.id}:${row.updatedAt.getTime()}` },
    );
  }

  const absolute = (path: string) => `${deps.config.publicUrl}${path}`;
  const feed = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord | undefined,
    format: FeedFormat,
  ) => sendNewsFeed(db, req, reply, { county, format, absolute });

  app.get('/nyheter', pub, (req, reply) => newsList(req, reply, undefined));
  app.get('/nyheter/flode.atom', pub, (req, reply) => feed(req, reply, undefined, 'atom'));
  app.get('/nyheter/flode.rss', pub, (req, reply) => feed(req, reply, undefined, 'rss'));
  app.get<{ Params: { slug: string } }>('/nyheter/:slug', pub, (req, reply) =>
    newsItem(req, reply, undefined, req.params.slug),
  );
  app.get('/:county/nyheter', pub, (req, reply) => newsList(req, reply, requireCounty(req)));
  app.get('/:county/nyheter/flode.atom', pub, (req, reply) => feed(req, reply, requireCounty(req), 'atom'));
  app.get('/:county/nyheter/flode.rss', pub, (req, reply) => feed(req, reply, requireCounty(req), 'rss'));
  app.get<{ Params: { county: string; slug: string } }>('/:county/nyheter/:slug', pub, (req, reply) =>
    newsItem(req, reply, requireCounty(req), req.params.slug),
  );
}
