export { registerWorkspaceRoutes } from './routes.ts';
export { organisationTypeLabel } from './views/pages.tsx';
