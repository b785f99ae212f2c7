import type { Db } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { findUserByEmail } from '../accounts/index.ts';
import { createBanner } from './banners.ts';
import { createContact } from './contacts.ts';
import { DEMO_BANNER, DEMO_NATIONAL_NEWS, DEMO_SITE, type DemoNews, type DemoPage } from './demo-content.ts';
import { createNews } from './news.ts';
import { createPage, publishPage, requestReview, saveDraft } from './pages.ts';
import { listPageRows } from './repository.ts';
import { saveSettings } from './site-settings.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The demo's people as actors of the services (they exist: the demo module seeds them first). */
async function actorOf(
  db: Db,
  email: string,
  role: 'county_admin' | 'county_editor' | 'national_coordinator' | 'system_admin',
  countyCode: string | null,
): Promise<UserActor> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`Demodata: kontot ${email} saknas`);
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: [
      {
        role,
        organisationId: '',
        organisationName: '',
        organisationType: 'county_board',
        countyCode,
        municipalityCode: null,
      },
    ],
  };
}

/**
 * The demo's public pages (demo mode only, once: a county whose start page has been published is left alone).
 * Written through the services, as the demo's editors would: Västernorrland's pages by its editor and
 * published by its reviewer (the county wants review), the other counties' by their admins.
 */
export async function seedSiteDemo(db: Db, now = new Date()): Promise<void> {
  // Once: the demo's first county written means the whole demo site is there (or the accounts are not).
  const first = (await listPageRows(db, DEMO_SITE[0]!.code)).find((p) => p.kind === 'start');
  if (!first || first.publishedRevisionId || !(await findUserByEmail(db, 'nationell@demo.test'))) return;
  const coordinator = await actorOf(db, 'nationell@demo.test', 'national_coordinator', null);
  for (const county of DEMO_SITE) {
    const pages = await listPageRows(db, county.code);
    const start = pages.find((p) => p.kind === 'start');
    if (!start) continue;
    const admin = await actorOf(db, ADMINS[county.code]!, 'county_admin', county.code);
    const writer =
      county.code === '22'
        ? await actorOf(db, 'redaktor.vasternorrland@demo.test', 'county_editor', '22')
        : admin;
    const reviewer =
      county.code === '22'
        ? await actorOf(db, 'granskare.vasternorrland@demo.test', 'county_editor', '22')
        : admin;

    const contacts = new Map<string, string>();
    for (const c of county.contacts) {
      const row = await createContact(db, writer, county.code, {
        kind: c.kind,
        name: c.name,
        role: c.role,
        email: c.email ?? '',
        phone: c.phone ?? '',
      });
      contacts.set(c.key, row.id);
    }
    const write = async (pageId: string, page: DemoPage) => {
      const ref = { countyCode: county.code, pageId };
      await saveDraft(db, writer, ref, {
        title: page.title,
        summary: page.summary,
        body: page.body,
        contactIds: (page.contacts ?? []).flatMap((k) => contacts.get(k) ?? []),
        relatedPageIds: [],
        themeKeys: page.themes ?? [],
        lastReviewedOn: now.toISOString().slice(0, 10),
        note: 'Första versionen',
      });
      if (county.requiresReview) await requestReview(db, writer, ref);
      await publishPage(db, reviewer, ref, { when: 'now' });
    };
    // Written by the editor and published by the reviewer; the county's review setting is set afterwards.
    await write(start.id, county.start);
    for (const page of county.pages) {
      const existing = page.theme
        ? pages.find((p) => p.themeKey === page.theme)
        : await createPage(db, writer, county.code, {
            title: page.title,
            slug: page.slug ?? '',
            parentId: '',
          });
      if (existing) await write(existing.id, page);
    }
    await saveSettings(db, admin, county.code, {
      requiresReview: county.requiresReview ? 'yes' : 'no',
      supportEmail: county.supportEmail,
      supportPhone: county.supportPhone ?? '',
    });
    for (const news of county.news) await seedNews(db, writer, county.code, news, now);
  }
  for (const news of DEMO_NATIONAL_NEWS) await seedNews(db, coordinator, null, news, now);
  const vg = await actorOf(db, ADMINS[DEMO_BANNER.countyCode]!, 'county_admin', DEMO_BANNER.countyCode);
  await createBanner(db, vg, DEMO_BANNER.countyCode, {
    level: DEMO_BANNER.level,
    message: DEMO_BANNER.message,
    linkUrl: DEMO_BANNER.linkUrl,
    linkText: DEMO_BANNER.linkText,
    startsAt: new Date(now.getTime() - 60 * 60 * 1000),
    endsAt: new Date(now.getTime() + DEMO_BANNER.days * DAY),
    countyCode: DEMO_BANNER.countyCode,
  });
}

const ADMINS: Record<string, string> = {
  '03': 'uppsala@demo.test',
  '14': 'vastra-gotaland@demo.test',
  '19': 'vastmanland@demo.test',
  '22': 'vasternorrland@demo.test',
};

async function seedNews(
  db: Db,
  actor: UserActor,
  countyCode: string | null,
  news: DemoNews,
  now: Date,
): Promise<void> {
  await createNews(
    db,
    actor,
    countyCode,
    {
      title: news.title,
      slug: news.slug,
      summary: news.summary,
      body: news.body,
      themeKeys: news.themes,
      imageFileId: null,
      imageAlt: '',
      publish: { mode: 'now' },
      expiresAt: null,
    },
    new Date(now.getTime() - news.daysAgo * DAY),
  );
}
