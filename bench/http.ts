/**
 * "http": the real app over real sockets against a bare node:http server returning the same bytes.
 *
 * For each page: requests per second and p50/p99 latency of the app, and the same figures for a bare
 * server that replays the app's captured response (status, headers and body) at the same concurrency.
 * For a signed-in page the bare server also does what any server must before it answers: it reads the
 * signed session cookie and looks the session up in the same database (the app's own `resolveSession`).
 * The bare server is the physical limit of this machine, Node and the load client for those bytes; the
 * ratio says how much of it the app's routing, rendering and database work leaves.
 *
 * The lägesbild pages are measured on a generated national round (national-round.ts): the regional picture
 * with its charts that a county admin opens, and the national picture with its map that the coordinator
 * opens. Besides their throughput, `*_ms` is what one user waits for one page when nobody else is on.
 *
 * Any error (a status other than 200, a socket error, a timeout) on the app or the bare server fails the
 * benchmark: it reports no throughput then.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Signer } from '@fastify/cookie';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/client.ts';
import { parseConfig } from '../src/config.ts';
import { createUser, resolveSession } from '../src/modules/accounts/index.ts';
import { findCountyBoard, importBoundaries } from '../src/modules/reference/index.ts';
import type { Role } from '../src/platform/roles.ts';
import { LoadClient, type LoadResult, type LoadSpec } from './load-client.ts';
import { generateNationalRound, NATIONAL_ROUND } from './national-round.ts';
import { result, round, type BenchContext, type Result } from './types.ts';

export const name = 'http';

// Long enough that the JIT has settled and a scheduling hiccup on a shared 2-core machine does not decide the figure.
const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 10000);
const WARM_UP = 2000;
const CONCURRENCY = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 16);
/**
 * The lägesbild pages are large (100–550 kB) and were slow to make: fewer requests, a handful of users at once.
 * Kept per version they take about a millisecond, so 100 requests lasted a tenth of a second and one garbage
 * collection or scheduling hiccup decided the figure; 2000 last a second or two.
 */
