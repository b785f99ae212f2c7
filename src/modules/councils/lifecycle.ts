import type { Verdict } from '../../platform/authz.ts';
import type { DocumentStatus, InterventionStatus, MeetingStatus } from './tables.ts';

/** `true`, or the reason it may not be done. */
export type { Verdict };

/**
 * The state rules of councils in one place: a council is formed, may be merged with others into a new one
 * (seed 003: Västmanland's integration and gender-equality councils became one council for social
 * sustainability), or dissolved; its history stays. Bodies under a council form a tree, each reporting to one
 * other body of the same council. Pure functions of the states; each answers `true` or, when not, why: a
 * Swedish sentence a service throws as a ConflictError and a page shows where a button is absent. Who may act
 * is policy.ts's business.
 */

export const councilStatuses = ['active', 'merged', 'dissolved'] as const;
export type CouncilStatus = (typeof councilStatuses)[number];

export interface CouncilState {
  id: string;
  countyCode: string;
  status: CouncilStatus;
}

const reason = {
  merged: 'Rådet har gått upp i ett annat råd.',
  dissolved: 'Rådet är upplöst.',
  fewToMerge: 'Välj minst två råd att slå samman.',
  sameTwice: 'Samma råd är valt två gånger.',
  otherCounty: 'Bara råd i samma län kan slås samman.',
  bodyOtherCouncil: 'Gruppen hör till ett annat råd.',
  bodyCycle: 'En grupp kan inte rapportera till sig själv eller till en grupp som rapporterar till den.',
  bodyRoot: 'Rådet självt rapporterar inte till någon annan grupp i rådet.',
  bodyNeedsParent: 'Ange vilken grupp gruppen rapporterar till.',
};

/** What has ended keeps its history but changes no more. */
function stillActive(c: CouncilState): Verdict {
  if (c.status === 'merged') return reason.merged;
  if (c.status === 'dissolved') return reason.dissolved;
  return true;
}

/** Its texts, members, bodies and people change while it is active. */
export const councilMayEdit = (c: CouncilState): Verdict => stillActive(c);

/** An active council may be dissolved: it stays in the history as it was. */
export const councilMayDissolve = (c: CouncilState): Verdict => stillActive(c);

/** Two or more active councils of one county may become one new council. */
export function councilsMayMerge(councils: CouncilState[]): Verdict {
  if (councils.length < 2) return reason.fewToMerge;
  if (new Set(councils.map((c) => c.id)).size !== councils.length) return reason.sameTwice;
  if (new Set(councils.map((c) => c.countyCode)).size !== 1) return reason.otherCounty;
  for (const c of councils) {
    const verdict = stillActive(c);
    if (verdict !== true) return verdict;
  }
  return true;
}

export const bodyKinds = ['council', 'secretariat', 'coordination', 'working_group', 'network'] as const;
export type BodyKind = (typeof bodyKinds)[number];

export interface BodyNode {
  id: string;
  councilId: string;
  kind: BodyKind;
  /** the body it reports to; null for the council itself */
  reportsToId: string | null;
}

/**
 * Whether a body may report to the one named: within the same council, never to itself or to a body that
 * (through others) reports to it, and every body but the council itself reports to one. `bodies` are the
 * council's bodies as they are now (the one being placed included when it exists).
 */
export function bodyMayReportTo(
  body: Pick<BodyNode, 'id' | 'councilId' | 'kind'>,
  reportsToId: string | null,
  bodies: BodyNode[],
): Verdict {
  if (body.kind === 'council') return reportsToId === null ? true : reason.bodyRoot;
  if (reportsToId === null) return reason.bodyNeedsParent;
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const target = byId.get(reportsToId);
  if (!target || target.councilId !== body.councilId) return reason.bodyOtherCouncil;
  // Up from the target: reaching the body itself would close a circle.
  const seen = new Set<string>();
  for (
    let at: BodyNode | undefined = target;
    at;
    at = at.reportsToId ? byId.get(at.reportsToId) : undefined
  ) {
    if (at.id === body.id || seen.has(at.id)) return reason.bodyCycle;
    seen.add(at.id);
  }
  return true;
}

export type TreeNode<B> = B & { children: Array<TreeNode<B>> };

