import { formatDay } from '../../platform/i18n.ts';
import type { BodyKind, CouncilStatus, DecisionState } from './lifecycle.ts';
import type {
  AttendanceStatus,
  DocumentKind,
  DocumentStatus,
  HandlingState,
  InterventionStatus,
  MeetingStatus,
  RepresentativeRole,
  StrategyGoalKind,
  YearStepKind,
  YearStepStatus,
} from './tables.ts';

/** The words the pages, the audit log and the exports use for a council's states, bodies and roles. */
export const councilStatusLabels: Record<CouncilStatus, string> = {
  active: 'Verksamt',
  merged: 'Sammanslaget',
  dissolved: 'Upplöst',
};

export const bodyKindLabels: Record<BodyKind, string> = {
  council: 'Rådet',
  secretariat: 'Kansligrupp',
  coordination: 'Samordningsgrupp',
  working_group: 'Arbetsgrupp',
  network: 'Nätverk',
};

export const representativeRoleLabels: Record<RepresentativeRole, string> = {
  chair: 'Ordförande',
  vice_chair: 'Vice ordförande',
  member: 'Ledamot',
  deputy: 'Ersättare',
  secretary: 'Sekreterare',
};

/** A council's day (formed, ended, joined, left: ÅÅÅÅ-MM-DD) in words: "1 mars 2021". */
export const dayText = (isoDate: string): string => formatDay(isoDate);
export const interventionStatusLabels: Record<InterventionStatus, string> = {
  planned: 'Planerad',
  ongoing: 'Pågående',
  completed: 'Avslutad',
  paused: 'Pausad',
};

export const handlingStateLabels: Record<HandlingState, string> = {
  decided: 'Beslutad',
  under_way: 'Under arbete',
  not_relevant: 'Inte aktuell',
};

export const strategyGoalKindLabels: Record<StrategyGoalKind, string> = {
  vision: 'Vision',
  goal_area: 'Målområde',
};

// ---- The yearly cycle --------------------------------------------------------------------------------------

/** The four steps of seed 001's yearly model (samordningsgruppens grunduppdrag), in their order. */
export const yearStepKindLabels: Record<YearStepKind, string> = {
  situational_picture: 'Gemensam lägesbild',
  knowledge: 'Kunskapsspridning',
  reference_group: 'Referensgrupp',
  focus_areas: 'Fortsatta och nya fokusområden',
};

export const yearStepStatusLabels: Record<YearStepStatus, string> = {
  planned: 'Planerat',
  ongoing: 'Pågår',
  done: 'Klart',
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  held: 'Hållet',
  cancelled: 'Inställt',
};

export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: 'Närvarande',
  absent: 'Frånvarande',
  excused: 'Anmält förhinder',
};

export const decisionStateLabels: Record<DecisionState, string> = {
  in_force: 'Gäller',
  replaced: 'Ersatt',
  expired: 'Har upphört',
};

export const documentKindLabels: Record<DocumentKind, string> = {
  agreement: 'Överenskommelse',
  collaboration_plan: 'Samverkansplan',
  strategy: 'Strategi',
  minutes: 'Protokoll',
  other: 'Övrigt',
};

export const documentStatusLabels: Record<DocumentStatus, string> = {
  current: 'Gällande',
  withdrawn: 'Tillbakadraget',
};
