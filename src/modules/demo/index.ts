import type { ModuleDescriptor } from '../../platform/module.ts';
import { seedDemo } from './seed.ts';

/** Demo accounts and data (only in demo mode); every person in it is invented. */
export const module: ModuleDescriptor = {
  name: 'demo',
  dependsOn: ['reference', 'accounts', 'situation'],
  seedDemo,
};

export { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed.ts';
