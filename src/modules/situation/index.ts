export { registerSituationRoutes } from './routes.ts';
export { sendDueReminders, ensureDefaultQuestionnaire } from './service.ts';
export { situationPolicy, situationGlobalPolicy } from './policy.ts';
