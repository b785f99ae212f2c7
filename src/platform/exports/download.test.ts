import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, Policies } from '../authz.ts';
import { registerHttp } from '../http.ts';
import { contentDisposition, downloadTypeOf } from './download.ts';

describe('downloadTypeOf', () => {
  it('knows the types the application offers, by extension', () => {
    expect(downloadTypeOf('svar.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(downloadTypeOf('svar.CSV')).toBe('text/csv; charset=utf-8');
    expect(downloadTypeOf('rapport.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(downloadTypeOf('möte.ics')).toBe('text/calendar; charset=utf-8');
    expect(downloadTypeOf('beslut.pdf')).toBe('application/pdf');
  });

  it('refuses an extension it does not know instead of guessing', () => {
    expect(() => downloadTypeOf('program.exe')).toThrow(/Okänd filtyp/);
    expect(() => downloadTypeOf('utan-filändelse')).toThrow(/Okänd filtyp/);
  });
});

describe('contentDisposition', () => {
  it('sends a plain name as it is', () => {
    expect(contentDisposition('lagesbild-svar-uppsala-2026-06-10.csv')).toBe(
      'attachment; filename="lagesbild-svar-uppsala-2026-06-10.csv"',
    );
  });

  it('gives Swedish letters an ASCII fallback and the real name as RFC 5987 filename*', () => {
    expect(contentDisposition('Lägesbild Västra Götaland (höst).docx')).toBe(
      `attachment; filename="Lagesbild Vastra Gotaland _host_.docx"; filename*=UTF-8''L%C3%A4gesbild%20V%C3%A4stra%20G%C3%B6taland%20%28h%C3%B6st%29.docx`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(contentDisposition('Åtgärder.xlsx'))![1]!)).toBe(
      'Åtgärder.xlsx',
    );
  });

  it('keeps quotes, line breaks and paths out of the header', () => {
    const header = contentDisposition('../../etc/"x"\r\nSet-Cookie: a=b.csv');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).not.toContain('..');
    expect(header.startsWith('attachment; filename="')).toBe(true);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});

describe('reply.download', () => {
  it('sends the body with its type, an attachment name and no caching', async () => {
    const app = Fastify();
    await app.register(fastifyCookie, { secret: 'x'.repeat(32) });
    await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie' });
    registerHttp(app, {
      secureCookies: false,
      resolveSession: async () => ANONYMOUS,
      policies: new Policies([]),
      navigation: () => [],
      errorPage: () => '',
    });
    app.get('/fil', { config: { access: { kind: 'public' } } }, async (_req, reply) =>
      reply.download(Buffer.from('\uFEFFa;b\r\n'), { filename: 'Svar från Örebro.csv' }),
    );
    const res = await app.inject({ url: '/fil' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Svar fran Orebro.csv"; filename*=UTF-8''Svar%20fr%C3%A5n%20%C3%96rebro.csv`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(Buffer.from('\uFEFFa;b\r\n'))).toBe(true);
    await app.close();
  });
});
