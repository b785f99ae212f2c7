/**
 * "public": what visitors and search engines ask most of the public site.
 *
 * (a) Anonymous GET of Uppsala's start page and a published theme page (Integration) at 50 connections:
 *     requests per second and p99 of the app beside a bare node:http server sending the same captured bytes
 *     in the same run, the two taking turns five times and each figure the median run (goal: ratio ≥ 0.5).
 * (b) Search: 10,000 generated Swedish pages in the index, then 1,000 varied queries through
 *     `searchDocuments` one after another (p50/p99), beside the raw `select 1` round trip on the same database
 *     (the least any query costs).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/client.ts';
import { parseConfig } from '../src/config.ts';
import { createUser } from '../src/modules/accounts/index.ts';
import { findCountyBoard } from '../src/modules/reference/index.ts';
import { publishPage, saveDraft } from '../src/modules/site/pages.ts';
import { readSiteTree } from '../src/modules/site/site-tree.ts';
import type { UserActor } from '../src/platform/authz.ts';
import { indexEntries, searchDocuments, type SearchEntry } from '../src/platform/search.ts';
import { COUNTIES } from '../src/platform/tenancy.ts';
import { LoadClient, type LoadSpec } from './load-client.ts';
import { percentile, result, round, type BenchContext, type Result } from './types.ts';

export const name = 'public';

const REQUESTS = Number(process.env.BENCH_PUBLIC_REQUESTS ?? 10000);
const WARM_UP = 2000;
const ROUNDS = Number(process.env.BENCH_PUBLIC_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_PUBLIC_CONCURRENCY ?? 50);
const SEARCH_PAGES = Number(process.env.BENCH_PUBLIC_SEARCH_PAGES ?? 10000);
const SEARCH_QUERIES = Number(process.env.BENCH_PUBLIC_SEARCH_QUERIES ?? 1000);

/** Headers the bare server must not replay: they describe the connection or this one response. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
  'content-length',
  'set-cookie',
]);

export async function run(ctx: BenchContext): Promise<Result[]> {
  const results: Result[] = [];
  const themePath = await publishThemePage(ctx);
  results.push(...(await pages(ctx, ['/uppsala/', themePath])));
  results.push(...(await search(ctx)));
  return results;
}

// ---- (a) the public pages over sockets ------------------------------------------------------------------

/** Publishes Uppsala's Integration page through the pages service, as an editor does; returns its address. */
async function publishThemePage(ctx: BenchContext): Promise<string> {
  const { db } = ctx.database;
  const board = await findCountyBoard(db, '03');
  if (!board) throw new Error('public: the county board of Uppsala is missing from the reference data');
  const email = `bench.editor.${process.pid}.${Date.now()}@bench.example`;
  const id = await createUser(db, null, {
    email,
    name: 'Mätning redaktör',
    password: 'ett långt lösenord för mätningen',
    role: 'county_editor',
    organisationId: board.id,
    countyCode: '03',
  });
  const actor: UserActor = {
    kind: 'user',
    id,
    email,
    name: 'Mätning redaktör',
    memberships: [
      {
        role: 'county_editor',
        organisationId: board.id,
        organisationName: board.name,
        organisationType: board.type,
        countyCode: '03',
        municipalityCode: board.municipalityCode ?? null,
      },
    ],
  };
  const tree = await readSiteTree(db, '03', new Date());
  const theme = tree.pages.find((p) => p.kind === 'theme' && p.slug === 'integration');
  if (!theme) throw new Error('public: Uppsala has no Integration page');
  const ref = { countyCode: '03', pageId: theme.id };
  await saveDraft(db, actor, ref, {
    title: 'Integration',
    summary: 'Länets arbete för att nyanlända ska komma in i arbetsliv och samhälle.',
    body: Array.from(
      { length: 8 },
      (_, i) =>
        `## Del ${i + 1}\n\n${sentence(60)}\n\n- ${sentence(8)}\n- ${sentence(8)}\n- ${sentence(8)}\n`,
    ).join('\n'),
  });
  await publishPage(db, actor, ref, { when: 'now' });
  return `/uppsala/${theme.path}`;
}

