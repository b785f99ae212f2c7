import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { PolicySet, RouteAccess } from './authz.ts';
import type { Deps } from './deps.ts';
import type { FileOwner } from './files.ts';
import type { MessageKey } from './i18n.ts';
import type { CountySupport, PageBanners } from './page-context.ts';
import type { JobHandler } from './jobs.ts';
import type { MailTemplates } from './mail-templates.ts';
import type { SearchKind } from './tables.ts';

/** A link in the main navigation; shown to those whose access it names allows (in each county they work in). */
export interface NavEntry {
  /** the label's key in the message catalogue */
  label: MessageKey;
  /** the address; `:county` is replaced by the slug of each county the actor works in */
  href: string;
  access: RouteAccess;
  /** lower first; ties keep the order of the modules */
  order: number;
}

/** What a module's periodic work and jobs are given. */
export interface ModuleContext {
  db: Db;
  config: Config;
}

/**
 * A capability's one public face towards the application: the composition root (src/app.ts) finds every
 * module's descriptor and wires in its routes, policies, jobs, periodic work, navigation and seeds. Adding a
 * capability is adding a folder under src/modules/ whose index.ts exports `module`; no central list changes.
 */
export interface ModuleDescriptor {
  name: string;
  /** modules whose seeds must run first (reference data before accounts, everything before the demo) */
  dependsOn?: string[];
  /** the module's drizzle tables (the application's schema is their union) */
  tables?: Record<string, unknown>;
  policies?: PolicySet;
  routes?: (app: FastifyInstance, deps: Deps) => void;
  /** background job handlers by kind */
  jobs?: (ctx: ModuleContext) => Record<string, JobHandler>;
  /** periodic work: clean-up, reminders (run by the job runner every few minutes) */
  maintenance?: Array<(ctx: ModuleContext) => Promise<unknown>>;
  nav?: NavEntry[];
  /**
   * the kinds of file the module owns ('event' for an event's image), each with its hook saying whether such
   * a file is public now and who else may see it (src/platform/files.ts)
   */
  fileOwners?: Record<string, FileOwner>;
  /**
   * the warning banners in force for a county (undefined: a page outside any county), shown on every page; one
   * module provides them (the public pages). Asked once per request: answer from memory.
   */
  pageBanners?: (db: Db, countyCode: string | undefined) => Promise<PageBanners>;
  /**
   * whom a visitor in a county's room contacts at the county board, for every page's footer there; one module
   * provides it (the public pages). Asked once per request inside a county: answer from memory.
   */
  countySupport?: (db: Db, countyCode: string) => Promise<CountySupport>;
  /**
   * the kinds of search entry the module writes, each with what indexes all of them again from the module's own
   * rows (after a restore: `npm run cli -- search reindex`); it returns how many things it indexed
   */
  searchIndex?: Partial<Record<SearchKind, (db: Db) => Promise<number>>>;
  /** the module's mail templates by name (declared in its mail.ts); services send them by name */
  mailTemplates?: Partial<MailTemplates>;
  /** data every installation has (reference data) */
  seed?: (db: Db) => Promise<unknown>;
  /** demo data, only in demo mode */
  seedDemo?: (db: Db) => Promise<unknown>;
}

/** Orders modules so that each comes after those it depends on (stable otherwise). */
export function orderModules(modules: ModuleDescriptor[]): ModuleDescriptor[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const done = new Set<string>();
  const out: ModuleDescriptor[] = [];
  const visit = (m: ModuleDescriptor, path: string[]) => {
    if (done.has(m.name)) return;
    if (path.includes(m.name))
      throw new Error(`Modulerna beror på varandra i en ring: ${[...path, m.name].join(' → ')}`);
    for (const dep of m.dependsOn ?? []) {
      const d = byName.get(dep);
      if (!d) throw new Error(`Modulen ${m.name} beror på ${dep}, som inte finns`);
      visit(d, [...path, m.name]);
    }
    done.add(m.name);
    out.push(m);
  };
  for (const m of modules) visit(m, []);
  return out;
}
