import type { Db } from '../../db/client.ts';
import { formatDate, swedishCollator } from '../../platform/i18n.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { dayText, handlingStateLabels, interventionStatusLabels } from './labels.ts';
import * as repo from './report-repository.ts';
import type { CouncilRow } from './repository.ts';
import type { HandlingState, InterventionStatus, ProgressFigure } from './tables.ts';
import { yearPlan, type YearStepView } from './year-plan.ts';

/**
 * The yearly follow-up report (uppföljning): every intervention's progress for a year, per priority
 * (samverkansområde) → intervention area → intervention, with the year plan's steps and each member's
 * handling of each priority. One model, its words and dates already written out, for both renderers: the
 * printable page in the work room and the Word file.
 */

export interface FollowUpReport {
  council: { name: string; county: string };
  year: number;
  /** when the report was made, in words */
  madeOn: string;
  steps: YearStepView[];
  priorities: PriorityFollowUp[];
  totals: { interventions: number; reports: number; milestonesDue: number; milestonesDone: number };
}

export interface PriorityFollowUp {
  id: string;
  name: string;
  description: string;
  /** "Gäller från 1 januari 2024 tills vidare" */
  validity: string;
  areas: AreaFollowUp[];
  handling: Array<{ organisation: string; state: HandlingState | null; stateText: string; comment: string }>;
}

export interface AreaFollowUp {
  id: string;
  name: string;
  purpose: string;
  targetGroup: string;
  interventions: InterventionFollowUp[];
}

export interface InterventionFollowUp {
  id: string;
  name: string;
  description: string;
  owner: string;
  participants: string[];
  status: InterventionStatus;
  statusText: string;
  /** "1 mars 2024 – 30 september 2027", "Från 1 mars 2024", "Ingen period angiven" */
  period: string;
  financing: Array<{
    funder: string;
    amount: string;
    description: string;
    span: string;
    takenOverBy: string;
  }>;
  milestones: Array<{ title: string; due: string; done: string }>;
  reports: Array<{ period: string; statusText: string; text: string; figures: ProgressFigure[] }>;
}

export const NOT_ANSWERED = 'Inte besvarat';

const kronor = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A span of dates in words, either end open. */
export function spanText(from: string | null, until: string | null, none = 'Ingen period angiven'): string {
  if (from && until) return `${dayText(from)} – ${dayText(until)}`;
  if (from) return `Från ${dayText(from)}`;
  if (until) return `Till ${dayText(until)}`;
  return none;
}

/** A figure as it is read: "42 personer". */
export const figureText = (f: ProgressFigure): string =>
  `${kronor.format(f.value)}${f.unit ? ` ${f.unit}` : ''}`;

/** The report of a council for a year, read from the council's priorities, interventions and year plan. */
export async function followUpReport(
  db: Db,
  council: CouncilRow,
  year: number,
  now = new Date(),
): Promise<FollowUpReport> {
  const priorities = await repo.listPrioritiesOfYear(db, council.id, year);
  const priorityIds = priorities.map((p) => p.id);
  const [areas, handling, steps] = await Promise.all([
    repo.listAreasOf(db, priorityIds),
    repo.listHandlingOfYear(db, council.id, priorityIds, year),
    yearPlan(db, council, year),
  ]);
  const interventions = await repo.listInterventionsOfYear(
    db,
    council.id,
    areas.map((a) => a.id),
    year,
  );
  const ids = interventions.map((i) => i.id);
  const [participants, financing, milestones, reports] = await Promise.all([
    repo.listParticipantsOf(db, ids),
    repo.listFinancingOfYear(db, ids, year),
    repo.listMilestonesOfYear(db, ids, year),
    repo.listReportsOfYear(db, ids, year),
  ]);
  const { first, last } = repo.yearSpan(year);

  const interventionOf = (i: repo.InterventionOfYear): InterventionFollowUp => ({
    id: i.id,
    name: i.name,
    description: i.description,
    owner: i.owner,
    participants: participants.filter((p) => p.interventionId === i.id).map((p) => p.name),
    status: i.status,
    statusText: interventionStatusLabels[i.status],
    period: spanText(i.startsOn, i.endsOn),
    financing: financing
      .filter((f) => f.interventionId === i.id)
      .map((f) => ({
        funder: f.funder,
        amount: f.amountSek === null ? 'Inget belopp' : `${kronor.format(f.amountSek)} kr`,
        description: f.description,
        span: spanText(f.fromOn, f.untilOn, ''),
        takenOverBy: f.takenOverBy ?? '',
      })),
    milestones: milestones
      .filter((m) => m.interventionId === i.id)
      .map((m) => ({
        title: m.title,
        due: dayText(m.dueOn),
        done: m.doneOn ? `Klart ${dayText(m.doneOn)}` : 'Inte klart',
      })),
    reports: reports
      .filter((r) => r.interventionId === i.id)
      .map((r) => ({
        period: r.period,
        statusText: interventionStatusLabels[r.status],
        text: r.text,
        figures: r.figures,
      })),
  });

  const byName = <T extends { name: string }>(list: T[]) =>
    [...list].sort((a, b) => swedishCollator.compare(a.name, b.name));

  const shown = priorities.map((p): PriorityFollowUp => ({
    id: p.id,
    name: p.name,
    description: p.description,
    validity: p.validUntil
      ? `Gäller ${dayText(p.validFrom)} – ${dayText(p.validUntil)}`
      : `Gäller från ${dayText(p.validFrom)} tills vidare`,
    areas: areas
      .filter((a) => a.priorityId === p.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        purpose: a.purpose,
        targetGroup: a.targetGroup,
        interventions: byName(interventions.filter((i) => i.areaId === a.id)).map(interventionOf),
      })),
    handling: handling
      .filter((h) => h.priorityId === p.id)
      .sort((a, b) => swedishCollator.compare(a.organisation, b.organisation))
      .map((h) => ({
        organisation: h.organisation,
        state: h.state,
        stateText: h.state ? handlingStateLabels[h.state] : NOT_ANSWERED,
        comment: h.comment,
      })),
  }));

  return {
    council: { name: council.name, county: findCountyByCode(council.countyCode)?.name ?? '' },
    year,
    madeOn: formatDate(now),
    steps,
    priorities: shown,
    totals: {
      interventions: interventions.length,
      reports: reports.length,
      milestonesDue: milestones.filter((m) => m.dueOn >= first && m.dueOn <= last).length,
      milestonesDone: milestones.filter((m) => m.doneOn && m.doneOn >= first && m.doneOn <= last).length,
    },
  };
}
