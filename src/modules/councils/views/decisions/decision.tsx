import { safeMarkdown } from '../../../../platform/markdown.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import { SummaryList, Tag } from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import type { DecisionListed } from '../../decisions.ts';
import type { DecisionRow } from '../../decisions-repository.ts';
import { dayText, decisionStateLabels } from '../../labels.ts';
import type { BodyRow, CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { stateColour } from './list.tsx';

export interface DecisionPageData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  decision: DecisionListed;
  body: BodyRow | undefined;
  replacedBy: DecisionRow | undefined;
  replaces: DecisionRow[];
  /** the agenda item it was taken under, with its meeting (linked when the viewer sees the meeting) */
  agendaItem: { itemTitle: string; meetingId: string; meetingTitle: string; visible: boolean } | undefined;
  /** the county's admin may record a decision that replaces this one */
  mayReplace: boolean;
}

/** One decision: its number, date, body, validity and state, its text, its successor and predecessors. */
export function DecisionPage({ ctx, data }: { ctx: PageContext; data: DecisionPageData }): JSX.Element {
  const { county, council, decision, body, replacedBy, replaces, agendaItem } = data;
  const link = (d: DecisionRow) => (
    <a class="govuk-link" href={urls.decision(county.slug, council.slug, d.id)} safe>
      {`${d.number} ${d.title}`}
    </a>
  );
  const title = `Beslut ${decision.number}: ${decision.title}`;
  return (
    <CouncilRoom
      ctx={ctx}
      county={county}
      council={council}
      part="decisions"
      title={title}
      trail={[{ href: urls.decision(county.slug, council.slug, decision.id), label: decision.number }]}
    >
      <p class="govuk-body">
        <Tag text={decisionStateLabels[decision.state]} colour={stateColour(decision.state)} />
      </p>
      {replacedBy ? (
        <div class="govuk-inset-text" role="note">
          <span safe>{`Beslutet ersattes ${dayText(replacedBy.decidedOn)} av `}</span>
          {link(replacedBy)}.
        </div>
      ) : (
        ''
      )}
      <SummaryList
        rows={[
          { key: 'Beslutsnummer', value: decision.number },
          { key: 'Beslutsdatum', value: dayText(decision.decidedOn) },
          { key: 'Beslutande grupp', value: body?.name ?? '' },
          {
            key: 'Giltighet',
            value: decision.validUntil
              ? `Gäller till och med ${dayText(decision.validUntil)}`
              : 'Gäller tills vidare',
          },
        ]}
      />
      {replaces.length > 0 ? (
        <p class="govuk-body">
          Ersätter{' '}
          {replaces.map((d, i) => (
            <>
              {i > 0 ? ', ' : ''}
              {link(d)}
            </>
          ))}
          .
        </p>
      ) : (
        ''
      )}
      {agendaItem ? (
        <p class="govuk-body">
          <span safe>{`Fattat under punkten ”${agendaItem.itemTitle}” på `}</span>
          {agendaItem.visible ? (
            <a class="govuk-link" href={urls.meeting(county.slug, council.slug, agendaItem.meetingId)} safe>
              {agendaItem.meetingTitle}
            </a>
          ) : (
            <span safe>{agendaItem.meetingTitle}</span>
          )}
          .
        </p>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Beslutstext</h2>
      {decision.text ? (
        <div class="sv-prose">{safeMarkdown(decision.text)}</div>
      ) : (
        <p class="govuk-body">Beslutet har ingen text.</p>
      )}
      {data.mayReplace ? (
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={`${urls.decisions(county.slug, council.slug)}?ersatter=${encodeURIComponent(decision.id)}#record`}
          >
            För in ett beslut som ersätter detta
          </a>
        </p>
      ) : (
        ''
      )}
    </CouncilRoom>
  );
}
