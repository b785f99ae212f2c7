import type { Verdict } from '../../platform/authz.ts';

/**
 * The rules of the county's public pages, written once: services ask them under the row's lock, routes and
 * views ask them for their buttons (policy.ts makes them state rules). Pure functions of the rows' states.
 *
 * A page has at most one working copy (its draft revision), a published revision, and possibly a revision
 * scheduled to replace the published one at a time. Which revision the public sees is derived from the time
 * (`visibleRevisionId`), never from a job having run: a page scheduled for 10.00 is public at 10.00.
 */
export const pageKinds = ['start', 'theme', 'page'] as const;
export type PageKind = (typeof pageKinds)[number];

/** draft (being written) → in_review (sent to a second editor) → scheduled/published → retired (replaced). */
export const revisionStates = ['draft', 'in_review', 'scheduled', 'published', 'retired'] as const;
export type RevisionState = (typeof revisionStates)[number];

export const bannerLevels = ['info', 'warning', 'critical'] as const;
export type BannerLevel = (typeof bannerLevels)[number];

export const contactKinds = ['person', 'function'] as const;
export type ContactKind = (typeof contactKinds)[number];

export interface PageState {
  kind: PageKind;
  publishedRevisionId: string | null;
  scheduledRevisionId: string | null;
  scheduledAt: Date | null;
  draftRevisionId: string | null;
}

export interface RevisionInfo {
  id: string;
  state: RevisionState;
  title: string;
  createdBy: string | null;
  updatedBy: string | null;
  submittedBy: string | null;
}

/** The revision the public sees at `now`: the scheduled one from its time, else the published one. */
export function visibleRevisionId(page: PageState, now: Date): string | null {
  if (page.scheduledRevisionId && page.scheduledAt && page.scheduledAt.getTime() <= now.getTime())
    return page.scheduledRevisionId;
  return page.publishedRevisionId;
}

/** When what the public sees of the page changes next by the clock alone (a scheduled publication), if ever. */
export function nextVisibleChange(page: PageState, now: Date): Date | null {
  return page.scheduledAt && page.scheduledAt.getTime() > now.getTime() ? page.scheduledAt : null;
}

export const isPublic = (page: PageState, now: Date): boolean => visibleRevisionId(page, now) !== null;

/** Sending the draft to a second editor: a draft with a title. */
export function mayRequestReview(revision: RevisionInfo | null): Verdict {
  if (!revision) return 'Sidan har inget utkast att skicka för granskning';
  if (revision.state === 'in_review') return 'Utkastet är redan skickat för granskning';
  if (revision.state !== 'draft') return 'Bara ett utkast kan skickas för granskning';
  if (revision.title.trim() === '') return 'Ge sidan en rubrik innan den skickas för granskning';
  return true;
}

/**
 * Publishing the draft (now or at a time). Where the county wants review (`requiresReview`), the draft must have
 * been sent for review and the one who publishes must be a second editor: neither the one who sent it nor the
 * last one who changed it.
 */
export function mayPublish(
  revision: RevisionInfo | null,
  opts: { requiresReview: boolean; actorId: string | null },
): Verdict {
  if (!revision) return 'Sidan har inget utkast att publicera';
  if (revision.state !== 'draft' && revision.state !== 'in_review') return 'Bara ett utkast kan publiceras';
  if (revision.title.trim() === '') return 'Ge sidan en rubrik innan den publiceras';
  if (opts.requiresReview) {
    if (revision.state !== 'in_review')
      return 'Länet granskar sidor innan de publiceras: skicka utkastet för granskning först';
    if (
      opts.actorId !== null &&
      (revision.submittedBy === opts.actorId || revision.updatedBy === opts.actorId)
    )
      return 'En annan redaktör än den som skrev utkastet granskar och publicerar det';
  }
  return true;
}

/** Taking a page off the public site: a page that is public or scheduled. The start page stays. */
export function mayUnpublish(page: PageState): Verdict {
  if (page.kind === 'start') return 'Startsidan kan inte avpubliceras; skriv om den i stället';
  if (!page.publishedRevisionId && !page.scheduledRevisionId) return 'Sidan är inte publicerad';
  return true;
}