const HEAVY_REQUESTS = Number(process.env.BENCH_HTTP_LAGESBILD_REQUESTS ?? 2000);
const HEAVY_CONCURRENCY = Number(process.env.BENCH_HTTP_LAGESBILD_CONCURRENCY ?? 4);
/** One user alone: requests one after another, for the time a person waits for the page. */
const ALONE_REQUESTS = 20;
/** Many users at once: the county admin's pages in turn, over 50 connections. */
const MIX_REQUESTS = Number(process.env.BENCH_HTTP_MIX_REQUESTS ?? 6000);
const MIX_CONCURRENCY = Number(process.env.BENCH_HTTP_MIX_CONCURRENCY ?? 50);
/** Only these figures' pages (comma-separated keys, e.g. `home,signed_in_mix`): for profiling one page. */
const ONLY = process.env.BENCH_HTTP_ONLY?.split(',').map((k) => k.trim());
/** Only these pages of the mix (comma-separated indices from 0, e.g. `0` for the work room alone): for profiling. */
const MIX_ONLY = process.env.BENCH_HTTP_MIX_PATHS?.split(',').map((k) => Number(k.trim()));
const PASSWORD = 'ett långt lösenord för mätningen';
const SESSION_SECRET = 'bench-secret-that-is-long-enough-for-the-check';
/** The checkout: the folder with package.json above this file (bench/ or, compiled, dist/bench/). */
let root = path.dirname(fileURLToPath(import.meta.url));
while (!fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
/** SCB's boundaries, where ../shared/data is at hand: the national page then draws its municipality map. */
const GEO_DIR = path.resolve(root, '../shared/data/geo');

type Who = 'anonymous' | 'county_admin' | 'coordinator';

interface Page {
  /** the figure's name */
  key: string;
  path: string;
  who: Who;
  /** a heavy page: measured with HEAVY_REQUESTS at HEAVY_CONCURRENCY, and alone */
  heavy: boolean;
}

interface Captured {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  /** the bare server looks the session up before it answers */
  signedIn: boolean;
}

/** Headers the bare server must not replay: they describe the connection or this one response. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
  'content-length',
  'set-cookie',
]);

/**
 * Round trips to PostgreSQL, counted where every query passes (pg's client): a page's queries per request
 * beside the bare server's one session look-up. Not counted on PGlite (no wire, no round trips).
 */
const queryCount = { n: 0 };
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with apply and the client as this
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queryCount.n++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

const queriesOf = (app: { queries: number }, bare: { queries: number }) =>
  app.queries > 0
    ? { queries_per_request: round(app.queries), baseline_queries_per_request: round(bare.queries) }
    : {};

export async function run(ctx: BenchContext): Promise<Result[]> {
  const { db } = ctx.database;
  const began = process.hrtime.bigint();
  const data = await generateNationalRound(db, NATIONAL_ROUND);
  const withMap = fs.existsSync(GEO_DIR);
  if (withMap) {
    for (const [kind, file] of [
      ['municipality', 'swe-maps-kommun.geojson'],
      ['county', 'swe-maps-lan.geojson'],
    ] as const)
      await importBoundaries(db, kind, fs.readFileSync(path.join(GEO_DIR, file), 'utf8'));
  }
  ctx.log(
    `http: national round with ${data.responses} responses generated in ` +
      `${(Number(process.hrtime.bigint() - began) / 1e9).toFixed(1)} s` +
      (withMap
        ? ', boundaries imported'
        : ', no boundaries (../shared/data/geo missing): no municipality map'),
  );
  const occasionId = data.occasionIds.at(-1)!;
  const allPages: Page[] = [
    { key: 'home', path: '/', who: 'anonymous', heavy: false },
    { key: 'healthz', path: '/healthz', who: 'anonymous', heavy: false },
    { key: 'county_admin', path: '/uppsala/admin', who: 'county_admin', heavy: false },
    {
      key: 'regional_picture_page',
      path: `/uppsala/lagesbild/${data.roundId}/${occasionId}/sammanstallning`,
      who: 'county_admin',
      heavy: true,
    },
    {
      key: 'national_picture_page',
      path: `/nationellt/lagesbild/${data.roundId}/${occasionId}`,
      who: 'coordinator',
      heavy: true,
    },
  ];
  const pages = allPages.filter((p) => !ONLY || ONLY.includes(p.key));
  const [{ id: responseId } = { id: '' }] = await queryRows<{ id: string }>(
    db,
    sql`select id from responses where occasion_id = ${occasionId} and county_code = '03' order by id limit 1`,
  );
  /** What a county admin clicks through in a working day: work room, people, rounds, a round, answers, one answer, the regional picture. */
  const mixPaths =
    !ONLY || ONLY.includes('signed_in_mix')
      ? [
          '/uppsala/admin',
          '/uppsala/admin/personer',
          '/uppsala/lagesbild',
          `/uppsala/lagesbild/${data.roundId}`,
          `/uppsala/lagesbild/${data.roundId}/${occasionId}`,
          `/uppsala/lagesbild/svar/${responseId}`,
          `/uppsala/lagesbild/${data.roundId}/${occasionId}/sammanstallning`,
        ].filter((_, i) => !MIX_ONLY || MIX_ONLY.includes(i))
      : [];

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-'));
  const config = parseConfig({
    NODE_ENV: 'production',
    DEMO: 'false',
    SESSION_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const app = await buildApp({ config, database: ctx.database, runJobs: false });
  const client = LoadClient.start();
  let bare: http.Server | undefined;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // What a returning browser sends: the cookies the app set on earlier visits (the CSRF secret; the session).
    const cookies: Record<Who, string> = {
      anonymous: await visitorCookies(appUrl),
      county_admin: await signIn(ctx, appUrl, 'county_admin', '/uppsala/admin'),
      coordinator: await signIn(ctx, appUrl, 'national_coordinator', '/nationellt'),
    };

    const captured = new Map<string, Captured>();
    for (const page of pages) {
      captured.set(page.path, {
        ...(await capture(appUrl + page.path, cookies[page.who])),
        signedIn: page.who !== 'anonymous',
      });
    }
    for (const p of mixPaths) {
      if (!captured.has(p))
        captured.set(p, { ...(await capture(appUrl + p, cookies.county_admin)), signedIn: true });
    }
    bare = await serveCaptured(captured, async (token) => (await resolveSession(db, token)).kind === 'user');
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    /** Runs the load and adds what this process's CPU spent per request (the server's work; the load client is another process). */
    const cpuTimed = async (spec: LoadSpec): Promise<LoadResult & { cpuUs: number; queries: number }> => {
      const before = process.cpuUsage();
      const queriesBefore = queryCount.n;
      const r = await client.run(spec);
      const used = process.cpuUsage(before);
      return {
        ...r,
        cpuUs: (used.user + used.system) / spec.requests,
        queries: (queryCount.n - queriesBefore) / spec.requests,
      };
    };

    const results: Result[] = [];
    for (const page of pages) {
      const requests = page.heavy ? HEAVY_REQUESTS : REQUESTS;
      const concurrency = page.heavy ? HEAVY_CONCURRENCY : CONCURRENCY;
      const spec = (base: string, n: number, c: number): LoadSpec => ({
        url: base + page.path,
        requests: n,
        concurrency: c,
        expectStatus: 200,
        headers: cookies[page.who] ? { cookie: cookies[page.who] } : {},
      });
      const measure = async (
        base: string,
        n: number,
        c: number,
      ): Promise<LoadResult & { cpuUs: number; queries: number }> => {
        await client.run(spec(base, Math.min(n, page.heavy ? 200 : WARM_UP), c));
        return withoutErrors(
          page.path,
          base === appUrl ? 'app' : 'bare server',
          await cpuTimed(spec(base, n, c)),
        );
      };
      const onApp = await measure(appUrl, requests, concurrency);
      const onBare = await measure(bareUrl, requests, concurrency);
      ctx.log(
        `http ${page.key}: app ${onApp.requestsPerSecond.toFixed(1)}/s, bare ${onBare.requestsPerSecond.toFixed(0)}/s`,
      );
      const bytes = captured.get(page.path)!.body.length;
      if (page.heavy) {
        const alone = await measure(appUrl, ALONE_REQUESTS, 1);
        const bareAlone = await measure(bareUrl, ALONE_REQUESTS, 1);
        results.push(
          result(`${page.key}_ms`, alone.p50Ms, 'ms', bareAlone.p50Ms, 'lower', {
            path: page.path,
            note: 'one user alone: median of 20 requests one after another',
            requests: ALONE_REQUESTS,
            errors: alone.errors,
            bytes_per_response: bytes,
            p99_ms: round(alone.p99Ms),
            ...(page.key === 'national_picture_page' ? { map: withMap } : {}),
          }),
        );
      }
      results.push(
        result(
          `${page.key}_requests_per_s`,
          onApp.requestsPerSecond,
          '1/s',
          onBare.requestsPerSecond,
          'higher',
          {
            path: page.path,
            requests,
            concurrency,
            errors: onApp.errors,
            bytes_per_response: bytes,
            p50_ms: round(onApp.p50Ms),
            p99_ms: round(onApp.p99Ms),
            baseline_p50_ms: round(onBare.p50Ms),
            baseline_p99_ms: round(onBare.p99Ms),
            cpu_us_per_request: round(onApp.cpuUs),
            baseline_cpu_us_per_request: round(onBare.cpuUs),
            ...queriesOf(onApp, onBare),
          },
        ),
        result(`${page.key}_p99_ms`, onApp.p99Ms, 'ms', onBare.p99Ms, 'lower', { path: page.path }),
      );
    }

    if (mixPaths.length > 0) {
      const spec = (base: string, n: number): LoadSpec => ({
        url: base + mixPaths[0],
        paths: mixPaths,
        requests: n,
        concurrency: MIX_CONCURRENCY,
        expectStatus: 200,
        headers: { cookie: cookies.county_admin },
      });
      const measure = async (base: string): Promise<LoadResult & { cpuUs: number; queries: number }> => {
        await client.run(spec(base, WARM_UP));
        return withoutErrors(
          'the mix',
          base === appUrl ? 'app' : 'bare server',
          await cpuTimed(spec(base, MIX_REQUESTS)),
        );
      };
      const onApp = await measure(appUrl);
      const onBare = await measure(bareUrl);
      ctx.log(`http signed_in_mix: app p99 ${onApp.p99Ms.toFixed(1)} ms, bare ${onBare.p99Ms.toFixed(1)} ms`);
      const details = {
        paths: mixPaths.length,
        requests: MIX_REQUESTS,
        concurrency: MIX_CONCURRENCY,
        errors: onApp.errors,
        p50_ms: round(onApp.p50Ms),
        baseline_p50_ms: round(onBare.p50Ms),
        cpu_us_per_request: round(onApp.cpuUs),
        baseline_cpu_us_per_request: round(onBare.cpuUs),
        ...queriesOf(onApp, onBare),
      };
      results.push(
        result('signed_in_mix_p99_ms', onApp.p99Ms, 'ms', onBare.p99Ms, 'lower', details),
        result(
          'signed_in_mix_requests_per_s',
          onApp.requestsPerSecond,
          '1/s',
          onBare.requestsPerSecond,
          'higher',
          details,
        ),
      );
    }

    const memory = process.memoryUsage();
    // With `node --expose-gc`: the memory again after a full collection, what is held rather than not yet collected.
    global.gc?.();
    const held = global.gc ? process.memoryUsage() : undefined;
    // BENCH_HEAP_SNAPSHOT=file.heapsnapshot: what holds the memory after the load (open it in Chrome's DevTools).
    if (process.env.BENCH_HEAP_SNAPSHOT) {
      ctx.log(`http: heap snapshot written to ${v8.writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT)}`);
    }
    results.push(
      result('rss_after_run_mb', memory.rss / 2 ** 20, 'MB', bareNodeRssMb(), 'lower', {
        heap_used_mb: round(memory.heapUsed / 2 ** 20),
        ...(held && {
          rss_after_gc_mb: round(held.rss / 2 ** 20),
          heap_used_after_gc_mb: round(held.heapUsed / 2 ** 20),
        }),
        note: 'baseline: an empty node process; PGlite, when used, lives in this process too',
      }),
    );
    return results;
  } finally {
    await client.close();
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A run with errors measured something else than the page: it fails instead of giving a figure. */
function withoutErrors<R extends LoadResult>(pagePath: string, where: string, r: R): R {
  if (r.errors > 0) {
    throw new Error(
      `${pagePath}: ${r.errors} of ${r.requests} requests failed on the ${where} (first: ${r.firstError ?? '?'})`,
    );
  }
  return r;
}

/** The cookies an anonymous browser has after its first page: the CSRF secret the page's forms need. */
async function visitorCookies(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/`);
  await res.arrayBuffer();
  return cookieHeader(res.headers.getSetCookie());
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((c) => c.split(';')[0]!.trim()).join('; ');
}

/**
 * Makes a user with the role and signs in through the real login form; returns the cookies the browser
 * then holds (the session and the CSRF secret).
 */
async function signIn(
  ctx: BenchContext,
  baseUrl: string,
  role: Extract<Role, 'county_admin' | 'national_coordinator'>,
  checkPath: string,
): Promise<string> {
  // The county admin in Uppsala län; the national coordinator at a county board too (Halland's).
  const countyCode = role === 'county_admin' ? '03' : '13';
  const board = await findCountyBoard(ctx.database.db, countyCode);
  if (!board) throw new Error(`http: the county board of ${countyCode} is missing from the reference data`);
  const email = `bench.${role}.${process.pid}.${Date.now()}@bench.example`;
  await createUser(ctx.database.db, null, {
    email,
    name: `Mätning ${role}`,
    password: PASSWORD,
    role,
    organisationId: board.id,
    countyCode: role === 'county_admin' ? countyCode : null,
  });

  const form = await fetch(`${baseUrl}/logga-in`);
  const html = await form.text();
  const csrf = /<input[^>]*name="_csrf"[^>]*value="([^"]*)"/.exec(html)?.[1];
  if (form.status !== 200 || !csrf) throw new Error(`http: no login form (status ${form.status})`);
  const cookies = new Map<string, string>();
  const remember = (res: Response): void => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  remember(form);
  const posted = await fetch(`${baseUrl}/logga-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: new URLSearchParams({ _csrf: decodeHtml(csrf), email, password: PASSWORD, next: '' }).toString(),
  });
  remember(posted);
  const sid = cookies.get('sid');
  if (posted.status !== 303 || !sid) throw new Error(`http: signing in failed (status ${posted.status})`);
  const header = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const check = await fetch(`${baseUrl}${checkPath}`, { headers: { cookie: header }, redirect: 'manual' });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`http: ${checkPath} gave ${check.status} to the ${role}`);
  if (check.headers.getSetCookie().length > 0)
    throw new Error(
      `http: ${checkPath} sets cookies on every visit: ${check.headers.getSetCookie().join(', ')}`,
    );
  return header;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function capture(url: string, cookie: string): Promise<Omit<Captured, 'signedIn'>> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`http: ${url} gave ${res.status}`);
  const headers: http.OutgoingHttpHeaders = {};
  res.headers.forEach((value, key) => {
    if (!HOP_HEADERS.has(key)) headers[key] = value;
  });
  // fetch decodes the body; the app sends it uncompressed (no compression plugin), so the bytes match.
  delete headers['content-encoding'];
  headers['content-length'] = body.length;
  return { status: res.status, headers, body };
}

