import type { ModuleDescriptor } from '../../platform/module.ts';
import { seedCouncilsDemo } from './demo-seed.ts';
import { councilsPolicy } from './policy.ts';
import { meetingMail } from './meeting-mail.ts';
import { councilDocumentOwner, DOCUMENT_OWNER } from './documents.ts';
import { registerDecisionRoutes } from './routes/decisions.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerMeetingRoutes } from './routes/meetings.ts';
import { registerPublicCouncilRoutes } from './routes/public.ts';
import * as tables from './tables.ts';

/**
 * Councils for social sustainability (issue 10): councils per county with their lifecycle (formed, merged,
 * dissolved), member organisations, bodies as a tree and the people who represent the members. This is the
 * core (tables, rules, services, tests); the pages, documents, decisions, meetings, priorities and the
 * public page are built on it.
 */
export const module: ModuleDescriptor = {
  name: 'councils',
  dependsOn: ['reference', 'accounts'],
  tables,
  policies: { county: councilsPolicy },
  routes: (app, deps) => {
    registerPublicCouncilRoutes(app, deps);
    registerMeetingRoutes(app, deps);
    registerDecisionRoutes(app, deps);
    registerDocumentRoutes(app, deps);
  },
  mailTemplates: { ...meetingMail },
  // A document version's file: public while its document is public and current (documents.ts).
  fileOwners: { [DOCUMENT_OWNER]: councilDocumentOwner },
  // Uppsala's council (seed 001) and Västmanland's merged council (seed 003), in demo mode.
  seedDemo: (db) => seedCouncilsDemo(db),
};
export { SEED_001_COUNCIL_SLUG, SEED_003_COUNCIL_SLUG } from './demo-seed.ts';

export * from './lifecycle.ts';
export {
  addBody,
  addMembers,
  addRepresentative,
  councilOverview,
  dissolveCouncil,
  editCouncil,
  endMembership,
  formCouncil,
  mergeCouncils,
  moveBody,
} from './service.ts';
export * from './labels.ts';
export {
  addAgendaItem,
  cancelMeeting,
  editMeeting,
  planMeeting,
  recordAttendance,
  saveMinutes,
  sendInvitations,
} from './meetings.ts';
export { recordDecision } from './decisions.ts';
export { addDocument, addDocumentVersion, editDocument, withdrawDocument } from './documents.ts';
export type { DocumentKind, MeetingStatus, RepresentativeRole } from './tables.ts';
