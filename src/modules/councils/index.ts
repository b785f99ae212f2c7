import type { ModuleDescriptor } from '../../platform/module.ts';
import { seedCouncilsDemo } from './demo-seed.ts';
import { councilsPolicy } from './policy.ts';
import { MEMBER_LOGO_OWNER, memberLogoOwner } from './logos.ts';
import { registerCouncilManageRoutes } from './routes/manage.ts';
import { registerPriorityRoutes } from './routes/priorities.ts';
import { meetingMail } from './meeting-mail.ts';
import { councilDocumentOwner, DOCUMENT_OWNER } from './documents.ts';
import { registerDecisionRoutes } from './routes/decisions.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerMeetingRoutes } from './routes/meetings.ts';
import { registerPublicCouncilRoutes } from './routes/public.ts';
import { registerCouncilRoomRoutes } from './routes/room.ts';
import { registerYearPlanRoutes } from './routes/year-plan.ts';
import { registerFollowUpRoutes } from './routes/follow-up.ts';
import { reindexDocuments } from './documents-search.ts';
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
  // A member's logo and a document version's file in the platform's file store: public while the member's logo,
  // or while its document is public and current (documents.ts).
  fileOwners: { [MEMBER_LOGO_OWNER]: memberLogoOwner, [DOCUMENT_OWNER]: councilDocumentOwner },
  // Public, current documents in the public search (indexed as they change; all again after a restore).
  searchIndex: { document: reindexDocuments },
  mailTemplates: { ...meetingMail },
  routes: (app, deps) => {
    // The county's councils and the addresses beside them (nytt, sammanslagning) before a council's own.
    registerCouncilManageRoutes(app, deps);
    registerPublicCouncilRoutes(app, deps);
    registerCouncilRoomRoutes(app, deps);
    registerYearPlanRoutes(app, deps);
    registerFollowUpRoutes(app, deps);
    registerPriorityRoutes(app, deps);
    registerMeetingRoutes(app, deps);
    registerDecisionRoutes(app, deps);
    registerDocumentRoutes(app, deps);
  },
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
  removeRepresentative,
  changeRepresentativeRole,
  setMemberLogo,
} from './service.ts';
export { MEMBER_LOGO_OWNER } from './logos.ts';
export { publicCouncilList } from './service.ts';
export { urls as councilUrls } from './urls.ts';
export * from './labels.ts';
export { createYearSteps, editYearStep, yearPlan } from './year-plan.ts';
export { followUpReport, type FollowUpReport } from './follow-up.ts';
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
export type {
  DocumentKind,
  HandlingState,
  InterventionStatus,
  MeetingStatus,
  RepresentativeRole,
  YearStepStatus,
} from './tables.ts';
