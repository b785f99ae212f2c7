import type { Decision } from '../../../../platform/authz.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import type { PageContext } from '../../../../ui/context.ts';
import { Tag, type Option, type TagColour } from '../../../../ui/components.tsx';
import { dayText, interventionStatusLabels } from '../../labels.ts';
import type { CouncilRow, MemberView } from '../../repository.ts';
import type { InterventionStatus } from '../../tables.ts';

/** What every page of this part of the work room is given. */
export interface RoomPage {
  ctx: PageContext;
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  /** whether the viewer keeps the council (its admin) and may change it now (else why not) */
  manages: boolean;
  editing: Decision;
}

/** "från 1 mars 2024 tills vidare", "1 mars 2024 – 30 september 2027". */
export function spanText(from: string | null, until: string | null): string {
  if (!from && !until) return 'Inte angiven';
  if (!until) return `från ${dayText(from!)} tills vidare`;
  if (!from) return `till ${dayText(until)}`;
  return `${dayText(from)} – ${dayText(until)}`;
}

const statusColours: Record<InterventionStatus, TagColour> = {
  planned: 'grey',
  ongoing: 'blue',
  completed: 'green',
  paused: 'yellow',
};

export function StatusTag({ status }: { status: InterventionStatus }): JSX.Element {
  return <Tag text={interventionStatusLabels[status]} colour={statusColours[status]} />;
}

export const memberOptions = (members: MemberView[]): Option[] =>
  members.map((m) => ({ value: m.organisationId, label: m.name }));

/** Why nothing may be changed now, where a form would have been. */
export function Refusal({ editing }: { editing: Decision }): JSX.Element {
  return !editing.allowed && editing.refusal === 'state' ? (
    <p class="govuk-body" safe>
      {editing.reason}
    </p>
  ) : (
    <></>
  );
}
