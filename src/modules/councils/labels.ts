import type { BodyKind, CouncilStatus, DecisionState } from './lifecycle.ts';
import type {
  AttendanceStatus,
  DocumentKind,
  DocumentStatus,
  MeetingStatus,
  RepresentativeRole,
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
