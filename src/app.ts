import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import qs from 'node:querystring';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { resolveSession } from './modules/accounts/index.ts';
import { loadModules, loadPolicies } from './modules.ts';
import type { Policies, RouteAccess } from './platform/authz.ts';
import type { Deps } from './platform/deps.ts';
import { registerFileRoutes } from './platform/file-routes.ts';
import { createFiles } from './platform/files.ts';
import { CSRF_COOKIE, registerHttp } from './platform/http.ts';
import { registerInputGate } from './platform/input.ts';
import { registerUploads } from './platform/uploads.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { JobRunner, purgeOldJobs, type JobHandler } from './platform/jobs.ts';
import { KeptForms } from './platform/kept-forms.ts';
import { loggerOptions } from './platform/logging.ts';
import { MAIL_JOB, createMailHandler, mailDirOf, purgeMailbox } from './platform/mail.ts';
import { registerMailTemplates } from './platform/mail-templates.ts';
import type { ModuleContext, ModuleDescriptor } from './platform/module.ts';
import type { CountySupport, PageBanners } from './platform/page-context.ts';
import { buildNavigation } from './platform/navigation.ts';
import { RateLimiter } from './platform/rate-limit.ts';
import { ErrorPage } from './ui/pages/error-page.tsx';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The platform's job handlers (mail) and every module's. */
export async function createJobHandlers(config: Config, db: Db): Promise<Record<string, JobHandler>> {
  const handlers: Record<string, JobHandler> = {
    [MAIL_JOB]: createMailHandler({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      mailDir: mailDirOf(config.dataDir),
    }),
  };
  for (const m of await loadModules()) {
    for (const [kind, handler] of Object.entries(m.jobs?.({ db, config }) ?? {})) {
      if (handlers[kind]) throw new Error(`Jobbtypen ${kind} finns redan`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}

/** The job runner with the platform's periodic clean-up and every module's periodic work. */
export async function createJobRunner(
  db: Db,
  config: Config,
  log?: (err: unknown, kind: string) => void,
): Promise<JobRunner> {
  const ctx: ModuleContext = { db, config };
  const moduleWork = (await loadModules()).flatMap((m) => m.maintenance ?? []);
  return new JobRunner(db, await createJobHandlers(config, db), {
    onError: log,
    maintenance: [
      purgeOldJobs,
      (db) => RateLimiter.purge(db),
      (db) => KeptForms.purge(db),
      // Uploads never saved with their form, and files let go of (an image replaced), a day on.
      async (db) => void (await createFiles(db, config).purgeDetached()),
      async () => void purgeMailbox(mailDirOf(config.dataDir)),
      ...moduleWork.map((work) => async () => void (await work(ctx))),
    ],
  });
}

export interface App extends FastifyInstance {
  deps: Deps;
  policies: Policies;
  jobs: JobRunner;
  /** every route with its declared access (a test walks them and requires a declaration on each) */
  routeList: Array<{ method: string; url: string; access: RouteAccess | undefined; uploads: boolean }>;
}

export interface BuildOptions {
  config: Config;
  database: Database;
  /** run background jobs in this process (default: config.worker === 'inline') */
  runJobs?: boolean;
  /** where the technical log goes (default: stdout); tests read it to prove no personal data is logged */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database } = opts;
  const [modules, policies] = await Promise.all([loadModules(), loadPolicies()]);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, opts.logStream),
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
  }) as unknown as App;

  const deps: Deps = {
    db: database.db,
    backend: database.backend,
    config,
    rateLimiter: new RateLimiter(database.db, config.sessionSecret),
    files: createFiles(database.db, config),
  };
  for (const m of modules) {
    for (const [kind, owner] of Object.entries(m.fileOwners ?? {})) deps.files.registerOwner(kind, owner);
  }
  app.decorate('deps', deps);
  const secure = config.publicUrl.startsWith('https://') ? true : 'auto';
  app.decorate('keptForms', new KeptForms(deps.db, deps.rateLimiter, secure));
  app.decorate('routeList', [] as App['routeList']);
  app.addHook('onRoute', (route) => {
    // Static files (the design system's CSS, JS and assets) are public by declaration.
    if (route.url.startsWith('/static/')) route.config = { ...route.config, access: { kind: 'public' } };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeList.push({
          method,
          url: route.url,
          access: route.config?.access,
          uploads: route.config?.uploads === true,
        });
    }
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure },
  });
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  // reply.download is the platform's (registerHttp), for generated files; static files need no decorator.
  await app.register(fastifyStatic, {
    root: path.join(root, 'public'),
    prefix: '/static/',
    maxAge: '1h',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(root, 'node_modules/govuk-frontend/dist/govuk'),
    prefix: '/static/govuk/',
    decorateReply: false,
    maxAge: '1d',
  });

  registerHttp(app, {
    secureCookies: secure,
    resolveSession: (token) => resolveSession(deps.db, token),
    policies,
    navigation: buildNavigation(
      modules.flatMap((m) => m.nav ?? []),
      policies,
    ),
    errorPage: ErrorPage,
    banners: bannersOf(modules, deps.db),
    support: supportOf(modules, deps.db),
    publicUrl: config.publicUrl,
  });
  // Multipart forms for the routes that take files, read before the input gate holds their fields.
  await registerUploads(app, { maxFileBytes: config.maxUploadBytes });
  registerInputGate(app);

  app.get('/healthz', { config: { access: { kind: 'public' } } }, async () => ({
    status: 'ok',
    database: deps.backend,
  }));
  app.get('/readyz', { config: { access: { kind: 'public' } } }, async (_req, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ready', database: deps.backend };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.backend });
    }
  });

  registerFileRoutes(app, deps.files);

  for (const m of modules) {
    // Each module's mail templates by name, for its services to send (a clash of names fails at start).
    if (m.mailTemplates) registerMailTemplates(m.mailTemplates);
    m.routes?.(app, deps);
  }
  // A declaration naming an action no module defines is a typo: refuse to start.
  app.addHook('onReady', async () => {
    for (const route of app.routeList) {
      if (route.access && !policies.declares(route.access))
        throw new Error(`Route ${route.method} ${route.url} anger en okänd åtgärd`);
    }
  });

  const jobs = await createJobRunner(deps.db, config, (err, kind) =>
    app.log.error({ err, kind }, 'job failed'),
  );
  app.decorate('jobs', jobs);
  if (opts.runJobs ?? config.worker === 'inline') {
    app.addHook('onReady', async () => jobs.start());
  }
  app.addHook('onClose', async () => jobs.stop());
  return app;
}

/** The county boards' support contacts, from the one module that keeps them (the public pages). */
function supportOf(
  modules: readonly ModuleDescriptor[],
  db: Deps['db'],
): ((countyCode: string) => Promise<CountySupport>) | undefined {
  const providers = modules.flatMap((m) => (m.countySupport ? [m.countySupport] : []));
  if (providers.length > 1) throw new Error('Mer än en modul anger länens supportkontakt');
  const provider = providers[0];
  return provider && ((countyCode) => provider(db, countyCode));
}

/** The banners of the one module that keeps them (the public pages), for every page's shell. */
function bannersOf(
  modules: readonly ModuleDescriptor[],
  db: Deps['db'],
): ((countyCode: string | undefined) => Promise<PageBanners>) | undefined {
  const providers = modules.flatMap((m) => (m.pageBanners ? [m.pageBanners] : []));
  if (providers.length > 1) throw new Error('Mer än en modul anger varningsbanderoller');
  const provider = providers[0];
  return provider && ((countyCode) => provider(db, countyCode));
}
