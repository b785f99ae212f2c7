import type { Children } from '@kitajs/html';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { CouncilRow } from '../repository.ts';
import { urls } from '../urls.ts';

/** The parts of a council's work room, in the order its navigation lists them. */
export type RoomPart =
  | 'overview'
  | 'members'
  | 'bodies'
  | 'meetings'
  | 'decisions'
  | 'documents'
  | 'priorities'
  | 'strategies'
  | 'year';

const parts: ReadonlyArray<{
  part: RoomPart;
  label: string;
  href: (county: string, council: string) => string;
}> = [
  { part: 'overview', label: 'Översikt', href: urls.overview },
  { part: 'members', label: 'Medlemmar', href: urls.members },
  { part: 'bodies', label: 'Organisation', href: urls.bodies },
  { part: 'meetings', label: 'Möten', href: urls.meetings },
  { part: 'decisions', label: 'Beslut', href: urls.decisions },
  { part: 'documents', label: 'Dokument', href: urls.documents },
  { part: 'priorities', label: 'Prioriteringar', href: urls.priorities },
  { part: 'strategies', label: 'Strategier', href: urls.strategies },
  { part: 'year', label: 'Årshjul', href: (c, s) => urls.yearPlan(c, s) },
];

export interface RoomProps {
  ctx: PageContext;
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: Pick<CouncilRow, 'name' | 'slug' | 'status'>;
  /** the part of the room this page belongs to: its link in the navigation is marked as the current one */
  part: RoomPart;
  /** the page's h1; the council's own name when left out */
  title?: string;
  /** the trail between the room's part and this page (the part itself is added) */
  trail?: Array<{ href: string; label: string }>;
  children: Children;
}

/**
 * A page of a council's work room: the county's councils and the council in the breadcrumbs, the room's
 * parts as a navigation landmark (the current one marked for screen readers), the council's name as the
 * caption, and a note when the council has ended and its pages only show its history.
 */
export function CouncilRoom({
  ctx,
  county,
  council,
  part,
  title,
  trail = [],
  children,
}: RoomProps): JSX.Element {
  const here = parts.find((p) => p.part === part)!;
  return (
    <Layout
      ctx={ctx}
      title={title ?? council.name}
      caption={title ? council.name : county.name}
      breadcrumbs={[
        { href: urls.councils(county.slug), label: 'Råd' },
        { href: urls.overview(county.slug, council.slug), label: council.name },
        ...(part === 'overview' && trail.length === 0
          ? []
          : [{ href: here.href(county.slug, council.slug), label: here.label }, ...trail]),
      ]}
    >
      <nav class="sv-subnav" aria-label="Rådets delar">
        <ul class="sv-subnav__list">
          {parts.map((p) => (
            <li class="sv-subnav__item">
              <a
                class="govuk-link govuk-link--no-visited-state"
                href={p.href(county.slug, council.slug)}
                aria-current={p.part === part ? 'page' : undefined}
                safe
              >
                {p.label}
              </a>
            </li>
          ))}
          <li class="sv-subnav__item">
            <a
              class="govuk-link govuk-link--no-visited-state"
              href={urls.publicPage(county.slug, council.slug)}
            >
              Publik sida
            </a>
          </li>
        </ul>
      </nav>
      {council.status !== 'active' ? (
        <div class="govuk-inset-text" role="note">
          {council.status === 'merged'
            ? 'Rådet har gått upp i ett annat råd. Sidorna visar dess historik och kan inte ändras.'
            : 'Rådet är upplöst. Sidorna visar dess historik och kan inte ändras.'}
        </div>
      ) : (
        ''
      )}
      {children}
    </Layout>
  );
}
