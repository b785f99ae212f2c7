import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { type FormBody, trimmedTextOf } from '../../platform/input.ts';
import type { PageBanner, PageBanners } from '../../platform/page-context.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { tooLongMessage, type FormValues } from '../../platform/validation.ts';
import * as bannerRepo from './banners-repository.ts';
import type { BannerScope } from './banners-repository.ts';
import { bannerLevels, bannerStatus, type BannerLevel, type BannerStatus } from './lifecycle.ts';
import { authorize, can, siteGlobalPolicy, sitePolicy, type SiteAction } from './policy.ts';
import { listCurrentBannerRows, type BannerRow } from './repository.ts';
import { readMoment, typedMomentOf } from './when.ts';

/**
 * Warning banners: a short message (weather, a crisis, an outage) with a level, perhaps a link, shown on every
 * page of a county — or of every county, the coordinator's — from its start until its end or until ended early.
 * Whether one is in force is derived from the time (lifecycle.bannerStatus); the pages' banners are kept per
 * process until a banner changes or the next start or end comes.
 */

export const BANNER_LIMITS = { message: 300, linkUrl: 500, linkText: 80 } as const;

export const bannerStatusLabels: Record<BannerStatus, string> = {
  scheduled: 'Planerad',
  active: 'Aktiv',
  ended: 'Avslutad',
};

// ---- Who may ---------------------------------------------------------------------------------------------

/** A county's admins set its banners ('site.banner'); the coordinator sets any ('site.national'). */
export function mayWriteBanners(actor: Actor, scope: BannerScope): boolean {
  return scope === 'all'
    ? siteGlobalPolicy['site.national'](actor)
    : sitePolicy['site.banner'](actor, { countyCode: scope });
}

/** The state rule for changing or ending a banner from this scope: the county's own, or the coordinator's. */
function ruleOf(scope: BannerScope, change: 'edit' | 'end'): SiteAction {
  if (scope === 'all') return change === 'edit' ? 'banner.editAny' : 'banner.endAny';
  return change === 'edit' ? 'banner.edit' : 'banner.end';
}

const resourceOf = (row: BannerRow) => ({ countyCode: row.countyCode ?? '', banner: row });

/** What a viewer may do to a banner now, for its buttons (the rules the services ask under the lock). */
export function bannerAbilities(actor: Actor, scope: BannerScope, row: BannerRow, now = new Date()) {
  const may = (change: 'edit' | 'end') =>
    can(actor, ruleOf(scope, change) as 'banner.edit', resourceOf(row), now);
  return { edit: may('edit'), end: may('end') };
}

// ---- The form ----------------------------------------------------------------------------------------------

export interface BannerInput {
  level: BannerLevel;
  message: string;
  linkUrl: string | null;
  linkText: string | null;
  startsAt: Date;
  endsAt: Date;
  /** the county it shows in; null: every county (only the coordinator) */
  countyCode: string | null;
}

/** A link the banner may carry: a web address (http or https) or a path on this site. */
export function isBannerLink(value: string): boolean {
  if (/^\/(?!\/)[^\s\\]*$/.test(value)) return true;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !/\s/.test(value);
  } catch {
    return false;
  }
}

/**
 * Reads the posted banner form, or every message beside its field. The coordinator chooses where it shows
 * (`county` 'national': every county, or one); a county's admin's banner is the county's (its code).
 */
