/**
 * "events": a registration rush through the real service, and the public event page over real sockets.
 *
 * The rush: RUSH registrations started at once for an event of PLACES places, each through `register` (the
 * event locked, places counted under the lock, the registration and its confirmation or waiting-list mail
 * written in one transaction). Every place is taken by exactly one registration and the rest wait, or the run
 * fails. Since every seat of one event is taken under that event's lock, registrations for one event serialise:
 * the baseline is the database's own rate of single-row committed inserts on one connection, measured in the
 * same run on the same table with the same values (a raw client, one prepared insert per commit). The product
 * may beat it: registrations that wait for the lock are placed together, one transaction for all that waited
 * (the registration desk in events/service.ts), each still answered only after its commit.
 *
 * The page: the public page of an event ahead from the demo data (Uppsala's, open for registration with a few
 * places left: its programme, organisers and form) as an anonymous returning visitor gets it, at PAGE_CONCURRENCY
 * connections, beside a bare node:http server returning the same bytes at the same concurrency.
 *
 * Any error (a refused or failed registration, a count off by one, a status other than 200, a socket error)
 * fails the benchmark: it reports no figure then.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/app.ts';
import { parseConfig, type Config } from '../src/config.ts';
import { queryRows, type Db } from '../src/db/client.ts';
import { createUser } from '../src/modules/accounts/index.ts';
import {
  countySlugOf,
  createEvent,
  publishEvent,
  register,
  seatCounts,
  urls,
  type EventInput,
  type EventRow,
} from '../src/modules/events/index.ts';
import { seedEventsDemo } from '../src/modules/events/demo-seed.ts';
import { findCountyBoard } from '../src/modules/reference/index.ts';
import type { UserActor } from '../src/platform/authz.ts';
import { hashToken } from '../src/platform/tokens.ts';
import { LoadClient, type LoadResult, type LoadSpec } from './load-client.ts';
import { percentile, result, round, type BenchContext, type Result } from './types.ts';

export const name = 'events';

/** The rush: this many registrations at once for this many places. */
const RUSH = Number(process.env.BENCH_EVENTS_RUSH ?? 1000);
const PLACES = Number(process.env.BENCH_EVENTS_PLACES ?? 200);
/** A smaller rush first on another event, so the measured one runs warm code and warm plans. */
const WARM_UP_RUSH = 200;
/** The public page: requests after a warm-up, over 50 connections. */
const PAGE_REQUESTS = Number(process.env.BENCH_EVENTS_PAGE_REQUESTS ?? 10000);
const PAGE_WARM_UP = 2000;
const PAGE_CONCURRENCY = Number(process.env.BENCH_EVENTS_PAGE_CONCURRENCY ?? 50);
/** Goals from the issue: the rush at half the database's insert rate, the page at half the bare server, p99 < 50 ms. */
const GOAL_RATIO = 0.5;
const GOAL_PAGE_P99_MS = 50;
/** Only these parts (comma-separated: rush, page), for profiling one. */
const ONLY = process.env.BENCH_EVENTS_ONLY?.split(',').map((k) => k.trim());
const SESSION_SECRET = 'bench-secret-that-is-long-enough-for-the-check';
const DAY = 86_400_000;

