import type { ModuleDescriptor } from '../../platform/module.ts';
import { accountsMail } from './mail.ts';
import { accountsPolicy } from './policy.ts';
import { registerAccountRoutes } from './routes.ts';
import { accountJobs, purgeExpiredAccounts } from './service.ts';
import * as tables from './tables.ts';

/** People, their memberships and sessions: signing in, password reset, invitations. */
export const module: ModuleDescriptor = {
  name: 'accounts',
  dependsOn: ['reference'],
  tables,
  policies: { county: accountsPolicy },
  routes: registerAccountRoutes,
  jobs: accountJobs,
  maintenance: [({ db }) => purgeExpiredAccounts(db)],
  mailTemplates: accountsMail,
};

export { resolveSession, createUser, ensureUser, createInvitation, hashPassword } from './service.ts';
export { inviteSchema } from './schemas.ts';
export {
  countyRoster,
  countMembersByOrganisation,
  countPeopleByCounty,
  findUserByEmail,
  listAllUsers,
  listOrganisationPeople,
} from './repository.ts';
export { users, memberships } from './tables.ts';
