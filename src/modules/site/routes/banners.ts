import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type RouteAccess } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { FormBody } from '../../../platform/input.ts';
import { swedishCollator } from '../../../platform/i18n.ts';
import { COUNTIES, findCountyByCode, type CountyRecord } from '../../../platform/tenancy.ts';
import { emptyForm, formValues, type FormState } from '../../../platform/validation.ts';
import {
  bannerAbilities,
  bannerValues,
  createBanner,
  endBanner,
  readBannerForm,
  updateBanner,
} from '../banners.ts';
import {
  findBannerRow,
  listBannerRows,
  listNationalBannerRows,
  type BannerScope,
} from '../banners-repository.ts';
import { bannerStatus } from '../lifecycle.ts';
import type { BannerRow } from '../repository.ts';
import { urls } from '../urls.ts';
import { typedMomentOf } from '../when.ts';
import { BannerFormPage, BannerListPage, type BannerDesk, type BannerListRow } from '../views/banners.tsx';

/**
 * Warning banners: a county admin's for the county, and the coordinator's for every county or one chosen
 * county (the coordinator sees, changes and ends every banner). The same pages for both desks.
 */

interface Desk {
  scope: BannerScope;
  /** what the form's county is: the county's own, or the coordinator's choice */
  formCounty: string;
  view: BannerDesk;
  editUrl: (id: string) => string;
  endUrl: (id: string) => string;
}

function countyDesk(county: CountyRecord): Desk {
  return {
    scope: county.code,
    formCounty: county.code,
    view: {
      countyName: county.name,
      editorialUrl: urls.editorial(county.slug),
      listUrl: urls.banners(county.slug),
      newUrl: urls.newBanner(county.slug),
      where: undefined,
    },
    editUrl: (id) => urls.editBanner(county.slug, id),
    endUrl: (id) => urls.endBanner(county.slug, id),
  };
}

const whereOptions = [
  { value: 'all', label: 'I alla län' },
  ...[...COUNTIES]
    .sort((a, b) => swedishCollator.compare(a.name, b.name))
    .map((c) => ({ value: c.code, label: c.name })),
];

const nationalDesk: Desk = {
  scope: 'all',
  formCounty: 'national',
  view: {
    countyName: undefined,
    editorialUrl: urls.nationalEditorial(),
    listUrl: urls.nationalBanners(),
    newUrl: urls.newNationalBanner(),
    where: whereOptions,
  },
  editUrl: urls.editNationalBanner,
  endUrl: urls.endNationalBanner,
};

type BannerParams = { Params: { bannerId: string } };

/** A new banner's form: a warning from the next whole hour, for a day. */
function newBannerValues(now = new Date()) {
  const start = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const s = typedMomentOf(start);
  const e = typedMomentOf(new Date(start.getTime() + 24 * 3_600_000));
  return {
    level: 'warning',
    where: 'all',
    startsDate: s.date,
    startsTime: s.time,
    endsDate: e.date,
    endsTime: e.time,
  };
}