export function readBannerForm(body: FormBody, county: string): BannerInput {
  const errors: FieldErrors = {};
  const level = trimmedTextOf(body, 'level');
  if (!(bannerLevels as readonly string[]).includes(level))
    errors.level = 'Välj hur allvarligt meddelandet är';
  const message = trimmedTextOf(body, 'message').replace(/\s+/g, ' ');
  if (!message) errors.message = 'Skriv meddelandet';
  else if (message.length > BANNER_LIMITS.message)
    errors.message = tooLongMessage('Meddelandet', BANNER_LIMITS.message, message.length);
  const linkUrl = trimmedTextOf(body, 'linkUrl');
  const linkText = trimmedTextOf(body, 'linkText');
  if (linkUrl.length > BANNER_LIMITS.linkUrl)
    errors.linkUrl = tooLongMessage('Länken', BANNER_LIMITS.linkUrl, linkUrl.length);
  else if (linkUrl && !isBannerLink(linkUrl))
    errors.linkUrl =
      'Ange länken som en webbadress som börjar med https:// eller som en sökväg på webbplatsen, till exempel /uppsala/kris';
  if (linkText.length > BANNER_LIMITS.linkText)
    errors.linkText = tooLongMessage('Länktexten', BANNER_LIMITS.linkText, linkText.length);
  else if (linkText && !linkUrl)
    errors.linkUrl = 'Ange länken som länktexten leder till, eller ta bort länktexten';

  const moment = (prefix: 'starts' | 'ends', a: string, the: string, time: string) => {
    const read = readMoment(
      { date: trimmedTextOf(body, `${prefix}Date`), time: trimmedTextOf(body, `${prefix}Time`) },
      { date: { a, the }, time },
    );
    if ('at' in read) return read.at;
    if (read.errors.date) errors[`${prefix}Date`] = read.errors.date;
    if (read.errors.time) errors[`${prefix}Time`] = read.errors.time;
    return undefined;
  };
  const startsAt = moment('starts', 'startdatum', 'startdatumet', 'starttiden');
  const endsAt = moment('ends', 'slutdatum', 'slutdatumet', 'sluttiden');
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
    errors.endsDate = 'Varningen måste sluta efter att den börjar';

  let countyCode: string | null = county === 'national' ? null : county;
  if (county === 'national') {
    const where = trimmedTextOf(body, 'where');
    if (where === 'all') countyCode = null;
    else if (findCountyByCode(where)) countyCode = where;
    else errors.where = 'Välj var varningen ska visas: i alla län eller i ett län';
  }
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) throw new ValidationError(errors);
  return {
    level: level as BannerLevel,
    message,
    linkUrl: linkUrl || null,
    linkText: linkUrl ? linkText || null : null,
    startsAt,
    endsAt,
    countyCode,
  };
}

/** A banner as its form shows it. */
export function bannerValues(row: BannerRow): FormValues {
  const starts = typedMomentOf(row.startsAt);
  const ends = typedMomentOf(row.endsAt);
  return {
    level: row.level,
    message: row.message,
    linkUrl: row.linkUrl ?? '',
    linkText: row.linkText ?? '',
    startsDate: starts.date,
    startsTime: starts.time,
    endsDate: ends.date,
    endsTime: ends.time,
    where: row.countyCode ?? 'all',
  };
}

// ---- Changes --------------------------------------------------------------------------------------------

const auditFacts = (row: BannerRow) => ({
  level: row.level,
  message: row.message,
  countyCode: row.countyCode,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
});

async function lockBanner(tx: Executor, scope: BannerScope, id: string): Promise<BannerRow> {
  const row = await bannerRepo.lockBannerRow(tx, scope, id);
  if (!row) throw new NotFoundError();
  return row;
}

export async function createBanner(
  db: Db,
  actor: UserActor,
  scope: BannerScope,
  input: BannerInput,
  now = new Date(),
): Promise<BannerRow> {
  if (!mayWriteBanners(actor, scope)) throw new NotFoundError();
  // A county's admin writes for the county; only the coordinator for every county or a chosen one.
  const countyCode = scope === 'all' ? input.countyCode : scope;
  if (input.endsAt.getTime() <= now.getTime())
    throw new ValidationError({ endsDate: 'Slutet har redan varit: välj en senare tid' });
  return db.transaction(async (tx) => {
    const row = await bannerRepo.insertBanner(tx, {
      countyCode,
      level: input.level,
      message: input.message,
      linkUrl: input.linkUrl,
      linkText: input.linkText,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'banner.created',
      entityType: 'site_banner',
      entityId: row.id,
      after: auditFacts(row),
    });
    return row;
  });
}