/** Cancelling a scheduled publication before its time. */
export function mayCancelSchedule(page: PageState, now: Date): Verdict {
  if (!page.scheduledRevisionId || !page.scheduledAt) return 'Sidan har ingen planerad publicering';
  if (page.scheduledAt.getTime() <= now.getTime()) return 'Den planerade publiceringen har redan skett';
  return true;
}

/** Moving or renaming a page (its old address then redirects): any page but the start page. */
export function mayMove(page: PageState): Verdict {
  return page.kind === 'start' ? 'Startsidan har alltid länets adress' : true;
}

/** Restoring an old revision: its content becomes the page's draft (then reviewed and published as usual). */
export function mayRestore(revision: RevisionInfo, page: PageState): Verdict {
  if (revision.id === page.draftRevisionId) return 'Den versionen är redan sidans utkast';
  return true;
}

// ---- News ------------------------------------------------------------------------------------------------

export interface NewsState {
  publishedAt: Date | null;
  expiresAt: Date | null;
}

export type NewsStatus = 'draft' | 'scheduled' | 'published' | 'expired';

export function newsStatus(news: NewsState, now: Date): NewsStatus {
  if (!news.publishedAt) return 'draft';
  if (news.publishedAt.getTime() > now.getTime()) return 'scheduled';
  if (news.expiresAt && news.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'published';
}

export const newsIsPublic = (news: NewsState, now: Date): boolean => newsStatus(news, now) === 'published';

/** Unpublishing a news item (back to a draft): one that is published, scheduled or expired. */
export function mayUnpublishNews(news: NewsState, now: Date): Verdict {
  return newsStatus(news, now) === 'draft' ? 'Nyheten är inte publicerad' : true;
}

/** Deleting a news item: only a draft (what was public leaves its trace: it is unpublished first). */
export function mayDeleteNews(news: NewsState, now: Date): Verdict {
  return newsStatus(news, now) === 'draft' ? true : 'Bara ett utkast kan tas bort: avpublicera nyheten först';
}

/** When a news item's public state changes next by the clock (its publication or its expiry). */
export function nextNewsChange(news: NewsState, now: Date): Date | null {
  const t = now.getTime();
  if (news.publishedAt && news.publishedAt.getTime() > t) return news.publishedAt;
  if (news.expiresAt && news.expiresAt.getTime() > t) return news.expiresAt;
  return null;
}

// ---- Warning banners ----------------------------------------------------------------------------------------

export interface BannerState {
  startsAt: Date;
  endsAt: Date;
  withdrawnAt: Date | null;
}

export type BannerStatus = 'scheduled' | 'active' | 'ended';

export function bannerStatus(banner: BannerState, now: Date): BannerStatus {
  if (banner.withdrawnAt || banner.endsAt.getTime() <= now.getTime()) return 'ended';
  return banner.startsAt.getTime() > now.getTime() ? 'scheduled' : 'active';
}

/** Ending a banner now (before its end time): one that has not ended. */
export function mayEndBanner(banner: BannerState, now: Date): Verdict {
  return bannerStatus(banner, now) === 'ended' ? 'Varningen har redan upphört' : true;
}

/** Changing a banner: one that has not ended. */
export const mayEditBanner = mayEndBanner;

// ---- Contacts -------------------------------------------------------------------------------------------------

export interface ContactState {
  id: string;
  leftAt: Date | null;
}

/** Replacing a contact who leaves, everywhere at once, by another active contact of the county. */
export function mayReplaceContact(contact: ContactState, replacement: ContactState | null): Verdict {
  if (contact.leftAt) return 'Kontakten är redan ersatt';
  if (!replacement) return 'Välj vem som ersätter kontakten';
  if (replacement.id === contact.id) return 'En kontakt kan inte ersätta sig själv';
  if (replacement.leftAt) return 'Den du valde har själv slutat; välj en aktiv kontakt';
  return true;
}
