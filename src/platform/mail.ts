import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Executor } from '../db/client.ts';
import { enqueueJob, jobRow, type JobHandler } from './jobs.ts';

/** A file sent with a mail; its content is text (it travels in the job's JSON payload), e.g. an .ics file. */
export interface MailAttachment {
  filename: string;
  /** e.g. 'text/calendar; charset=utf-8; method=PUBLISH' */
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** where an answer goes when it is not the sender (a visitor who wrote through a contact form) */
  replyTo?: string;
}

export const MAIL_JOB = 'mail.send';

/** Where .eml files go when there is no SMTP_URL. */
export const mailDirOf = (dataDir: string): string => path.join(dataDir, 'mail');

/** Enqueues an e-mail in the transaction of the change that causes it: a crash never loses or doubles it. */
export function enqueueMail(tx: Executor, message: MailMessage): Promise<number> {
  return enqueueJob(tx, MAIL_JOB, { ...message });
}

/** The job row enqueueMail inserts, for a statement that writes the mail with the change that causes it. */
export const mailJobRow = (message: MailMessage) => jobRow(MAIL_JOB, { ...message });

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** where .eml files go when there is no SMTP_URL */
  mailDir: string;
}

/**
 * The mail job handler. The Message-ID is derived from the job id, so a retry after a crash between
 * sending and marking the job done yields the same message (receivers deduplicate; a file is overwritten).
 */
export function createMailHandler(opts: MailerOptions): JobHandler {
  const smtp = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (payload, ctx) => {
    const message = payload as MailMessage;
    const envelope = {
      from: opts.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
            })),
          }
        : {}),
      messageId: `<job-${ctx.jobId}@samverkan>`,
    };
    if (smtp) {
      await smtp.sendMail(envelope);
      return;
    }
    const info = (await files.sendMail(envelope)) as { message: Buffer };
    fs.mkdirSync(opts.mailDir, { recursive: true });
    const file = path.join(opts.mailDir, `${String(ctx.jobId).padStart(10, '0')}.eml`);
    fs.writeFileSync(`${file}.tmp`, info.message);
    fs.renameSync(`${file}.tmp`, file);
  };
}

export interface MailboxEntry {
  id: string;
  to: string;
  subject: string;
  date: Date | undefined;
  text: string;
}

/** Reads the .eml files of the file mailbox, newest first (the system admin's mailbox page). */
export async function readMailbox(mailDir: string, limit = 100): Promise<MailboxEntry[]> {
  if (!fs.existsSync(mailDir)) return [];
  const names = fs
    .readdirSync(mailDir)
    .filter((n) => /^\d+\.eml$/.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    names.map((n) => readMailboxEntry(mailDir, n.replace(/\.eml$/, '')) as Promise<MailboxEntry>),
  );
}

export async function readMailboxEntry(mailDir: string, id: string): Promise<MailboxEntry | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const file = path.join(mailDir, `${id}.eml`);
  if (!fs.existsSync(file)) return undefined;
  // mailparser takes half a second to load; only the administrator's mailbox page reads mail back.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(fs.readFileSync(file));
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
  return { id, to, subject: parsed.subject ?? '', date: parsed.date, text: parsed.text ?? '' };
}

/** The file mailbox keeps personal data (addresses, names): messages older than `days` are deleted. */
export function purgeMailbox(mailDir: string, days = 30, now = Date.now()): number {
  if (!fs.existsSync(mailDir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(mailDir)) {
    const file = path.join(mailDir, name);
    if (name.endsWith('.eml') && now - fs.statSync(file).mtimeMs > days * 86_400_000) {
      fs.rmSync(file);
      removed++;
    }
  }
  return removed;
}
