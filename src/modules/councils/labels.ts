import type { BodyKind, CouncilStatus } from './lifecycle.ts';
import type { HandlingState, InterventionStatus, RepresentativeRole, StrategyGoalKind } from './tables.ts';

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