export function registerBannerRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const rowOf = (req: FastifyRequest, desk: Desk, r: BannerRow, now: Date): BannerListRow => {
    const may = bannerAbilities(req.actor, desk.scope, r, now);
    return {
      id: r.id,
      level: r.level,
      message: r.message,
      status: bannerStatus(r, now),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      shownIn: r.countyCode ? (findCountyByCode(r.countyCode)?.name ?? r.countyCode) : 'Alla län',
      editUrl: may.edit ? desk.editUrl(r.id) : undefined,
      endUrl: may.end ? desk.endUrl(r.id) : undefined,
    };
  };

  function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    desk: Desk,
    form: FormState,
    banner?: BannerRow,
  ) {
    const now = new Date();
    return BannerFormPage({
      ctx: pageContext(req, reply),
      form,
      view: {
        desk: desk.view,
        action: banner ? desk.editUrl(banner.id) : desk.view.newUrl,
        banner: banner && {
          status: bannerStatus(banner, now),
          endUrl: bannerAbilities(req.actor, desk.scope, banner, now).end
            ? desk.endUrl(banner.id)
            : undefined,
        },
      },
    });
  }

  async function bannerOf(req: FastifyRequest<BannerParams>, desk: Desk): Promise<BannerRow> {
    const banner = await findBannerRow(db, desk.scope, req.params.bannerId);
    if (!banner) throw new NotFoundError();
    return banner;
  }

  const desks: Array<{ prefix: string; guard: RouteAccess; deskOf: (req: FastifyRequest) => Desk }> = [
    {
      prefix: '/:county/redaktion/varningar',
      guard: access.county('site.banner'),
      deskOf: (req) => countyDesk(requireCounty(req)),
    },
    {
      prefix: '/nationellt/redaktion/varningar',
      guard: access.global('site.national'),
      deskOf: () => nationalDesk,
    },
  ];

  for (const { prefix, guard: declared, deskOf } of desks) {
    const guard = { config: { access: declared } };

    app.get(prefix, guard, async (req, reply) => {
      const desk = deskOf(req);
      const now = new Date();
      const [rows, national] = await Promise.all([
        listBannerRows(db, desk.scope),
        desk.scope === 'all' ? Promise.resolve(undefined) : listNationalBannerRows(db),
      ]);
      return reply.html(
        BannerListPage({
          ctx: pageContext(req, reply),
          desk: desk.view,
          rows: rows.map((r) => rowOf(req, desk, r, now)),
          national: national?.map((r) => rowOf(req, desk, r, now)),
        }),
      );
    });

    app.get(`${prefix}/ny`, guard, async (req, reply) =>
      reply.html(formPage(req, reply, deskOf(req), emptyForm(newBannerValues()))),
    );

    app.post(`${prefix}/ny`, guard, async (req, reply) => {
      const desk = deskOf(req);
      return handleForm(
        req,
        reply,
        (form) => formPage(req, reply, desk, form),
        async () => {
          const input = readBannerForm((req.body ?? {}) as FormBody, desk.formCounty);
          await createBanner(db, requireUser(req), desk.scope, input);
          reply.setFlash({ kind: 'success', text: 'Varningen är sparad och visas under den tid du valt.' });
          return reply.redirect(desk.view.listUrl, 303);
        },
      );
    });

    app.get<BannerParams>(`${prefix}/:bannerId`, guard, async (req, reply) => {
      const desk = deskOf(req);
      const banner = await bannerOf(req, desk);
      return reply.html(formPage(req, reply, desk, emptyForm(bannerValues(banner)), banner));
    });

    app.post<BannerParams>(`${prefix}/:bannerId`, guard, async (req, reply) => {
      const desk = deskOf(req);
      const banner = await bannerOf(req, desk);
      return handleForm(
        req,
        reply,
        (form) => formPage(req, reply, desk, { values: formValues(req.body), errors: form.errors }, banner),
        async () => {
          const input = readBannerForm((req.body ?? {}) as FormBody, desk.formCounty);
          await updateBanner(db, requireUser(req), desk.scope, banner.id, input);
          reply.setFlash({ kind: 'success', text: 'Ändringarna i varningen är sparade.' });
          return reply.redirect(desk.view.listUrl, 303);
        },
      );
    });

    app.post<BannerParams>(`${prefix}/:bannerId/avsluta`, guard, async (req, reply) => {
      const desk = deskOf(req);
      const banner = await bannerOf(req, desk);
      return handleForm(
        req,
        reply,
        (form) => formPage(req, reply, desk, { values: bannerValues(banner), errors: form.errors }, banner),
        async () => {
          await endBanner(db, requireUser(req), desk.scope, banner.id);
          reply.setFlash({ kind: 'success', text: 'Varningen är avslutad och visas inte längre.' });
          return reply.redirect(desk.view.listUrl, 303);
        },
      );
    });
  }
}
