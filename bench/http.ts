/**
 * "http": the real app over real sockets against a bare node:http server returning the same bytes.
 *
 * For each page: requests per second and p50/p99 latency of the app, and the same figures for a bare
 * server that replays the app's captured response (status, headers and body) at the same concurrency.
 * The bare server is the physical limit of this machine, Node and the load client for those bytes; the
 * ratio says how much of it the app's routing, session, rendering and database work leaves.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { createUser } from '../src/modules/accounts/index.ts';
import { findCountyBoard } from '../src/modules/reference/repository.ts';
import { LoadClient, type LoadResult, type LoadSpec } from './load-client.ts';
import { result, round, type BenchContext, type Result } from './types.ts';

export const name = 'http';

const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 16);
const WARMUP = Math.min(300, REQUESTS);
const PASSWORD = 'ett långt lösenord för mätningen';

interface Page {
  /** the figure's name */
  key: string;
  path: string;
  /** sends the county admin's session cookie */
  signedIn: boolean;
}

const PAGES: Page[] = [
  { key: 'home', path: '/', signedIn: false },
  { key: 'healthz', path: '/healthz', signedIn: false },
  { key: 'county_admin', path: '/uppsala/admin', signedIn: true },
];

interface Captured {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
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

export async function run(ctx: BenchContext): Promise<Result[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-'));
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
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sid = await signInAsCountyAdmin(ctx, appUrl);
    const cookie = `sid=${sid}`;

    const captured = new Map<string, Captured>();
    for (const page of PAGES)
      captured.set(page.path, await capture(appUrl + page.path, page.signedIn ? cookie : ''));
    bare = await serveCaptured(captured);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const results: Result[] = [];
    for (const page of PAGES) {
      const spec = (base: string): LoadSpec => ({
        url: base + page.path,
        requests: REQUESTS,
        concurrency: CONCURRENCY,
        expectStatus: 200,
        headers: page.signedIn ? { cookie } : {},
      });
      const measure = async (base: string): Promise<LoadResult> => {
        await client.run({ ...spec(base), requests: WARMUP });
        return client.run(spec(base));
      };
      const onApp = await measure(appUrl);
      const onBare = await measure(bareUrl);
      ctx.log(
        `http ${page.path}: app ${onApp.requestsPerSecond.toFixed(0)}/s, bare ${onBare.requestsPerSecond.toFixed(0)}/s`,
      );
      if (onApp.errors > 0) ctx.log(`  ${onApp.errors} errors on the app, first: ${onApp.firstError ?? '?'}`);
      results.push(
        result(
          `${page.key}_requests_per_s`,
          onApp.requestsPerSecond,
          '1/s',
          onBare.requestsPerSecond,
          'higher',
          {
            path: page.path,
            requests: REQUESTS,
            concurrency: CONCURRENCY,
            errors: onApp.errors,
            bytes_per_response: captured.get(page.path)!.body.length,
            p50_ms: round(onApp.p50Ms),
            p99_ms: round(onApp.p99Ms),
            baseline_p50_ms: round(onBare.p50Ms),
            baseline_p99_ms: round(onBare.p99Ms),
          },
        ),
        result(`${page.key}_p99_ms`, onApp.p99Ms, 'ms', onBare.p99Ms, 'lower', { path: page.path }),
      );
    }

    const memory = process.memoryUsage();
    results.push(
      result('rss_after_run_mb', memory.rss / 2 ** 20, 'MB', bareNodeRssMb(), 'lower', {
        heap_used_mb: round(memory.heapUsed / 2 ** 20),
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

/** Makes a county admin of Uppsala län and signs in through the real login form; returns the session. */
async function signInAsCountyAdmin(ctx: BenchContext, baseUrl: string): Promise<string> {
  const board = await findCountyBoard(ctx.database.db, '03');
  if (!board) throw new Error('http: the county board of Uppsala län is missing from the reference data');
  const email = `bench.${process.pid}.${Date.now()}@bench.example`;
  await createUser(ctx.database.db, null, {
    email,
    name: 'Mätning Länsadmin',
    password: PASSWORD,
    role: 'county_admin',
    organisationId: board.id,
    countyCode: '03',
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
  const check = await fetch(`${baseUrl}/uppsala/admin`, {
    headers: { cookie: `sid=${sid}` },
    redirect: 'manual',
  });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`http: /uppsala/admin gave ${check.status} to the county admin`);
  return sid;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function capture(url: string, cookie: string): Promise<Captured> {
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

/** The physical limit: a bare node:http server replaying each page's captured response. */
async function serveCaptured(pages: Map<string, Captured>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, page.headers).end(page.body);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
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
