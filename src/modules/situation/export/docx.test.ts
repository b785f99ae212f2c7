import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionChartSvg } from './chart.ts';
import { nationalPictureToDocx, regionalPictureToDocx } from './docx.ts';
import {
  AREAS,
  MENTAL_HEALTH_SUMMARY,
  NATIONAL_SUMMARY,
  REGIONAL_SUMMARY_SKANE,
  VIOLENCE_SUMMARY,
  nationalPicture,
  regionalPicture,
} from './test-fixtures.ts';

const run = promisify(execFile);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A docx's text, read the way Word does: the runs of each paragraph joined, with each paragraph's style. */
interface DocxParagraph {
  style: string | null;
  text: string;
}

interface OpenedDocx {
  xml: string;
  paragraphs: DocxParagraph[];
  /** the text of every table cell */
  cells: string[];
  media: Array<{ name: string; data: Buffer }>;
}

function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? '')?.[1] ?? null,
    text: runsText(m[1] ?? ''),
  }));
  const cells = [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => runsText(m[1] ?? ''));
  const media = await Promise.all(
    Object.values(zip.files)
      .filter((f) => f.name.startsWith('word/media/') && !f.dir)
      .map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })),
  );
  return { xml, paragraphs, cells, media };
}

const withStyle = (doc: OpenedDocx, style: string): string[] =>
  doc.paragraphs.filter((p) => p.style === style).map((p) => p.text);