export async function updateBanner(
  db: Db,
  actor: UserActor,
  scope: BannerScope,
  id: string,
  input: BannerInput,
  now = new Date(),
): Promise<BannerRow> {
  return db.transaction(async (tx) => {
    const before = await lockBanner(tx, scope, id);
    authorize(actor, ruleOf(scope, 'edit') as 'banner.edit', resourceOf(before), now);
    if (input.endsAt.getTime() <= now.getTime())
      throw new ValidationError({
        endsDate: 'Slutet har redan varit: välj en senare tid, eller avsluta varningen',
      });
    const row = await bannerRepo.updateBannerRow(tx, before.id, {
      level: input.level,
      message: input.message,
      linkUrl: input.linkUrl,
      linkText: input.linkText,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      ...(scope === 'all' ? { countyCode: input.countyCode } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: row.countyCode,
      action: 'banner.edited',
      entityType: 'site_banner',
      entityId: row.id,
      before: auditFacts(before),
      after: auditFacts(row),
    });
    return row;
  });
}

/** Ends a banner now, before its end time (a planned one never shows). */
export async function endBanner(
  db: Db,
  actor: UserActor,
  scope: BannerScope,
  id: string,
  now = new Date(),
): Promise<BannerRow> {
  return db.transaction(async (tx) => {
    const before = await lockBanner(tx, scope, id);
    authorize(actor, ruleOf(scope, 'end') as 'banner.end', resourceOf(before), now);
    const row = await bannerRepo.updateBannerRow(tx, before.id, { withdrawnAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: row.countyCode,
      action: 'banner.ended',
      entityType: 'site_banner',
      entityId: row.id,
      before: auditFacts(before),
      after: { endedAt: now.toISOString() },
    });
    return row;
  });
}

// ---- On every page --------------------------------------------------------------------------------------

export interface BannersInForce extends PageBanners {
  /** when what is in force changes next by the clock (a start or an end), in ms; Infinity: not by the clock */
  until: number;
}

/**
 * The banners in force at `now` for a county's pages (its own and every county's; outside a county, the
 * national ones), and when that changes next by the clock: the earliest start to come or end of those read.
 */
export async function readPageBanners(
  db: Db,
  countyCode: string | undefined,
  now: Date,
): Promise<BannersInForce> {
  const rows = await listCurrentBannerRows(db, countyCode, now);
  const inForce = rows.filter((r) => bannerStatus(r, now) === 'active');
  const t = now.getTime();
  const until = Math.min(
    Infinity,
    ...rows.map((r) => (r.startsAt.getTime() > t ? r.startsAt.getTime() : r.endsAt.getTime())),
  );
  // Critical first, then warnings, then information; the newest first within a level.
  const order: Record<BannerLevel, number> = { critical: 0, warning: 1, info: 2 };
  inForce.sort((a, b) => order[a.level] - order[b.level] || b.startsAt.getTime() - a.startsAt.getTime());
  const banners: PageBanner[] = inForce.map((r) => ({
    id: r.id,
    level: r.level,
    message: r.message,
    linkUrl: r.linkUrl,
    linkText: r.linkText,
  }));
  return {
    version: inForce.map((r) => `${r.id}:${r.updatedAt.getTime()}`).join(','),
    banners,
    until,
  };
}

/**
 * The banners of a county's pages, kept per process until a banner changes or the next start or end: asked on
 * every request (the module descriptor's `pageBanners`), answered from memory.
 */
export const pageBanners = keptUntilChanged(
  ['site_banners'],
  (db: Db, countyCode: string | undefined) => readPageBanners(db, countyCode, new Date()),
  (countyCode) => countyCode ?? '',
  { until: (v) => v.until },
);
