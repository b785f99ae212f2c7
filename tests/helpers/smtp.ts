import { simpleParser, type ParsedMail } from 'mailparser';
import os from 'node:os';
import { SMTPServer } from 'smtp-server';
import { parseConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { JobRunner } from '../../src/platform/jobs.ts';
import { createMailHandler, MAIL_JOB } from '../../src/platform/mail.ts';
import { privateDatabase } from './db.ts';

/** A real SMTP server on a local port that keeps what it receives, for tests that read the mail sent. */
export interface TestSmtp {
  /** for SMTP_URL */
  url: string;
  received: ParsedMail[];
  /** the first mail (received or to come) that matches, or an error after `timeoutMs` */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiting) wake();
        })
        .then(() => callback())
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`Inget e-postmeddelande kom inom ${timeoutMs} ms (${received.length} mottagna)`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server, a database of the test file's own and a job runner that sends the mail jobs to it. */
export interface MailWorld {
  smtp: TestSmtp;
  db: Db;
  config: Config;
  runner: JobRunner;
  close(): Promise<void>;
}

/**
 * The world of a test that reads the mail a service sends: the database is private (privateDatabase says why:
 * the runner takes every due job), the configuration names the SMTP server.
 */
export async function startMailWorld(): Promise<MailWorld> {
  const smtp = await startTestSmtp();
  const { database, drop } = await privateDatabase();
  const config = parseConfig({
    NODE_ENV: 'test',
    DEMO: 'false',
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-the-check',
    DATA_DIR: os.tmpdir(),
    PUBLIC_URL: 'https://samverkan.test',
    SMTP_URL: smtp.url,
  });
  const runner = new JobRunner(database.db, {
    [MAIL_JOB]: createMailHandler({ smtpUrl: smtp.url, from: config.mailFrom, mailDir: os.tmpdir() }),
  });
  return {
    smtp,
    db: database.db,
    config,
    runner,
    close: async () => {
      await smtp.close();
      await drop();
    },
  };
}
