import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailHandler, purgeMailbox, readMailbox } from './mail.ts';

describe('mail', () => {
  const received: ParsedMail[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((m) => received.push(m))
          .then(() => callback())
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends over SMTP with a Message-ID derived from the job, readable by a mail parser', async () => {
    const handler = createMailHandler({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Samverkan <no-reply@samverkan.test>',
      mailDir: '',
    });
    await handler(
      { to: 'mottagare@example.se', subject: 'Återställ lösenord', text: 'Hej Åsa!\nLänk: https://x/y' },
      { jobId: 42, attempt: 1 },
    );
    const mail = received.at(-1)!;
    expect(mail.subject).toBe('Återställ lösenord');
    expect(mail.text).toContain('Hej Åsa!');
    expect(mail.messageId).toBe('<job-42@samverkan>');
    expect(mail.from?.text).toContain('no-reply@samverkan.test');
  });

  it('writes .eml files without SMTP_URL; a retried job overwrites instead of doubling', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-'));
    const handler = createMailHandler({ smtpUrl: undefined, from: 'a@b.se', mailDir: dir });
    await handler({ to: 'x@example.se', subject: 'Inbjudan', text: 'Välkommen' }, { jobId: 7, attempt: 1 });
    await handler({ to: 'x@example.se', subject: 'Inbjudan', text: 'Välkommen' }, { jobId: 7, attempt: 2 });
    const box = await readMailbox(dir);
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ to: 'x@example.se', subject: 'Inbjudan' });
    expect(box[0]!.text.trim()).toBe('Välkommen');
    // Kept only as long as needed: a month.
    expect(purgeMailbox(dir, 30, Date.now() + 29 * 86_400_000)).toBe(0);
    expect(purgeMailbox(dir, 30, Date.now() + 31 * 86_400_000)).toBe(1);
    expect(await readMailbox(dir)).toHaveLength(0);
    fs.rmSync(dir, { recursive: true });
  });
});
