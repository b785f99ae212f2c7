import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import qs from 'node:querystring';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { registerAccountRoutes, purgeExpiredAccounts, resolveSession } from './modules/accounts/index.ts';
import { registerAdminRoutes } from './modules/admin/index.ts';
import { registerSiteRoutes } from './modules/site/index.ts';
import { registerWorkspaceRoutes } from './modules/workspace/index.ts';
import { registerSituationRoutes, sendDueReminders } from './modules/situation/index.ts';
import { registerQuestionnaireRoutes } from './modules/situation/questionnaire-routes.ts';
import type { RouteAccess } from './platform/authz.ts';
import type { Deps } from './platform/deps.ts';
import { registerHttp } from './platform/http.ts';
import { JobRunner, purgeOldJobs, type JobHandler } from './platform/jobs.ts';
import { loggerOptions } from './platform/logging.ts';
import { MAIL_JOB, createMailHandler, mailDirOf, purgeMailbox } from './platform/mail.ts';
import { RateLimiter } from './platform/rate-limit.ts';
import { can, canGlobal } from './policies.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function createJobHandlers(config: Config): Record<string, JobHandler> {
  return {
    [MAIL_JOB]: createMailHandler({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      mailDir: mailDirOf(config.dataDir),
    }),
  };
}

export function createJobRunner(
  db: Db,
  config: Config,
  log?: (err: unknown, kind: string) => void,
): JobRunner {
  return new JobRunner(db, createJobHandlers(config), {
    onError: log,
    maintenance: [
      purgeExpiredAccounts,
      purgeOldJobs,
      (db) => RateLimiter.purge(db),
      async (db) => void (await sendDueReminders(db, config.publicUrl)),
      async () => void purgeMailbox(mailDirOf(config.dataDir)),
    ],
  });
}

export interface App extends FastifyInstance {
  deps: Deps;
  jobs: JobRunner;
  /** every route with its declared access (a test walks them and requires a declaration on each) */
  routeList: Array<{ method: string; url: string; access: RouteAccess | undefined }>;
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
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, opts.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }) as unknown as App;

  const deps: Deps = {
    db: database.db,
    backend: database.backend,
    config,
    rateLimiter: new RateLimiter(database.db, config.sessionSecret),
  };
  app.decorate('deps', deps);
  app.decorate('routeList', [] as App['routeList']);
  app.addHook('onRoute', (route) => {
    // Static files (the design system's CSS, JS and assets) are public by declaration.
    if (route.url.startsWith('/static/')) route.config = { ...route.config, access: { kind: 'public' } };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeList.push({ method, url: route.url, access: route.config?.access });
    }
  });

  const secure = config.publicUrl.startsWith('https://') ? true : 'auto';
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure },
  });
  await app.register(fastifyHelmet, {
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
  await app.register(fastifyStatic, { root: path.join(root, 'public'), prefix: '/static/', maxAge: '1h' });
  await app.register(fastifyStatic, {
    root: path.join(root, 'node_modules/govuk-frontend/dist/govuk'),
    prefix: '/static/govuk/',
    decorateReply: false,
    maxAge: '1d',
  });

  registerHttp(app, {
    secureCookies: secure,
    resolveSession: (token) => resolveSession(deps.db, token),
    can,
    canGlobal,
  });

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

  registerSiteRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerWorkspaceRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerSituationRoutes(app, deps);
  registerQuestionnaireRoutes(app, deps);

  const jobs = createJobRunner(deps.db, config, (err, kind) => app.log.error({ err, kind }, 'job failed'));
  app.decorate('jobs', jobs);
  if (opts.runJobs ?? config.worker === 'inline') {
    app.addHook('onReady', async () => jobs.start());
  }
  app.addHook('onClose', async () => jobs.stop());
  return app;
}
