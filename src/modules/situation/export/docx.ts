import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { measureStatusLabels, measureStatuses, type MeasureStatus } from '../../forms/index.ts';
import type {
  AreaDistribution,
  AreaRef,
  Completeness,
  MeasureRow,
  NationalPicture,
  PictureMeta,
  RegionalPicture,
  RiskRow,
} from '../picture.ts';
import type { ChosenQuote } from '../tables.ts';
import { chartDescription, distributionChartSvg, distributionEntries, levelText, svgToPng } from './chart.ts';

export { distributionChartSvg } from './chart.ts';

/** Widest image that fits an A4 page's text column (pixels at 96 dpi). */
const MAX_IMAGE_WIDTH = 600;

const decimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

const formatMean = (mean: number | null): string => (mean === null ? 'saknas' : decimal.format(mean));

function share(part: number, whole: number): string {
  return whole > 0 ? `${part} (${percent.format(part / whole)})` : String(part);
}

// ---- building blocks --------------------------------------------------------------------------------

const heading = (text: string, level: 1 | 2 | 3): Paragraph =>
  new Paragraph({
    text,
    heading:
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
  });

const paragraph = (text: string): Paragraph => new Paragraph({ text });

/** A paragraph right after a table needs room above it. */
const paragraphAfterTable = (text: string): Paragraph => new Paragraph({ text, spacing: { before: 120 } });

/** Free text as paragraphs, one per line the author wrote. */
function textBlock(text: string, whenEmpty: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [new Paragraph({ children: [new TextRun({ text: whenEmpty, italics: true })] })];
  return lines.map(paragraph);
}

/** The width of an A4 page's text column with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH_DXA = 11906 - 2 * 1440;

function cell(text: string, width: number, header: boolean, alignRight: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { after: 0 },
        children: [new TextRun({ text, bold: header, size: 20 })],
      }),
    ],
    shading: header ? { fill: 'E8E8E8' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

interface TableOptions {
  /** columns to right-align (numbers) */
  numeric?: number[];
  /** relative column widths; equal when left out */
  weights?: number[];
}

/**
 * A data table whose first row is marked as the header row (repeated on each page, announced by screen
 * readers), as wide as the text column.
 */
function dataTable(header: string[], rows: string[][], options: TableOptions = {}): Table {
  const weights = options.weights ?? header.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH_DXA * w) / sum));
  const numeric = options.numeric ?? [];
  const row = (values: string[], isHeader: boolean): TableRow =>
    new TableRow({
      tableHeader: isHeader,
      children: values.map((v, i) => cell(v, widths[i] ?? 0, isHeader, numeric.includes(i))),
    });
  return new Table({
    width: { size: TEXT_WIDTH_DXA, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

/** Word puts two tables in a row together; an empty paragraph keeps them apart. */
const spacer = (): Paragraph => new Paragraph({ text: '' });

function metaParagraphs(meta: PictureMeta, status: string | null): Paragraph[] {
  const lines = [
    new Paragraph({ children: [new TextRun({ text: meta.roundTitle, bold: true })] }),
    ...(meta.topic && meta.topic !== meta.roundTitle ? [paragraph(`Ämne: ${meta.topic}`)] : []),
    paragraph(`Rapporteringstillfälle: ${meta.occasionLabel}`),
    paragraph(`Sista svarsdag: ${formatDate(meta.deadlineAt)}`),
  ];
  if (status) lines.push(paragraph(status));
  return lines;
}

function completenessTable(c: Completeness): Table {
  return dataTable(
    ['Svar', 'Antal'],
    [
      ['Förväntade svar', String(c.expected)],
      ['Inkomna svar', share(c.received, c.expected)],
      ['Inkomna i tid', share(c.onTime, c.expected)],
      ['Godkända', share(c.approved, c.expected)],
    ],
    { numeric: [1], weights: [3, 1] },
  );
}

async function distributionSection(
  area: AreaRef,
  distribution: AreaDistribution | undefined,
): Promise<FileChild[]> {
  const d = distribution ?? {
    counts: {},
    mean: null,
    previousMean: null,
    change: { increased: 0, unchanged: 0, decreased: 0 },
  };
  const entries = distributionEntries(d);
  const image = svgToPng(await distributionChartSvg(area, d));
  const fit = Math.min(1, MAX_IMAGE_WIDTH / image.width);
  return [
    heading('Fördelning av bedömningar', 2),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: Math.round(image.width * fit), height: Math.round(image.height * fit) },
          altText: {
            name: `diagram-${area.key}`,
            title: `Fördelning av bedömningar: ${area.label}`,
            description: chartDescription(area),
          },
        }),
      ],
    }),
    dataTable(
      ['Bedömd påverkan', 'Antal svarande'],
      entries.map((e) => [e.label, String(e.count)]),
      { numeric: [1], weights: [3, 1] },
    ),
    paragraphAfterTable(`Medelvärde (skala 1–5, utan ”Vet ej” och obesvarade): ${formatMean(d.mean)}`),
  ];
}

