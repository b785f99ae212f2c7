import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { situationMail } from './mail.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';
import { registerQuestionnaireBuilder } from '../forms/index.ts';
import { questionnaireBuilder } from './questionnaires.ts';
import { sendDueReminders } from './answering.ts';
import { sendOpeningNotices } from './rounds.ts';
import { registerAnsweringRoutes } from './routes/answering.ts';
import { registerExportRoutes } from './routes/exports.ts';
import { registerNationalRoutes } from './routes/national.ts';
import { registerPictureRoutes } from './routes/pictures.ts';
import { registerReviewRoutes } from './routes/review.ts';
import { registerRoundRoutes } from './routes/rounds.ts';
import * as tables from './tables.ts';

/** Lägesbild: reporting rounds, answers and their review, the regional and the national picture. */
export const module: ModuleDescriptor = {
  name: 'situation',
  dependsOn: ['reference', 'accounts', 'forms'],
  tables,
  policies: { county: situationPolicy, global: situationGlobalPolicy },
  routes: (app, deps) => {
    registerRoundRoutes(app, deps);
    registerReviewRoutes(app, deps);
    registerAnsweringRoutes(app, deps);
    registerPictureRoutes(app, deps);
    registerNationalRoutes(app, deps);
    registerExportRoutes(app, deps);
    registerQuestionnaireBuilder(app, deps, questionnaireBuilder);
  },
  maintenance: [
    ({ db, config }) => sendDueReminders(db, config.publicUrl),
    // Beside the reminders: respondents of occasions that opened since are told, once each.
    ({ db, config }) => sendOpeningNotices(db, config.publicUrl),
  ],
  mailTemplates: situationMail,
  nav: [
    {
      label: 'nav.nationalPicture',
      href: '/nationellt/lagesbild',
      access: access.global('national.coordinate'),
      order: 21,
    },
    { label: 'nav.situation', href: '/:county/lagesbild', access: access.county('round.view'), order: 31 },
    { label: 'nav.assignments', href: '/uppdrag', access: access.global('response.answer'), order: 50 },
  ],
};

export { ensureDefaultQuestionnaire, openRound, setRespondents } from './rounds.ts';
export { listAssignments, loadAssignment, saveResponse, type Assignment } from './answering.ts';
export { cancelRound, closeRound, editRound, removeRound, sendOpeningNotices } from './rounds.ts';
export { approveResponse, reopenForRespondent, reopenResponse, returnResponse } from './review.ts';
export { saveRegionalPicture } from './pictures.ts';
export { compileNationalPicture, compileRegionalPicture, regionalPictureOf } from './compile.ts';
export { urls } from './urls.ts';
/** A county's rounds (its own and the national ones), for what links to them (a council's year plan). */
export { findRound, listRoundsForCounty, type Round } from './repository.ts';
export { pictureStatusLabels, responseStatusText } from './labels.ts';
export { seedSituationDemo } from './demo-seed.ts';
