import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../tests/helpers/smtp.ts';

/**
 * Every acknowledged registration survives a crash, and its confirmation is sent once: the real server on
 * its own PGlite data folder takes registrations through the public form, is killed with SIGKILL while more
 * are on their way, and started again on the same folder. Only the PGlite project runs it (the embedded
 * database is the one whose durability is ours; PostgreSQL's is PostgreSQL's).
 *
 * The first server sends no mail (WORKER=off), so that every confirmation is still a queued job when it
 * dies: the one after the restart must find each one exactly once. (A crash in the middle of sending is
 * covered by the mail job's Message-ID, derived from the job: a retry is the same message.)
 */
const root = path.resolve(import.meta.dirname, '../../..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function startServer(dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      DEMO: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 150_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server ended (${child.exitCode}): ${out}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, output: () => out };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer in time: ${out}`);
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The address of an event in the county whose page takes registrations now (found as a visitor would). */
async function openEvent(base: string, county: string): Promise<string> {
  const feed = await (await fetch(`${base}/${county}/kalender.ics`)).text();
  const pages = [...feed.replace(/\r\n[ \t]/g, '').matchAll(/^URL:(.+)$/gm)].map((m) => m[1]!.trim());
  for (const page of pages) {
    const html = await (await fetch(page)).text();
    if (parse(html).querySelector('form input[name="email"]')) return new URL(page).pathname;
  }
  throw new Error(`no event open for registration in ${county}: ${pages.join(', ')}`);
}

/** One visitor: opens the page (its CSRF cookie and token), then sends the form. True when acknowledged. */
async function registerAs(base: string, eventPath: string, email: string): Promise<boolean> {
  const page = await fetch(base + eventPath);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = parse(await page.text())
    .querySelector('form input[name="_csrf"]')
    ?.getAttribute('value');
  const posted = await fetch(base + eventPath, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: token ?? '',
      name: 'Testperson Krasch',
      email,
      organisationName: 'Testkommunen',
      organisationType: 'municipality',
      municipalityCode: '0380',
      consent: 'yes',
      webbplats: '',
    }),
  });
  // Acknowledged: the answer sends the registrant to their receipt (a 303 to /anmalan/{token}/tack).
  return posted.status === 303 && /^\/anmalan\/[\w-]+\/tack$/.test(posted.headers.get('location') ?? '');
}

describe.runIf(process.env.TEST_BACKEND === 'pglite')(
  'events: a crash in the middle of a registration rush',
  () => {
    const dirs: string[] = [];
    const servers: ChildProcess[] = [];
    let smtp: TestSmtp | undefined;
    afterAll(async () => {
      for (const s of servers) await killHard(s);
      await smtp?.close();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    it('keeps every acknowledged registration and sends each its confirmation once after the restart', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'events-crash-'));
      dirs.push(dataDir);
      smtp = await startTestSmtp();
      const first = await startServer(dataDir, { WORKER: 'off', SMTP_URL: smtp.url });
      servers.push(first.child);
      const eventPath = await openEvent(first.base, 'uppsala');

      // Fifteen visitors at once; the server dies as soon as five have their answer.
      const acknowledged: string[] = [];
      let killed: Promise<void> | undefined;
      const run = Array.from({ length: 15 }, async (_, i) => {
        const email = `krasch.${i}.${Date.now()}@test.example`;
        const ok = await registerAs(first.base, eventPath, email).catch(() => false);
        if (ok) acknowledged.push(email);
        if (acknowledged.length >= 5) killed ??= killHard(first.child);
      });
      await Promise.all(run);
      await (killed ?? killHard(first.child));
      expect(acknowledged.length).toBeGreaterThanOrEqual(5);
      expect(smtp.received).toHaveLength(0);

      // The same folder again, now sending mail: the lock the dead process held is free.
      const second = await startServer(dataDir, { WORKER: 'inline', SMTP_URL: smtp.url });
      servers.push(second.child);
      for (const email of acknowledged)
        await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(email), 60_000);
      // Time for any second sending to show.
      await new Promise((r) => setTimeout(r, 3_000));
      for (const email of acknowledged) {
        const mails = smtp.received.filter((m) => JSON.stringify(m.to).includes(email));
        expect(new Set(mails.map((m) => m.messageId)).size, email).toBe(1);
      }
      // The registrations are there: each personal link from the mails opens its page.
      for (const email of acknowledged) {
        const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(email))!;
        const link = /https?:\/\/[^\s"<>]+\/anmalan\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
        expect(link, email).toBeDefined();
        const page = await fetch(link!.replace(/^https?:\/\/[^/]+/, second.base));
        expect(page.status, email).toBe(200);
      }
    }, 400_000);
  },
);