describe('regionalPictureToDocx', () => {
  let doc: OpenedDocx;
  beforeAll(async () => {
    doc = await openDocx(await regionalPictureToDocx(regionalPicture()));
  });

  it('has the title, the round, the occasion and the status', () => {
    expect(withStyle(doc, 'Title')).toEqual(['Regional lägesbild: Västra Götalands län']);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('Social problematik och utsatthet 2026');
    expect(texts).toContain('Rapporteringstillfälle: Höst 2026');
    expect(texts).toContain('Sista svarsdag: 10 oktober 2026');
    expect(texts).toContain('Status: Inskickad 2026-10-20 10:30');
  });

  it('has the completeness as a table', () => {
    expect(withStyle(doc, 'Heading1')[0]).toBe('Svarsfrekvens');
    expect(doc.cells.join('|')).toContain(
      'Förväntade svar|4|Inkomna svar|3 (75\u00a0%)|Inkomna i tid|2 (50\u00a0%)|Godkända|1 (25\u00a0%)',
    );
  });

  it('has a heading and the analyst summary per area, line by line, escaped', () => {
    expect(withStyle(doc, 'Heading1')).toEqual([
      'Svarsfrekvens',
      ...AREAS.map((a) => a.label),
      'Övriga utvalda citat',
    ]);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain(VIOLENCE_SUMMARY);
    expect(texts).toContain(MENTAL_HEALTH_SUMMARY);
    expect(texts).toContain('Se även <bilaga 2>.');
    expect(doc.xml).toContain('Se även &lt;bilaga 2&gt;.');
    expect(withStyle(doc, 'Heading2')).toEqual(
      expect.arrayContaining(['Sammanfattning', 'Fördelning av bedömningar', 'Förändring sedan Vår 2026']),
    );
  });

  it('lists each municipality with its level in Swedish, unanswered as "Ej besvarad"', () => {
    const cells = doc.cells.join('|');
    expect(cells).toContain('Kommun|Kommunkod|Bedömning|Föregående tillfälle');
    expect(cells).toContain('Borås stad|1490|4 – Stor påverkan|3 – Måttlig påverkan');
    expect(cells).toContain('Åmåls kommun|1492|Vet ej|2 – Liten påverkan');
    expect(cells).toContain('Öckerö kommun|1407|Ej besvarad|Ej besvarad');
    expect(cells).toContain('Åmåls kommun|1492|5 – Kritisk påverkan|Ej besvarad');
    // header rows are marked as such, for screen readers and page breaks
    expect(doc.xml).toContain('<w:tblHeader/>');
  });

  it('has the distribution as a table beside the chart, and the change since last time', () => {
    const cells = doc.cells.join('|');
    expect(cells).toContain(
      'Bedömd påverkan|Antal svarande|1 – Ingen påverkan|0|2 – Liten påverkan|0|3 – Måttlig påverkan|0|4 – Stor påverkan|1|5 – Kritisk påverkan|0|Vet ej|1|Ej besvarad|1',
    );
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('Medelvärde: 2,5 → 4,0');
    expect(cells).toContain('Förändring|Antal|Ökat|1|Oförändrat|0|Minskat|0');
  });

  it('counts and lists the measures of each area', () => {
    const cells = doc.cells.join('|');
    expect(cells).toContain('Status|Antal åtgärder|Planerad|1|Vidtagen|1');
    expect(cells).toContain(
      'Utbildning för hemtjänstens personal|Vidtagen|Äldre|Socialförvaltningen|2026-09-01|Borås stad',
    );
    expect(cells).toContain(
      'Informationskampanj i skolor|Planerad|Unga|Skolförvaltningen|2026-11-15|Åmåls kommun',
    );
    expect(doc.paragraphs.map((p) => p.text)).toContain('Inga åtgärder har rapporterats inom området.');
  });

  it('quotes under their area, and quotes of no area at the end', () => {
    const texts = doc.paragraphs.map((p) => p.text);
    const quote = texts.indexOf('”Vi ser fler ärenden där äldre utsätts av anhöriga.”');
    expect(quote).toBeGreaterThan(texts.indexOf(AREAS[0]!.label));
    expect(quote).toBeLessThan(texts.indexOf(AREAS[1]!.label));
    expect(texts[quote + 1]).toBe('– Borås stad');
    expect(withStyle(doc, 'Heading1').at(-1)).toBe('Övriga utvalda citat');
    expect(texts).toContain('”Elpriserna oroar många hushåll inför vintern.”');
  });

  it('embeds one PNG chart per area, with a text alternative', () => {
    const pngs = doc.media.filter((m) => m.name.endsWith('.png'));
    expect(doc.media).toHaveLength(AREAS.length);
    expect(pngs).toHaveLength(AREAS.length);
    for (const m of pngs) expect(m.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(doc.xml.match(/<pic:pic /g)).toHaveLength(AREAS.length);
    expect(doc.xml).toContain(
      'descr="Stapeldiagram: antal svarande per bedömd påverkan inom Psykisk ohälsa och isolering.',
    );
  });
});

describe('nationalPictureToDocx', () => {
  let doc: OpenedDocx;
  beforeAll(async () => {
    doc = await openDocx(await nationalPictureToDocx(nationalPicture()));
  });

  it('has the title, the totals and each county’s completeness', () => {
    expect(withStyle(doc, 'Title')).toEqual(['Nationell lägesbild']);
    const cells = doc.cells.join('|');
    expect(cells).toContain('Förväntade svar|47|Inkomna svar|40 (85\u00a0%)');
    // names first, codes second
    expect(cells).toContain('Skåne län|12|33|30|28|25|Inskickad');
    expect(cells).toContain('Norrbottens län|25|14|10|9|0|Ej inskickad');
    expect(doc.paragraphs.map((p) => p.text)).toContain('Regionala lägesbilder inskickade: 1 av 2');
  });

  it('has per area the national summary, levels per county and the counties’ own summaries', () => {
    expect(withStyle(doc, 'Heading1')).toEqual(['Svarsfrekvens', ...AREAS.map((a) => a.label)]);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain(NATIONAL_SUMMARY);
    expect(texts).toContain('Ingen sammanfattning har skrivits för området.');
    expect(withStyle(doc, 'Heading3')).toEqual(['Skåne län']);
    expect(texts).toContain(REGIONAL_SUMMARY_SKANE);
    const cells = doc.cells.join('|');
    expect(cells).toContain('Län|Länskod|Bedömning|Föregående tillfälle');
    expect(cells).toContain('Skåne län|12|3 – Måttlig påverkan|3 – Måttlig påverkan');
    expect(cells).toContain('Norrbottens län|25|Ej besvarad|2 – Liten påverkan');
    expect(cells).toContain('Status|Antal åtgärder|Planerad|12|Vidtagen|7');
  });

  it('embeds one PNG chart per area', () => {
    expect(doc.media.filter((m) => m.name.endsWith('.png'))).toHaveLength(AREAS.length);
  });
});

describe('distributionChartSvg', () => {
  it('draws the levels in Swedish with their counts, labelled for screen readers', async () => {
    const svg = await distributionChartSvg(AREAS[0]!, regionalPicture().distribution.violence!);
    expect(svg.startsWith('<svg role="img" aria-label="Stapeldiagram: antal svarande')).toBe(true);
    expect(svg).toContain('<title>Stapeldiagram');
    for (const label of [
      '1 – Ingen påverkan',
      '5 – Kritisk påverkan',
      'Vet ej',
      'Ej besvarad',
      'Antal svarande',
    ])
      expect(svg).toContain(`>${label}<`);
    expect(svg.match(/<path[^>]*class="[^"]*"/g)).not.toBeNull();
  });
});

// ---- opened by LibreOffice -------------------------------------------------------------------------

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const officeTools = hasCommand('soffice') && hasCommand('pdftotext');
const required = process.env.CI === 'true';

describe.skipIf(!officeTools && !required)('the reports as LibreOffice reads them', () => {
  let dir = '';
  const text: Record<'regional' | 'national', string> = { regional: '', national: '' };

  beforeAll(async () => {
    if (!officeTools)
      throw new Error('soffice (LibreOffice) och pdftotext (poppler-utils) krävs med CI=true.');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-docx-'));
    const files = {
      regional: path.join(dir, 'regional.docx'),
      national: path.join(dir, 'national.docx'),
    };
    await fs.writeFile(files.regional, await regionalPictureToDocx(regionalPicture()));
    await fs.writeFile(files.national, await nationalPictureToDocx(nationalPicture()));
    // One start of LibreOffice for both files, with a profile of its own so parallel runs do not collide.
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        files.regional,
        files.national,
      ],
      { timeout: 150_000 },
    );
    for (const name of ['regional', 'national'] as const) {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, `${name}.pdf`), '-']);
      // pdftotext breaks long lines where the page did; compare on words, not line ends
      text[name] = stdout.replace(/\s+/g, ' ');
    }
  }, 180_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('shows the county, the area headings, a summary and the tables of the regional report', () => {
    expect(text.regional).toContain('Regional lägesbild: Västra Götalands län');
    expect(text.regional).toContain('Psykisk ohälsa och isolering');
    expect(text.regional).toContain('Kommunerna ser fler orosanmälningar än i våras.');
    expect(text.regional).toContain('Öckerö kommun');
    expect(text.regional).toContain('Ej besvarad');
  });

  it('shows the national report’s headings and summaries', () => {
    expect(text.national).toContain('Nationell lägesbild');
    expect(text.national).toContain('Psykisk ohälsa och isolering');
    expect(text.national).toContain(NATIONAL_SUMMARY);
    expect(text.national).toContain(REGIONAL_SUMMARY_SKANE);
  });
});