function changeSection(
  distribution: AreaDistribution | undefined,
  previousOccasionLabel: string | null,
): FileChild[] {
  const title = previousOccasionLabel
    ? `Förändring sedan ${previousOccasionLabel}`
    : 'Förändring sedan föregående tillfälle';
  if (!previousOccasionLabel || !distribution) {
    return [heading(title, 2), paragraph('Det finns inget tidigare rapporteringstillfälle att jämföra med.')];
  }
  const c = distribution.change;
  return [
    heading(title, 2),
    paragraph(`Medelvärde: ${formatMean(distribution.previousMean)} → ${formatMean(distribution.mean)}`),
    dataTable(
      ['Förändring', 'Antal'],
      [
        ['Ökat', String(c.increased)],
        ['Oförändrat', String(c.unchanged)],
        ['Minskat', String(c.decreased)],
      ],
      { numeric: [1], weights: [3, 1] },
    ),
  ];
}

function levelTable(area: AreaRef, rows: RiskRow[], nameHeader: string, codeHeader: string): Table {
  return dataTable(
    [nameHeader, codeHeader, 'Bedömning', 'Föregående tillfälle'],
    rows.map((r) => [
      r.name,
      r.code ?? '',
      levelText(r.levels[area.key] ?? null),
      levelText(r.previousLevels[area.key] ?? null),
    ]),
    { weights: [3, 2, 3, 3] },
  );
}

function measureCountTable(counts: Record<MeasureStatus, number> | undefined): Table {
  return dataTable(
    ['Status', 'Antal åtgärder'],
    measureStatuses.map((s) => [measureStatusLabels[s], String(counts?.[s] ?? 0)]),
    { numeric: [1], weights: [3, 1] },
  );
}

function measureList(measures: MeasureRow[]): FileChild[] {
  if (!measures.length) return [paragraph('Inga åtgärder har rapporterats inom området.')];
  return [
    dataTable(
      ['Åtgärd', 'Status', 'Målgrupp', 'Ansvarig', 'Startdatum', 'Rapporterad av'],
      measures.map((m) => [
        m.description,
        measureStatusLabels[m.status],
        m.targetGroup,
        m.responsible,
        m.startDate,
        m.organisationName,
      ]),
      { weights: [3.5, 1.8, 2, 2.4, 2.3, 2.4] },
    ),
  ];
}

function quoteParagraphs(quotes: ChosenQuote[]): Paragraph[] {
  return quotes.flatMap((q) => [
    new Paragraph({
      indent: { left: 400 },
      children: [new TextRun({ text: `”${q.text.trim()}”`, italics: true })],
    }),
    new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: `– ${q.organisationName}` })] }),
  ]);
}

/**
 * Which area a quote belongs to. ChosenQuote carries only the question id; the template names an area's
 * questions `<area>_<part>`, so the prefix tells. Quotes that match no area are listed at the end.
 */
function quoteArea(q: ChosenQuote, areas: AreaRef[]): string | null {
  const byLongestKey = [...areas].sort((a, b) => b.key.length - a.key.length);
  return byLongestKey.find((a) => q.questionId.startsWith(`${a.key}_`))?.key ?? null;
}

