import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type MadeResponse, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { NOT_STARTED, pictureStatusLabels, responseStatusLabels } from './labels.ts';
import { urls } from './urls.ts';

/*
 * One Swedish word per status, in everything an official reads: the pages of a made round, its mails and
 * its Word, Excel and CSV files are scanned for the other words a status has gone by, for English ids and
 * for counts whose noun is in the wrong number.
 */

/** Words that once named a status beside its label (labels.ts), or an English id that reached officials. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/lämna\S* tillbaka|tillbakalämna/i, `”lämna tillbaka” for ”${responseStatusLabels.returned}”`],
  [/\breturner/i, `”returnera” for ”${responseStatusLabels.returned}”`],
  [/(?<![\p{L}])skickad\b/iu, `”skickad” for ”${pictureStatusLabels.submitted}”`],
  [/\b(insänd|inlämnad|inlämnat|accepterad)/i, 'a second word for inskickat or godkänt'],
  [/\bobesvarad/i, 'a second word for ”Ej besvarad”'],
  [/\b(draft|submitted|returned|approved|planned|taken|not_started)\b/, 'an English status id'],
  [/\b[a-z]+_[a-z_]+\b/, 'an internal id (violence_risk)'],
  [
    /(?<![\d,.])\b1 (personer|kommuner|organisationer|inbjudningar|områden|gånger|minuter|frågor)\b/,
    'a plural after 1',
  ],
  [/\bAlla 1 /, '”Alla 1”'],
];

/** The problems of a text; the test users' names and addresses, which hold their role's id, left out. */
function problemsIn(where: string, text: string): string[] {
  const read = text.replace(/[\w.-]+@test\.example|Test [a-z_]+/g, '');
  return FORBIDDEN.flatMap(([re, what]) => {
    const m = re.exec(read);
    return m ? [`${where}: ${what}: ”…${read.slice(Math.max(0, m.index - 40), m.index + 40)}…”`] : [];
  });
}

/** What a reader sees of a page: the text of its main element (no markup, no class names). */
const mainText = (body: string, doc: { querySelector(s: string): { text: string } | null }): string =>
  doc.querySelector('main')?.text ?? body;

async function xlsxText(file: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

async function docxText(file: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)]
    .map((p) => [...(p[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

describe('one Swedish word per status in the pages, mails and files of a round', () => {
  let t: TestApp;
  const county = findCountyByCode('07')!;
  const made: Partial<Record<'draft' | 'submitted' | 'returned' | 'approved', MadeResponse>> = {};
  let admin: TestClient, coordinator: TestClient, reporter: TestClient;
  let returnedReporter: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    const make = factories(t.app);
    const round = await make.round({ title: 'Ordval 2026' });
    const codes = ['0760', '0761', '0763', '0764'] as const;
    for (const [i, status] of (['draft', 'submitted', 'returned', 'approved'] as const).entries())
      made[status] = await make.response({ round, municipality: codes[i], status });
    await make.regionalPicture({ occasionId: round.occasions[0]!.id, county: '07', submitted: true });
    returnedReporter = made.returned!.reporter;
    admin = new TestClient(t.app);
    await admin.login(...(await credentials(make.user('county_admin', { countyCode: '07' }))));
    coordinator = new TestClient(t.app);
    await coordinator.login(...(await credentials(make.user('national_coordinator'))));
    reporter = new TestClient(t.app);
    await reporter.login(returnedReporter.email, returnedReporter.password);
    await t.app.jobs.runDue();
  });
  afterAll(() => t?.close());

  const credentials = async (user: Promise<TestUser>): Promise<[string, string]> => {
    const u = await user;
    return [u.email, u.password];
  };

  it('uses the labels’ words, and no other, on every page, in the mail and in every file', async () => {
    const { round, occasion } = made.returned!;
    const problems: string[] = [];
    const seen: string[] = [];
    const page = async (client: TestClient, url: string) => {
      const p = await client.get(url);
      expect(p.status, url).toBe(200);
      const text = mainText(p.body, p.doc);
      seen.push(text);
      problems.push(...problemsIn(url, text));
    };
    const file = async (client: TestClient, url: string, read: (b: Buffer) => Promise<string> | string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: cookieOf(client) } });
      expect(res.statusCode, url).toBe(200);
      const text = await read(res.rawPayload);
      seen.push(text);
      problems.push(...problemsIn(url, text));
    };
    const csv = (b: Buffer) => {
      const rows: string[][] = parseCsv(b.toString('utf8'), { bom: true, delimiter: ';' });
      return rows.flat().join('\n');
    };

    // the county board's pages and files
    await page(admin, `/${county.slug}/admin`);
    await page(admin, urls.rounds(county));
    await page(admin, urls.round(county, round));
    await page(admin, urls.occasion(county, round, occasion));
    for (const r of Object.values(made)) await page(admin, urls.response(county, r.response));
    await page(admin, urls.regional(county, round, occasion));
    await file(admin, urls.answers(county, round, occasion, 'csv'), csv);
    await file(admin, urls.answers(county, round, occasion, 'xlsx'), xlsxText);
    await file(admin, urls.regionalDocx(county, round, occasion), docxText);
    // the reporter's
    await page(reporter, urls.assignments());
    await page(reporter, urls.assignment(occasion.id, made.returned!.organisation.id));
    // the national coordinator's
    await page(coordinator, urls.national(round, occasion));
    await page(coordinator, urls.nationalRegional(round, occasion, county));
    await file(coordinator, urls.nationalDocx(round, occasion), docxText);
    await file(coordinator, urls.nationalAnswers(round, occasion, 'csv'), csv);
    await file(coordinator, urls.nationalAnswers(round, occasion, 'xlsx'), xlsxText);
    await file(coordinator, urls.nationalRegionalDocx(round, occasion, county), docxText);
    // the mail telling the reporter that the answer was returned
    const mails = (await readMailbox(mailDirOf(t.config.dataDir))).filter(
      (m) => m.to === returnedReporter.email,
    );
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      seen.push(`${m.subject}\n${m.text}`);
      problems.push(...problemsIn(`e-post ”${m.subject}”`, `${m.subject}\n${m.text}`));
    }

    expect(problems).toEqual([]);
    // the scan read what it should: each status's own word is there
    const all = seen.join('\n');
    for (const word of [...Object.values(responseStatusLabels), NOT_STARTED, pictureStatusLabels.submitted])
      expect(all).toContain(word);
    expect(all).toMatch(/återlämnat ert svar/);
  });

  it('finds the words it forbids (the scan can fail)', () => {
    expect(problemsIn('x', 'Länsstyrelsen har lämnat tillbaka ert svar')).toHaveLength(1);
    expect(problemsIn('x', 'Historik: skickad 1 gång')).toHaveLength(1);
    expect(problemsIn('x', 'Status: returned')).toHaveLength(1);
    expect(problemsIn('x', '1 personer har roller i länet')).toHaveLength(1);
    expect(problemsIn('x', 'Inskickad; 12 personer; Återlämnat för komplettering; 2 kommuner')).toEqual([]);
  });
});

function cookieOf(client: TestClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