/** The bodies as a tree from the council itself down, each level in the order given: what the page shows. */
export function bodyTree<B extends BodyNode>(bodies: B[]): Array<TreeNode<B>> {
  const nodes = new Map<string, TreeNode<B>>(bodies.map((b) => [b.id, { ...b, children: [] }]));
  const roots: Array<TreeNode<B>> = [];
  for (const b of bodies) {
    const node = nodes.get(b.id)!;
    const parent = b.reportsToId ? nodes.get(b.reportsToId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

// ---- Interventions ----------------------------------------------------------------------------------------

/**
 * An intervention's status: planned, ongoing, completed or paused. One lifecycle: a planned one starts, is
 * paused or is completed; an ongoing one is paused or completed; a paused one goes on or is completed; a completed one is done.
 * Staying in the same status is always allowed (a report that changes nothing about it).
 */

const interventionMoves: Record<InterventionStatus, readonly InterventionStatus[]> = {
  planned: ['ongoing', 'paused', 'completed'],
  ongoing: ['paused', 'completed'],
  paused: ['ongoing', 'completed'],
  completed: [],
};

const interventionReason = {
  completed: 'Insatsen är avslutad och kan inte byta status.',
  back: 'En insats som har börjat kan inte bli planerad igen.',
};

/** Whether an intervention of an active council may go from one status to another. */
export function interventionMayMove(
  council: CouncilState,
  from: InterventionStatus,
  to: InterventionStatus,
): Verdict {
  const active = stillActive(council);
  if (active !== true) return active;
  if (from === to || interventionMoves[from].includes(to)) return true;
  return from === 'completed' ? interventionReason.completed : interventionReason.back;
}

/** The statuses an intervention may take next (its own first): what the forms offer. */
export const nextInterventionStatuses = (from: InterventionStatus): InterventionStatus[] => [
  from,
  ...interventionMoves[from],
];

/**
 * A financing line that ends within six months (from `today`, both ISO dates) with nobody taking over: the
 * intervention's page warns about it. A line without an end, or with someone taking over, is no worry.
 */
export function financingEndsUncovered(
  line: { untilOn: string | null; takenOverByOrganisationId: string | null },
  today: string,
): boolean {
  if (!line.untilOn || line.takenOverByOrganisationId) return false;
  const limit = new Date(`${today}T12:00:00Z`);
  limit.setUTCMonth(limit.getUTCMonth() + 6);
  return line.untilOn >= today && line.untilOn <= limit.toISOString().slice(0, 10);
}

// ---- Meetings, decisions and documents ---------------------------------------------------------------------

/** A meeting of a body: planned, then held, or cancelled instead. */
export interface MeetingState {
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
}

const meetingReason = {
  held: 'Mötet är redan hållet.',
  cancelled: 'Mötet är inställt.',
  notStarted: 'Mötet har inte börjat än.',
  over: 'Mötet är redan över.',
};

/** Its time, place and title change, and it may be cancelled, while it is planned. */
export function meetingMayEdit(m: MeetingState): Verdict {
  if (m.status === 'held') return meetingReason.held;
  if (m.status === 'cancelled') return meetingReason.cancelled;
  return true;
}

/** The invitation goes out (again) while the meeting is planned and not yet over. */
export function meetingMayInvite(m: MeetingState, now: Date): Verdict {
  const editable = meetingMayEdit(m);
  if (editable !== true) return editable;
  return m.endsAt.getTime() <= now.getTime() ? meetingReason.over : true;
}

/** The agenda (its items, their order and notes) changes until the meeting is cancelled. */
export const meetingMayChangeAgenda = (m: MeetingState): Verdict =>
  m.status === 'cancelled' ? meetingReason.cancelled : true;

/** Attendance and minutes are recorded once the meeting has started, unless it was cancelled. */
export function meetingMayRecord(m: MeetingState, now: Date): Verdict {
  if (m.status === 'cancelled') return meetingReason.cancelled;
  return m.startsAt.getTime() > now.getTime() ? meetingReason.notStarted : true;
}

/** A planned meeting that has started may be marked as held. */
export function meetingMayBeHeld(m: MeetingState, now: Date): Verdict {
  const editable = meetingMayEdit(m);
  if (editable !== true) return editable;
  return meetingMayRecord(m, now);
}

export const decisionStates = ['in_force', 'replaced', 'expired'] as const;
/** gäller, ersatt, har upphört: derived from the decision's dates and its successor, never stored. */
export type DecisionState = (typeof decisionStates)[number];

export interface DecisionDates {
  decidedOn: string;
  /** null: gäller tills vidare */
  validUntil: string | null;
  replacedById: string | null;
}

/** A decision's state on a day (YYYY-MM-DD): replaced by a later one, ended by its date, or in force. */
export function decisionState(d: DecisionDates, today: string): DecisionState {
  if (d.replacedById) return 'replaced';
  if (d.validUntil !== null && d.validUntil < today) return 'expired';
  return 'in_force';
}

/**
 * Whether a decision may be replaced by one decided on `byDate`: only once, only by a later (or same-day)
 * decision, and only while it was still in force that day.
 */
export function decisionMayBeReplaced(
  d: DecisionDates & { id: string },
  by: { id?: string; decidedOn: string },
): Verdict {
  if (d.replacedById) return 'Beslutet är redan ersatt av ett annat beslut.';
  if (by.id === d.id) return 'Ett beslut kan inte ersätta sig självt.';
  if (by.decidedOn < d.decidedOn) return 'Ett beslut kan bara ersättas av ett senare beslut.';
  if (d.validUntil !== null && d.validUntil < by.decidedOn)
    return 'Beslutet hade redan upphört att gälla när det nya beslutet fattades.';
  return true;
}

/** A document's texts change and it gets new versions while it is current; a withdrawn one stays as it was. */
export type DocumentState = DocumentStatus;
export const documentMayChange = (d: { status: DocumentState }): Verdict =>
  d.status === 'withdrawn' ? 'Dokumentet är tillbakadraget.' : true;
