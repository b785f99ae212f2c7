import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { situationMail } from './mail.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';
import { registerQuestionnaireBuilder } from '../forms/index.ts';
import { questionnaireBuilder } from './questionnaires.ts';
import { registerSituationRoutes } from './routes.ts';
import { sendDueReminders } from './service.ts';
import * as tables from './tables.ts';

/** Lägesbild: reporting rounds, answers and their review, the regional and the national picture. */
export const module: ModuleDescriptor = {
  name: 'situation',
  dependsOn: ['reference', 'accounts', 'forms'],
  tables,
  policies: { county: situationPolicy, global: situationGlobalPolicy },
  routes: (app, deps) => {
    registerSituationRoutes(app, deps);
    registerQuestionnaireBuilder(app, deps, questionnaireBuilder);
  },
  maintenance: [({ db, config }) => sendDueReminders(db, config.publicUrl)],
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

export { ensureDefaultQuestionnaire } from './service.ts';
export { seedSituationDemo } from './demo-seed.ts';