export async function run(ctx: BenchContext): Promise<Result[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-events-'));
  const config = parseConfig({
    NODE_ENV: 'production',
    DEMO: 'false',
    SESSION_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1',
  });
  try {
    const organiser = await countyAdmin(ctx.database.db, '03');
    const results: Result[] = [];
    if (!ONLY || ONLY.includes('rush')) results.push(...(await rush(ctx, config, organiser)));
    if (!ONLY || ONLY.includes('page')) results.push(...(await page(ctx, config)));
    return results;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- The registration rush -------------------------------------------------------------------------------

async function rush(ctx: BenchContext, config: Config, organiser: UserActor): Promise<Result[]> {
  const { db } = ctx.database;
  const deps = { db, config };
  const warm = await benchEvent(deps, organiser, 'Uppvärmning', WARM_UP_RUSH / 4);
  await registerAll(deps, warm, WARM_UP_RUSH, 'uppvarmning');

  const event = await benchEvent(deps, organiser, 'Anmälningsrusning', PLACES);
  // The baseline writes to an event of its own, so the rush's counts are the rush's alone.
  const other = await benchEvent(deps, organiser, 'Baslinje', null);
  const inserts = await insertRate(ctx, other.id, other.countyCode);
  let baselineBeforeMs: number, baselineAfterMs: number, durationMs: number;
  let outcome: RushOutcome, cpu: NodeJS.CpuUsage;
  try {
    await inserts.measure(100); // the statement prepared, the pages in the cache
    baselineBeforeMs = await inserts.measure(RUSH / 2);
    const began = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    outcome = await registerAll(deps, event, RUSH, 'rusning');
    durationMs = Number(process.hrtime.bigint() - began) / 1e6;
    cpu = process.cpuUsage(cpuBefore);
    baselineAfterMs = await inserts.measure(RUSH / 2);
  } finally {
    await inserts.close();
  }
  const baseline = { perSecond: (RUSH / (baselineBeforeMs + baselineAfterMs)) * 1000, inserts: RUSH };

  // What the database holds afterwards, not only what the calls said.
  const counts = await seatCounts(db, event.id);
  const [stored] = await queryRows<{ registrations: number; mails: number }>(
    db,
    sql`select (select count(*)::int from event_registrations where event_id = ${event.id}) as registrations,
               (select count(*)::int from jobs where kind = 'mail.send' and payload ->> 'to' like 'rusning.%') as mails`,
  );
  const expected = { confirmed: Math.min(PLACES, RUSH), waiting: Math.max(0, RUSH - PLACES) };
  const problems = [
    outcome.errors > 0 &&
      `${outcome.errors} of ${RUSH} registrations failed (first: ${outcome.firstError ?? '?'})`,
    (outcome.confirmed !== expected.confirmed || outcome.waiting !== expected.waiting) &&
      `the calls said ${outcome.confirmed} confirmed and ${outcome.waiting} waiting, not ${expected.confirmed} and ${expected.waiting}`,
    (counts.taken !== expected.confirmed || counts.waiting !== expected.waiting) &&
      `the database holds ${counts.taken} places taken and ${counts.waiting} waiting, not ${expected.confirmed} and ${expected.waiting}`,
    stored?.registrations !== RUSH &&
      `the database holds ${stored?.registrations} registrations, not ${RUSH}`,
    stored?.mails !== RUSH && `${stored?.mails} mails were enqueued for ${RUSH} registrations`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new Error(`the rush: ${problems.join('; ')}`);

  const perSecond = (RUSH / durationMs) * 1000;
  ctx.log(
    `events rush: ${perSecond.toFixed(0)} registrations/s, p99 ${percentile(outcome.latencies, 99).toFixed(0)} ms; ` +
      `database ${baseline.perSecond.toFixed(0)} committed inserts/s on one connection`,
  );
  const ratio = perSecond / baseline.perSecond;
  return [
    result('registrations_per_s', perSecond, '1/s', baseline.perSecond, 'higher', {
      goal: GOAL_RATIO,
      meets_goal: ratio >= GOAL_RATIO,
      registrations: RUSH,
      places: PLACES,
      confirmed: counts.taken,
      waiting: counts.waiting,
      errors: outcome.errors,
      mails_enqueued: stored?.mails,
      duration_ms: round(durationMs),
      p50_ms: round(percentile(outcome.latencies, 50)),
      p99_ms: round(percentile(outcome.latencies, 99)),
      ms_per_registration: round(durationMs / RUSH),
      cpu_ms_per_registration: round((cpu.user + cpu.system) / 1000 / RUSH),
      baseline_ms_per_insert: round(1000 / baseline.perSecond),
      baseline_inserts: baseline.inserts,
      baseline_before_per_s: round((RUSH / 2 / baselineBeforeMs) * 1000),
      baseline_after_per_s: round((RUSH / 2 / baselineAfterMs) * 1000),
      note: 'all started at once; latency from the start of the rush to each answer. Baseline: single-row committed inserts into event_registrations on one connection',
    }),
  ];
}

interface RushOutcome {
  confirmed: number;
  waiting: number;
  errors: number;
  firstError?: string;
  /** each registration's time from the start of the rush to its answer */
  latencies: number[];
}

/** `n` registrations for the event started at once through the real service, as `n` visitors pressing Anmäl. */
async function registerAll(
  deps: { db: Db; config: Config },
  event: EventRow,
  n: number,
  prefix: string,
): Promise<RushOutcome> {
  const outcome: RushOutcome = { confirmed: 0, waiting: 0, errors: 0, latencies: [] };
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      try {
        const r = await register(
          deps,
          { countyCode: event.countyCode, eventId: event.id },
          {
            name: `Deltagare ${i + 1}`,
            email: `${prefix}.${i + 1}@bench.example.org`,
            organisationName: 'Uppsala kommun',
            organisationType: 'municipality',
            municipalityCode: '0380',
            consent: true,
          },
        );
        outcome[r.status]++;
      } catch (err) {
        outcome.errors++;
        outcome.firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
      outcome.latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }),
  );
  return outcome;
}

/**
 * The database's own rate of single-row committed inserts on one connection: the same table, the same values a
 * registration ends with, one prepared statement per commit, from a raw client (no ORM, no pool queue). Half
 * before the rush and half after, so a change in the machine's load during the run weighs on both sides.
 */
async function insertRate(ctx: BenchContext, eventId: string, countyCode: string) {
  const text = `insert into event_registrations
      (event_id, county_code, status, name, email, organisation_name, organisation_type, municipality_code,
       answers, locale, consent_at, confirmed_at, token_hash)
    values ($1, $2, 'confirmed', $3, $4, 'Uppsala kommun', 'municipality', '0380', '{}'::jsonb, 'sv', now(), now(), $5)`;
  const values = (i: number) => [
    eventId,
    countyCode,
    `Baslinje ${i}`,
    `baslinje.${i}@bench.example.org`,
    hashToken(`baslinje-${i}`),
  ];
  const client = (ctx.database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  let insert: (i: number) => Promise<unknown>;
  let release = (): void => undefined;
  if (ctx.backend === 'postgresql') {
    const conn = await (client as pg.Pool).connect();
    release = () => conn.release();
    insert = (i) => conn.query({ name: 'bench_events_insert', text, values: values(i) });
  } else {
    insert = (i) => (client as PGlite).query(text, values(i));
  }
  let next = 0;
  return {
    /** `n` inserts one after another; the milliseconds they took */
    async measure(n: number): Promise<number> {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await insert(next++);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    async close(): Promise<void> {
      release();
    },
  };
}

// ---- The public event page -------------------------------------------------------------------------------

/** The page measured: Uppsala's demo event ahead, open for registration with a few places left (its form, its programme). */
const PAGE_COUNTY = '03';
const PAGE_SLUG = 'samverkansdag-halsa-trygghet-och-goda-livsvillkor';

/** Headers the bare server must not replay: they describe the connection or this one response. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
  'content-length',
  'set-cookie',
]);

async function page(ctx: BenchContext, config: Config): Promise<Result[]> {
  // The demo's events, as a demo start seeds them: the page is a real event's, with its programme and organisers.
  await seedEventsDemo(ctx.database.db);
  const pagePath = urls.event(countySlugOf(PAGE_COUNTY), PAGE_SLUG);
  const app = await buildApp({ config, database: ctx.database, runJobs: false });
  const client = LoadClient.start();
  let bare: http.Server | undefined;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // What a returning visitor sends: the cookie the first visit set (the CSRF secret the form needs).
    const cookie = await visitorCookies(appUrl + pagePath);
    const captured = await capture(appUrl + pagePath, cookie);
    const html = captured.body.toString('utf8');
    if (!html.includes('<form') || !html.includes('Trygga miljöer'))
      throw new Error(`events: ${pagePath} is not the event page with its registration form and programme`);
    bare = await serveBytes(pagePath, captured);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const measure = async (base: string, where: string): Promise<LoadResult & { cpuUs: number }> => {
      const spec = (n: number): LoadSpec => ({
        url: base + pagePath,
        requests: n,
        concurrency: PAGE_CONCURRENCY,
        expectStatus: 200,
        headers: { cookie },
      });
      await client.run(spec(PAGE_WARM_UP));
      const before = process.cpuUsage();
      const r = await client.run(spec(PAGE_REQUESTS));
      const used = process.cpuUsage(before);
      if (r.errors > 0)
        throw new Error(
          `${pagePath}: ${r.errors} of ${r.requests} requests failed on the ${where} (first: ${r.firstError ?? '?'})`,
        );
      return { ...r, cpuUs: (used.user + used.system) / PAGE_REQUESTS };
    };
    const onApp = await measure(appUrl, 'app');
    const onBare = await measure(bareUrl, 'bare server');
    ctx.log(
      `events page: app ${onApp.requestsPerSecond.toFixed(0)}/s p99 ${onApp.p99Ms.toFixed(1)} ms, ` +
        `bare ${onBare.requestsPerSecond.toFixed(0)}/s p99 ${onBare.p99Ms.toFixed(1)} ms`,
    );
    const details = {
      path: pagePath,
      requests: PAGE_REQUESTS,
      concurrency: PAGE_CONCURRENCY,
      errors: onApp.errors,
      bytes_per_response: captured.body.length,
      p50_ms: round(onApp.p50Ms),
      p99_ms: round(onApp.p99Ms),
      baseline_p50_ms: round(onBare.p50Ms),
      baseline_p99_ms: round(onBare.p99Ms),
      cpu_us_per_request: round(onApp.cpuUs),
      baseline_cpu_us_per_request: round(onBare.cpuUs),
    };
    return [
      result(
        'event_page_requests_per_s',
        onApp.requestsPerSecond,
        '1/s',
        onBare.requestsPerSecond,
        'higher',
        {
          ...details,
          goal: GOAL_RATIO,
          meets_goal: onApp.requestsPerSecond / onBare.requestsPerSecond >= GOAL_RATIO,
        },
      ),
      result('event_page_p99_ms', onApp.p99Ms, 'ms', onBare.p99Ms, 'lower', {
        path: pagePath,
        goal_ms: GOAL_PAGE_P99_MS,
        meets_goal: onApp.p99Ms < GOAL_PAGE_P99_MS,
      }),
    ];
  } finally {
    await client.close();
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await app.close();
  }
}

/** The cookies a browser holds after its first visit to the page. */
async function visitorCookies(url: string): Promise<string> {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`events: ${url} gave ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .join('; ');
}

interface Captured {
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

/** The app's response to a returning visitor: the headers to replay and the bytes. */
async function capture(url: string, cookie: string): Promise<Captured> {
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`events: ${url} gave ${res.status}`);
  if (res.headers.getSetCookie().length > 0)
    throw new Error(`events: ${url} sets cookies on every visit: ${res.headers.getSetCookie().join(', ')}`);
  const headers: http.OutgoingHttpHeaders = {};
  res.headers.forEach((value, key) => {
    if (!HOP_HEADERS.has(key)) headers[key] = value;
  });
  // fetch decodes the body; the app sends it uncompressed, so the bytes match.
  delete headers['content-encoding'];
  headers['content-length'] = body.length;
  return { headers, body };
}

/** The physical limit: a bare node:http server sending the captured bytes for the page's address. */
async function serveBytes(pagePath: string, page: Captured): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === pagePath) res.writeHead(200, page.headers).end(page.body);
    else res.writeHead(404).end();
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

// ---- Set-up ----------------------------------------------------------------------------------------------

/** A county admin of the county (the organiser), as the services see a signed-in user. */
async function countyAdmin(db: Db, countyCode: string): Promise<UserActor> {
  const board = await findCountyBoard(db, countyCode);
  if (!board) throw new Error(`events: the county board of ${countyCode} is missing from the reference data`);
  const email = `bench.events.${process.pid}.${Date.now()}@bench.example`;
  const userName = 'Mätning arrangör';
  const id = await createUser(db, null, {
    email,
    name: userName,
    password: null,
    role: 'county_admin',
    organisationId: board.id,
    countyCode,
  });
  return {
    kind: 'user',
    id,
    email,
    name: userName,
    memberships: [
      {
        role: 'county_admin',
        organisationId: board.id,
        organisationName: board.name,
        organisationType: board.type,
        countyCode,
        municipalityCode: null,
      },
    ],
  };
}

/** A published event of Uppsala län with `capacity` places, open for registration, made through the services. */
async function benchEvent(
  deps: { db: Db; config: Config },
  organiser: UserActor,
  title: string,
  capacity: number | null,
): Promise<EventRow> {
  const board = (await findCountyBoard(deps.db, '03'))!;
  const startsAt = new Date(Date.now() + 30 * DAY);
  const input: EventInput = {
    title: `${title} ${process.pid}`,
    summary: 'Ett evenemang för mätningen.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
    placeKind: 'digital',
    meetingLink: 'https://mote.example.org/matning',
    capacity,
    registrationClosesAt: new Date(startsAt.getTime() - DAY),
    organisationIds: [board.id],
  };
  const event = await createEvent(deps, organiser, '03', input);
  return publishEvent(deps, organiser, { countyCode: '03', eventId: event.id });
}