/**
 * The physical limit: a bare node:http server replaying each page's captured response. For a signed-in
 * page it first unsigns the session cookie and looks the session up (`isSignedIn`), as any server must.
 */
async function serveCaptured(
  pages: Map<string, Captured>,
  isSignedIn: (token: string | undefined) => Promise<boolean>,
): Promise<http.Server> {
  const signer = new Signer(SESSION_SECRET);
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    if (!page.signedIn) {
      res.writeHead(page.status, page.headers).end(page.body);
      return;
    }
    const raw = sessionCookie(req.headers.cookie);
    const token = raw ? (signer.unsign(raw).value ?? undefined) : undefined;
    isSignedIn(token).then(
      (ok) => (ok ? res.writeHead(page.status, page.headers).end(page.body) : res.writeHead(403).end()),
      () => res.writeHead(500).end(),
    );
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The `sid` cookie's value, decoded as the app's cookie parser does. */
function sessionCookie(header: string | undefined): string | undefined {
  const value = /(?:^|;\s*)sid=([^;]*)/.exec(header ?? '')?.[1];
  return value === undefined ? undefined : decodeURIComponent(value);
}

/** Resident memory of a node process that loads nothing. */
function bareNodeRssMb(): number {
  const out = execFileSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.memoryUsage().rss))'],
    {
      encoding: 'utf8',
    },
  );
  return Number(out) / 2 ** 20;
}
