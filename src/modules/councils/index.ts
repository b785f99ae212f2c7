import type { ModuleDescriptor } from '../../platform/module.ts';
import { councilsPolicy } from './policy.ts';
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
};

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
export type { RepresentativeRole } from './tables.ts';