async function renderDocument(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Samverkan',
    description: title,
    styles: {
      default: {
        document: {
          run: { language: { value: 'sv-SE' }, font: 'Arial', size: 22 },
          paragraph: { spacing: { after: 120 } },
        },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

// ---- the reports ------------------------------------------------------------------------------------

/** A county's lägesbild as a Word document: summaries, distributions with charts, levels per municipality. */
export async function regionalPictureToDocx(p: RegionalPicture): Promise<Buffer> {
  const title = `Regional lägesbild: ${p.county.name}`;
  const status =
    p.status === 'submitted' && p.submittedAt
      ? `Status: Inskickad ${formatDateTime(p.submittedAt)}`
      : p.status === 'submitted'
        ? 'Status: Inskickad'
        : 'Status: Utkast';
  const children: FileChild[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    ...metaParagraphs(p.meta, status),
    heading('Svarsfrekvens', 1),
    completenessTable(p.completeness),
  ];

  const quotesByArea = new Map<string | null, ChosenQuote[]>();
  for (const q of p.quotes) {
    const key = quoteArea(q, p.areas);
    quotesByArea.set(key, [...(quotesByArea.get(key) ?? []), q]);
  }

  for (const area of p.areas) {
    const distribution = p.distribution[area.key];
    const quotes = quotesByArea.get(area.key) ?? [];
    children.push(
      heading(area.label, 1),
      heading('Sammanfattning', 2),
      ...textBlock(p.summaries[area.key] ?? '', 'Ingen sammanfattning har skrivits för området.'),
      ...(await distributionSection(area, distribution)),
      ...changeSection(distribution, p.meta.previousOccasionLabel),
      heading('Bedömning per kommun', 2),
      levelTable(area, p.rows, 'Kommun', 'Kommunkod'),
      heading('Åtgärder', 2),
      measureCountTable(p.measureCounts[area.key]),
      spacer(),
      ...measureList(p.measures.filter((m) => m.area === area.key)),
      ...(quotes.length ? [heading('Utvalda citat', 2), ...quoteParagraphs(quotes)] : []),
    );
  }

  const otherQuotes = quotesByArea.get(null) ?? [];
  if (otherQuotes.length) children.push(heading('Övriga utvalda citat', 1), ...quoteParagraphs(otherQuotes));
  return renderDocument(title, children);
}

/** The national lägesbild as a Word document: counties as rows, the counties' own summaries per area. */
export async function nationalPictureToDocx(p: NationalPicture): Promise<Buffer> {
  const title = 'Nationell lägesbild';
  const total = p.counties.reduce<Completeness>(
    (sum, c) => ({
      expected: sum.expected + c.completeness.expected,
      received: sum.received + c.completeness.received,
      onTime: sum.onTime + c.completeness.onTime,
      approved: sum.approved + c.completeness.approved,
    }),
    { expected: 0, received: 0, onTime: 0, approved: 0 },
  );
  const submitted = p.counties.filter((c) => c.regionalSubmitted).length;

  const children: FileChild[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    ...metaParagraphs(p.meta, null),
    heading('Svarsfrekvens', 1),
    completenessTable(total),
    paragraphAfterTable(`Regionala lägesbilder inskickade: ${submitted} av ${p.counties.length}`),
    dataTable(
      ['Län', 'Förväntade svar', 'Inkomna svar', 'Inkomna i tid', 'Godkända', 'Regional lägesbild'],
      p.counties.map((c) => [
        c.name,
        String(c.completeness.expected),
        String(c.completeness.received),
        String(c.completeness.onTime),
        String(c.completeness.approved),
        c.regionalSubmitted ? 'Inskickad' : 'Inte inskickad',
      ]),
      { numeric: [1, 2, 3, 4], weights: [3, 2, 2, 2, 2, 2.5] },
    ),
  ];

  for (const area of p.areas) {
    const distribution = p.distribution[area.key];
    const regional = p.regionalSummaries.filter((r) => (r.summaries[area.key] ?? '').trim() !== '');
    children.push(
      heading(area.label, 1),
      heading('Sammanfattning', 2),
      ...textBlock(p.summaries[area.key] ?? '', 'Ingen sammanfattning har skrivits för området.'),
      ...(await distributionSection(area, distribution)),
      ...changeSection(distribution, p.meta.previousOccasionLabel),
      heading('Bedömning per län', 2),
      paragraph('Länets bedömning är medelvärdet av kommunernas bedömningar, avrundat till närmaste steg.'),
      levelTable(area, p.rows, 'Län', 'Länskod'),
      heading('Åtgärder', 2),
      measureCountTable(p.measureCounts[area.key]),
      ...(regional.length
        ? [
            heading('Länens sammanfattningar', 2),
            ...regional.flatMap((r) => [
              heading(r.countyName, 3),
              ...textBlock(r.summaries[area.key] ?? '', ''),
            ]),
          ]
        : []),
    );
  }
  return renderDocument(title, children);
}