interface Captured {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

async function pages(ctx: BenchContext, paths: string[]): Promise<Result[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-public-'));
  const config = parseConfig({
    NODE_ENV: 'production',
    DEMO: 'false',
    SESSION_SECRET: 'bench-secret-that-is-long-enough-for-the-check',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1',
  });
  const app = await buildApp({ config, database: ctx.database, runJobs: false });
  const client = LoadClient.start();
  let bare: http.Server | undefined;
  const results: Result[] = [];
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // A returning visitor, as in the events bench: it sends the cookie its first visit set (the CSRF secret of
    // the language form), so the page is served without making a new secret and cookie each time.
    const cookie = await visitorCookies(appUrl + paths[0]!);
    const captured = new Map<string, Captured>();
    for (const p of paths) captured.set(p, await capture(appUrl + p, cookie));
    bare = http.createServer((req, res) => {
      const page = captured.get(req.url ?? '');
      if (page) res.writeHead(page.status, page.headers).end(page.body);
      else res.writeHead(404).end();
    });
    bare.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => bare!.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    // The start and theme pages as a returning visitor asks for them, and the start page once more as a first
    // visit (a crawler, a new visitor): no cookie, so each answer makes a CSRF secret and sets its cookie.
    const cases: Array<{ key: string; path: string; headers: Record<string, string> }> = [
      { key: 'county_start', path: paths[0]!, headers: { cookie } },
      { key: 'theme_page', path: paths[1]!, headers: { cookie } },
      { key: 'county_start_first_visit', path: paths[0]!, headers: {} },
    ];
    for (const { key, path: p, headers } of cases) {
      const spec = (base: string, n: number): LoadSpec => ({
        url: base + p,
        requests: n,
        concurrency: CONCURRENCY,
        expectStatus: 200,
        headers,
      });
      const measure = async (base: string) => {
        const cpuBefore = process.cpuUsage();
        const r = await client.run(spec(base, REQUESTS));
        const cpu = process.cpuUsage(cpuBefore);
        if (r.errors > 0)
          throw new Error(`${p}: ${r.errors} of ${r.requests} failed (first: ${r.firstError ?? '?'})`);
        // This process's CPU per answer (the load runs in a child): steadier than a rate on a shared machine.
        return { ...r, cpuMicrosPerRequest: (cpu.user + cpu.system) / REQUESTS };
      };
      await client.run(spec(appUrl, WARM_UP));
      await client.run(spec(bareUrl, WARM_UP));
      // Two cores share the app, the bare server and the load: a single run of each swings with whatever else
      // the machine does, so the two take turns, ROUNDS times, and each figure is the median of its runs.
      const onApps: Awaited<ReturnType<typeof measure>>[] = [];
      const onBares: Awaited<ReturnType<typeof measure>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        onApps.push(await measure(appUrl));
        onBares.push(await measure(bareUrl));
      }
      const onApp = medianRun(onApps);
      const onBare = medianRun(onBares);
      ctx.log(
        `public ${key}: app ${onApps.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}/s; ` +
          `bare ${onBares.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')}/s`,
      );
      const ratio = onApp.requestsPerSecond / onBare.requestsPerSecond;
      results.push(
        result(`${key}_requests_per_s`, onApp.requestsPerSecond, '1/s', onBare.requestsPerSecond, 'higher', {
          path: p,
          requests: REQUESTS,
          concurrency: CONCURRENCY,
          bytes_per_response: captured.get(p)!.body.length,
          p50_ms: round(onApp.p50Ms),
          p99_ms: round(onApp.p99Ms),
          baseline_p50_ms: round(onBare.p50Ms),
          baseline_p99_ms: round(onBare.p99Ms),
          cpu_us_per_request: round(onApp.cpuMicrosPerRequest),
          baseline_cpu_us_per_request: round(onBare.cpuMicrosPerRequest),
          visitor: key.endsWith('first_visit') ? 'first' : 'returning',
          rounds: ROUNDS,
          goal_ratio: 0.5,
          meets_goal: ratio >= 0.5,
        }),
        result(`${key}_p99_ms`, onApp.p99Ms, 'ms', onBare.p99Ms, 'lower', { path: p }),
      );
    }
  } finally {
    await client.close();
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** Of several runs, the one with the median rate (its p50 and p99 with it), each figure taken from one run. */
function medianRun<T extends { requestsPerSecond: number; p50Ms: number; p99Ms: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The cookies a browser holds after its first visit. */
async function visitorCookies(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The page as a returning anonymous visitor gets it, to be replayed byte for byte by the bare server. */
async function capture(url: string, cookie: string): Promise<Captured> {
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`public: ${url} gave ${res.status}`);
  const headers: http.OutgoingHttpHeaders = {};
  res.headers.forEach((value, key) => {
    if (!HOP_HEADERS.has(key)) headers[key] = value;
  });
  delete headers['content-encoding'];
  headers['content-length'] = body.length;
  return { status: res.status, headers, body };
}

// ---- (b) search ----------------------------------------------------------------------------------------

/** Words of the domain, in the forms a county board writes them (inflected: the Swedish stemmer's work). */
const WORDS = [
  'integration',
  'nyanlända',
  'arbetsmarknad',
  'föreläsning',
  'föreläsningar',
  'våld',
  'nära',
  'relationer',
  'hedersrelaterat',
  'förtryck',
  'barn',
  'unga',
  'ungdomar',
  'äldre',
  'psykisk',
  'hälsa',
  'suicidprevention',
  'alkohol',
  'narkotika',
  'dopning',
  'tobak',
  'spel',
  'samverkan',
  'kommun',
  'kommunerna',
  'regionen',
  'länsstyrelsen',
  'handlingsplan',
  'handlingsplaner',
  'strategi',
  'utbildning',
  'utbildningar',
  'nätverk',
  'nätverksträff',
  'konferens',
  'konferenser',
  'bidrag',
  'ansökan',
  'stöd',
  'föreningar',
  'civilsamhället',
  'skolan',
  'socialtjänsten',
  'polisen',
  'trygghet',
  'brottsförebyggande',
  'jämställdhet',
  'mänskliga',
  'rättigheter',
  'funktionsnedsättning',
  'tillgänglighet',
  'bostad',
  'hemlöshet',
  'ekonomiskt',
  'bistånd',
  'språk',
  'svenska',
  'samhällsorientering',
  'etablering',
  'praktik',
  'arbete',
  'lärande',
  'kartläggning',
  'uppföljning',
  'lägesbild',
  'rapport',
  'statistik',
  'webbinarium',
  'workshop',
  'dialog',
  'insatser',
  'förebyggande',
  'tidiga',
  'åtgärder',
  'föräldrar',
  'familjer',
  'kvinnor',
  'män',
  'flickor',
  'pojkar',
  'landsbygd',
  'staden',
  'hösten',
  'våren',
  'material',
  'vägledning',
  'metoder',
  'kunskap',
  'forskning',
] as const;
const FILLER = ['och', 'för', 'i', 'med', 'om', 'att', 'på', 'till', 'av', 'som'] as const;

/** A deterministic random (the same pages and queries every run), seeded. */
let seed = 20260511;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function sentence(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i % 3 === 2 ? pick(FILLER) : pick(WORDS));
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

async function search(ctx: BenchContext): Promise<Result[]> {
  const { db } = ctx.database;
  const began = process.hrtime.bigint();
  const visibleFrom = new Date(Date.now() - 86_400_000);
  for (let i = 0; i < SEARCH_PAGES; i++) {
    const county = pick(COUNTIES);
    const title = `${sentence(4).slice(0, -1)}`;
    const entry: SearchEntry = {
      sourceId: crypto.randomUUID(),
      countyCode: county.code,
      themeKeys: [],
      title,
      summary: sentence(15),
      body: Array.from({ length: 4 + Math.floor(rand() * 8) }, () => sentence(20)).join(' '),
      url: `/${county.slug}/sida-${i}`,
      visibleFrom,
      visibleUntil: null,
      shownDate: null,
    };
    await indexEntries(db, 'page', crypto.randomUUID(), [entry]);
  }
  ctx.log(
    `public search: ${SEARCH_PAGES} pages indexed in ${(Number(process.hrtime.bigint() - began) / 1e9).toFixed(1)} s`,
  );

  const queries = Array.from({ length: SEARCH_QUERIES }, (_, i) => {
    const words = 1 + Math.floor(rand() * 3);
    return {
      query: Array.from({ length: words }, () => pick(WORDS)).join(' '),
      // A third asked within a county, as /{county}/sok does.
      countyCode: i % 3 === 0 ? pick(COUNTIES).code : undefined,
      page: 1 + (i % 7 === 0 ? 1 : 0),
    };
  });
  const now = new Date();
  for (const q of queries.slice(0, 50)) await searchDocuments(db, { ...q, now });
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    const out = await searchDocuments(db, { ...q, now });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (out.kind === 'results') hits += out.total;
  }
  const base: number[] = [];
  for (let i = 0; i < 50; i++) await queryRows(db, sql`select 1`);
  for (let i = 0; i < SEARCH_QUERIES; i++) {
    const t0 = process.hrtime.bigint();
    await queryRows(db, sql`select 1`);
    base.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  ctx.log(`public search: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  return [
    result('search_p50_ms', p50, 'ms', percentile(base, 50), 'lower', {
      documents: SEARCH_PAGES,
      queries: SEARCH_QUERIES,
      mean_matches_per_query: round(hits / SEARCH_QUERIES),
      baseline_is: 'select 1 round trip, p50',
    }),
    result('search_p99_ms', p99, 'ms', percentile(base, 99), 'lower', {
      baseline_is: 'select 1 round trip, p99',
    }),
  ];
}
