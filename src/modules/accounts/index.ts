export { registerAccountRoutes } from './routes.ts';
export { resolveSession, createUser, purgeExpiredAccounts, hashPassword } from './service.ts';
export { accountsPolicy, type CountyResource } from './policy.ts';
export { findUserByEmail, listAllUsers } from './repository.ts';
