import { safeMarkdown } from '../../../../platform/markdown.ts';
import type { PageContext } from '../../../../ui/context.ts';
import { countOf } from '../../../../platform/i18n.ts';
import { LinkButton, SummaryList } from '../../../../ui/components.tsx';
import { councilStatusLabels, dayText } from '../../labels.ts';
import type { BodyRow, CouncilRow } from '../../repository.ts';
import type { CouncilRoom as Room } from '../../service.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { StateReason, type CountyOf } from './parts.tsx';

export interface OverviewData {
  room: Room;
  county: CountyOf;
  /** the councils this one was formed from, and the one it went into */
  mergedFrom: CouncilRow[];
  successor: CouncilRow | undefined;
  counts: { members: number; bodies: number; people: number };
  /** the bodies the viewer sits in */
  seats: BodyRow[];
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}

/**
 * A council's work room's first page: its purpose and vision, its state and history, what it has (members,
 * bodies, people) with links to those parts, and what the viewer may do with it now (asked of the policy;
 * an ended council says why nothing changes).
 */
export function OverviewPage({ ctx, data }: { ctx: PageContext; data: OverviewData }): JSX.Element {
  const { room, county, mergedFrom, successor, counts, seats } = data;
  const { council } = room;
  const history = [
    mergedFrom.length > 0
      ? `Bildades ${dayText(council.formedOn)} när ${listOf(mergedFrom.map((c) => c.name))} slogs samman.`
      : `Bildades ${dayText(council.formedOn)}.`,
    council.status === 'merged' && successor
      ? `Gick ${dayText(council.endedOn ?? council.formedOn)} upp i ${successor.name}.`
      : council.status === 'dissolved'
        ? `Upplöstes ${dayText(council.endedOn ?? council.formedOn)}.`
        : '',
  ].filter(Boolean);
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="overview">
      {room.manages ? (
        <section aria-labelledby="actions" class="govuk-!-margin-bottom-6">
          <h2 class="govuk-heading-m" id="actions">
            Hantera rådet
          </h2>
          {room.editing.allowed || room.dissolving.allowed ? (
            <div class="govuk-button-group">
              {room.editing.allowed ? (
                <LinkButton href={urls.edit(county.slug, council.slug)} text="Ändra rådet" secondary />
              ) : (
                ''
              )}
              {room.dissolving.allowed ? (
                <LinkButton href={urls.dissolve(county.slug, council.slug)} text="Upplös rådet" secondary />
              ) : (
                ''
              )}
            </div>
          ) : (
            <StateReason decision={room.editing} />
          )}
        </section>
      ) : (
        ''
      )}
      <SummaryList
        rows={[
          { key: 'Status', value: councilStatusLabels[council.status] },
          { key: 'Historik', value: history.join('\n') },
          { key: 'Kansliets e-postadress', value: council.secretariatEmail ?? 'Inte angiven' },
          ...(council.subjectTag ? [{ key: 'Ämnesmärkning', value: council.subjectTag }] : []),
          ...(seats.length > 0 ? [{ key: 'Du sitter i', value: seats.map((b) => b.name).join('\n') }] : []),
        ]}
      />
      {successor ? (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.overview(county.slug, successor.slug)} safe>
            {`Till ${successor.name}`}
          </a>
        </p>
      ) : (
        ''
      )}
      {mergedFrom.length > 0 ? (
        <ul class="govuk-list">
          {mergedFrom.map((c) => (
            <li>
              <a class="govuk-link" href={urls.overview(county.slug, c.slug)} safe>
                {`${c.name} (före sammanslagningen)`}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <section aria-labelledby="purpose">
        <h2 class="govuk-heading-m" id="purpose">
          Syfte
        </h2>
        {council.purpose ? (
          <div class="sv-prose">{safeMarkdown(council.purpose)}</div>
        ) : (
          <p class="govuk-body">Syftet är inte beskrivet ännu.</p>
        )}
      </section>
      {council.vision ? (
        <section aria-labelledby="vision">
          <h2 class="govuk-heading-m" id="vision">
            Vision
          </h2>
          <div class="sv-prose">{safeMarkdown(council.vision)}</div>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="parts">
        <h2 class="govuk-heading-m" id="parts">
          Rådets delar
        </h2>
        <ul class="sv-card-list">
          <li class="sv-card">
            <h3 class="govuk-heading-s">
              <a class="govuk-link" href={urls.members(county.slug, council.slug)}>
                Medlemmar
              </a>
            </h3>
            <p class="govuk-body" safe>
              {countOf(counts.members, 'medlemsorganisation', 'medlemsorganisationer')}
            </p>
          </li>
          <li class="sv-card">
            <h3 class="govuk-heading-s">
              <a class="govuk-link" href={urls.bodies(county.slug, council.slug)}>
                Organisation
              </a>
            </h3>
            <p class="govuk-body" safe>
              {`${countOf(counts.bodies, 'grupp', 'grupper')} med ${countOf(counts.people, 'person', 'personer')}`}
            </p>
          </li>
        </ul>
      </section>
    </CouncilRoom>
  );
}
