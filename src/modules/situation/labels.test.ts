import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/authz.ts';
import { rowsToCsv } from '../../platform/exports/csv.ts';
import { rowsToXlsx } from '../../platform/exports/xlsx.ts';
import { translator } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { emptyForm } from '../../platform/validation.ts';
import type { Definition } from '../forms/index.ts';
import { defaultDefinition } from './default-template.ts';
import { distributionChartSvg } from './export/chart.ts';
import { nationalPictureToDocx, regionalPictureToDocx } from './export/docx.ts';
import { answerRows } from './export/tabular.ts';
import { AREAS, nationalPicture, regionalPicture } from './export/test-fixtures.ts';
import { levelText, measureStatusLabels, pictureStatusLabels, responseStatusLabels } from './labels.ts';
import type { RegionalPicture } from './picture.ts';
import type { ResponseStatus } from './tables.ts';
import { LevelTag, StatusTag } from './views/parts.tsx';
import { NationalPicturePage, RegionalPicturePage } from './views/picture.tsx';

const ctx: PageContext = {
  locale: 'sv',
  t: translator('sv'),
  actor: ANONYMOUS,
  csrfToken: 'token',
  path: '/',
  flash: undefined,
  nav: [],
  counties: [],
  currentCounty: undefined,
  banners: [],
};

const html = async (element: JSX.Element) => parseHtml(await element);
const text = async (element: JSX.Element) => (await html(element)).text.trim();

/** The text of every table cell and paragraph in a Word file, in order. */
async function wordTexts(file: Buffer): Promise<{ cells: string[]; paragraphs: string[] }> {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  const runs = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return {
    cells: [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => runs(m[1] ?? '')),
    paragraphs: [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => runs(m[1] ?? '')),
  };
}

async function xlsxCell(rows: string[][], row: number, col: number): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await rowsToXlsx(rows, 'Svar')).buffer);
  return workbook.worksheets[0]!.getRow(row).getCell(col).value;
}

const definition: Definition = {
  areas: defaultDefinition.areas.slice(0, 1),
  sections: [defaultDefinition.sections[0]!],
};

function answers(status: ResponseStatus) {
  return answerRows({
    definition,
    responses: [
      {
        countyName: 'Uppsala län',
        organisationName: 'Knivsta kommun',
        municipalityCode: '0330',
        status,
        submittedAt: null,
        answers: {
          violence_risk: '4',
          violence_explanation: 'Fler ärenden.',
          violence_measures: [
            { description: 'Kurs', status: 'taken', targetGroup: '', responsible: '', startDate: '' },
          ],
        },
      },
    ],
  });
}

const regionalPage = (p: RegionalPicture) =>
  html(
    RegionalPicturePage({
      ctx,
      p,
      base: '/uppsala/lagesbild/r/o/sammanstallning',
      docx: '/uppsala/lagesbild/r/o/sammanstallning.docx',
      answers: undefined,
      breadcrumbs: [],
      abilities: { canEdit: false, canSubmit: false, canRecall: false },
      charts: {},
      form: emptyForm(),
    }),
  );

describe('one wording per concept in the web pages, Excel, CSV and Word', () => {
  it('says a response’s status with the same Swedish word on the web and in Excel and CSV', async () => {
    for (const status of ['draft', 'submitted', 'returned', 'approved'] as const) {
      const word = responseStatusLabels[status];
      const rows = answers(status);
      const statusColumn = rows[0]!.indexOf('Status');
      const csv: string[][] = parseCsv(rowsToCsv(rows), { bom: true, delimiter: ';' });
      expect({
        web: await text(StatusTag({ status })),
        rows: rows[1]![statusColumn],
        csv: csv[1]![statusColumn],
        excel: await xlsxCell(rows, 2, statusColumn + 1),
      }).toEqual({ web: word, rows: word, csv: word, excel: word });
      expect(word).not.toBe(status);
    }
  });

  it('says a regional picture’s status alike on its page and in its Word report', async () => {
    for (const status of ['draft', 'submitted'] as const) {
      const p = { ...regionalPicture(), status };
      const word = pictureStatusLabels[status];
      const tag = (await regionalPage(p)).querySelector('main .govuk-tag')!.text.trim();
      expect(tag.split(' ')[0]).toBe(word);
      const { paragraphs } = await wordTexts(await regionalPictureToDocx(p));
      expect(paragraphs.find((t) => t.startsWith('Status: '))?.split(' ')[1]).toBe(word);
    }
    // the coordinator's table of counties, on the page and in Word
    const national = await html(
      NationalPicturePage({
        ctx,
        p: nationalPicture(),
        answers: undefined,
        map: undefined,
        base: '/nationellt/lagesbild/r/o',
        docx: '/nationellt/lagesbild/r/o.docx',
        close: '/nationellt/lagesbild/r/o/stang',
        abilities: { canEdit: false, canClose: false },
        form: emptyForm(),
      }),
    );
    const webRows = national
      .querySelectorAll('main tr')
      .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()))
      .filter((r) => r[0] === 'Skåne län' || r[0] === 'Norrbottens län')
      .map((r) => [r[0], r.at(-2)]);
    const { cells } = await wordTexts(await nationalPictureToDocx(nationalPicture()));
    const countyColumns = 7;
    const wordRows = ['Skåne län', 'Norrbottens län'].map((name) => {
      const i = cells.findIndex((c, j) => c === name && cells[j + countyColumns - 1] !== undefined);
      return [name, cells[i + countyColumns - 1]];
    });
    expect(webRows).toContainEqual(wordRows[0]);
    expect(webRows).toContainEqual(wordRows[1]);
    expect(wordRows[0]![1]).toBe(pictureStatusLabels.submitted);
  });

  it('says a measure’s status alike on the picture page, in Word and in the Excel answers', async () => {
    const p = regionalPicture();
    const page = await regionalPage(p);
    const { cells } = await wordTexts(await regionalPictureToDocx(p));
    const exported = answers('submitted')
      .find((r) => r[7] === 'Planerade och vidtagna åtgärder')!
      .at(-1)!;
    for (const m of p.measures) {
      const word = measureStatusLabels[m.status];
      const webRow = page
        .querySelectorAll('main tr')
        .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()))
        .find((r) => r.includes(m.description));
      expect(webRow).toContain(word);
      const i = cells.indexOf(m.description);
      expect(cells[i + 1]).toBe(word);
    }
    expect(exported).toContain(measureStatusLabels.taken.toLowerCase());
  });

  it('says a risk level alike in the web tag, the Word table, the chart and the Excel answers', async () => {
    const word = levelText('4');
    expect(word).toBe('4 – Stor påverkan');
    expect(await text(LevelTag({ level: '4' }))).toBe(word);
    expect(await text(LevelTag({ level: null }))).toBe(levelText(null));
    expect(await text(LevelTag({ level: 'unknown' }))).toBe(levelText('unknown'));
    const { cells } = await wordTexts(await regionalPictureToDocx(regionalPicture()));
    expect(cells[cells.indexOf('Borås stad') + 2]).toBe(word);
    const svg = await distributionChartSvg(AREAS[0]!, regionalPicture().distribution.violence!);
    expect(svg).toContain(`>${word}<`);
    expect(
      answers('submitted')
        .find((r) => r[6] === '1.1')!
        .at(-1),
    ).toBe(word);
  });
});
