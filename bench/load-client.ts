/**
 * The load generator: a child process (so it runs on the other core, not on the server's event loop)
 * sending a fixed number of GET requests at a fixed concurrency over keep-alive connections to 127.0.0.1.
 * The parent drives it with LoadClient; this file is also the child's entry point.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  /** http://127.0.0.1:PORT/path */
  url: string;
  /** a mix of pages on that server: request i asks for paths[i % paths.length] instead of the url's path */
  paths?: string[];
  requests: number;
  concurrency: number;
  headers?: Record<string, string>;
  /** the status every response must have; any other counts as an error */
  expectStatus: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  bytes: number;
  firstError?: string;
}

type Message = { type: 'run'; id: number; spec: LoadSpec } | { type: 'exit' };
type Reply = { type: 'done'; id: number; result: LoadResult } | { type: 'failed'; id: number; error: string };

const REQUEST_TIMEOUT_MS = 10_000;

function nearestRank(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`the load client only talks to 127.0.0.1, not ${url.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies = new Float64Array(spec.requests);
  let issued = 0;
  let completed = 0;
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;

  const paths = spec.paths?.length ? spec.paths : [url.pathname + url.search];
  const one = (n: number): Promise<void> =>
    new Promise((resolve) => {
      const start = process.hrtime.bigint();
      const fail = (why: string): void => {
        errors++;
        firstError ??= why;
      };
      const req = http.request(
        { host: url.hostname, port: url.port, path: paths[n % paths.length], agent, headers: spec.headers },
        (res) => {
          if (res.statusCode !== spec.expectStatus) fail(`status ${res.statusCode ?? '?'}`);
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => {
            latencies[completed++] = Number(process.hrtime.bigint() - start) / 1e6;
            resolve();
          });
          res.on('error', (err) => {
            fail(err.message);
            resolve();
          });
        },
      );
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        fail(err.message);
        resolve();
      });
      req.end();
    });

  const worker = async (): Promise<void> => {
    while (issued < spec.requests) await one(issued++);
  };

  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.requests) }, worker));
  const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
  agent.destroy();

  const measured = latencies.slice(0, completed).sort();
  const sum = measured.reduce((a, b) => a + b, 0);
  return {
    requests: spec.requests,
    errors,
    durationMs,
    requestsPerSecond: (spec.requests / durationMs) * 1000,
    p50Ms: nearestRank(measured, 50),
    p99Ms: nearestRank(measured, 99),
    meanMs: completed ? sum / completed : NaN,
    bytes,
    ...(firstError ? { firstError } : {}),
  };
}

/** The parent's handle on one load-generator process. */
export class LoadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: Reply) => {
      const waiter = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.type === 'done') waiter?.resolve(m.result);
      else waiter?.reject(new Error(m.error));
    });
    child.on('exit', (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`load client exited (${code ?? 'signal'})`));
      this.pending.clear();
    });
  }

  static start(): LoadClient {
    // The child inherits `--import tsx` from this process's execArgv.
    return new LoadClient(fork(fileURLToPath(import.meta.url), ['--child'], { stdio: 'inherit' }));
  }

  run(spec: LoadSpec): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ type: 'run', id, spec } satisfies Message);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'exit' } satisfies Message);
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }
}

if (process.argv[2] === '--child' && process.send) {
  // The parent is gone (Ctrl-C, a crash): nothing left to measure for.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: Message) => {
    if (m.type === 'exit') process.exit(0);
    runLoad(m.spec).then(
      (result) => process.send!({ type: 'done', id: m.id, result } satisfies Reply),
      (err: Error) => process.send!({ type: 'failed', id: m.id, error: err.message } satisfies Reply),
    );
  });
}
