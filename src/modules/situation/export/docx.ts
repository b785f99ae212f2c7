import { svgToPng } from '../../../platform/charts.ts';
import {
  boldParagraph,
  dataTable,
  heading,
  image,
  paragraph,
  paragraphAfterTable,
  quotation,
  renderDocument,
  spacer,
  textBlock,
  title as titleParagraph,
  type FileChild,
} from '../../../platform/exports/docx.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { measureStatuses, type MeasureStatus } from '../../forms/index.ts';
import {
  changeLabels,
  levelText,
  measureStatusLabels,
  NOT_ANSWERED,
  pictureStatusLabels,
  pictureSubmittedText,
} from '../labels.ts';
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
import { distributionChart } from './chart.ts';

const decimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

const formatMean = (mean: number | null): string => (mean === null ? 'saknas' : decimal.format(mean));

function share(part: number, whole: number): string {
  return whole > 0 ? `${part} (${percent.format(part / whole)})` : String(part);
}

function metaParagraphs(meta: PictureMeta, status: string | null): FileChild[] {
  const lines = [
    boldParagraph(meta.roundTitle),
    ...(meta.topic && meta.topic !== meta.roundTitle ? [paragraph(`Ämne: ${meta.topic}`)] : []),
    paragraph(`Rapporteringstillfälle: ${meta.occasionLabel}`),
    paragraph(`Sista svarsdag: ${formatDate(meta.deadlineAt)}`),
  ];
  if (status) lines.push(paragraph(status));
  return lines;
}

function completenessTable(c: Completeness): FileChild {
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
  const chart = await distributionChart(area, d);
  const png = svgToPng(chart.svg);
  return [
    heading('Fördelning av bedömningar', 2),
    image({
      ...png,
      name: `diagram-${area.key}`,
      title: `Fördelning av bedömningar: ${area.label}`,
      description: chart.description,
    }),
    dataTable(chart.table.header, chart.table.rows, { numeric: chart.table.numeric, weights: [3, 1] }),
    paragraphAfterTable(
      `Medelvärde (skala 1–5, utan ”${levelText('unknown')}” och ”${NOT_ANSWERED}”): ${formatMean(d.mean)}`,
    ),
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
        [changeLabels.increased, String(c.increased)],
        [changeLabels.unchanged, String(c.unchanged)],
        [changeLabels.decreased, String(c.decreased)],
      ],
      { numeric: [1], weights: [3, 1] },
    ),
  ];
}

function levelTable(area: AreaRef, rows: RiskRow[], nameHeader: string, codeHeader: string): FileChild {
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

function measureCountTable(counts: Record<MeasureStatus, number> | undefined): FileChild {
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

function quoteParagraphs(quotes: ChosenQuote[]): FileChild[] {
  return quotes.flatMap((q) => quotation(q.text, q.organisationName));
}

/**
 * Which area a quote belongs to. ChosenQuote carries only the question id; the template names an area's
 * questions `<area>_<part>`, so the prefix tells. Quotes that match no area are listed at the end.
 */
function quoteArea(q: ChosenQuote, areas: AreaRef[]): string | null {
  const byLongestKey = [...areas].sort((a, b) => b.key.length - a.key.length);
  return byLongestKey.find((a) => q.questionId.startsWith(`${a.key}_`))?.key ?? null;
}

// ---- the reports ------------------------------------------------------------------------------------

/** A county's lägesbild as a Word document: summaries, distributions with charts, levels per municipality. */
export async function regionalPictureToDocx(p: RegionalPicture): Promise<Buffer> {
  const title = `Regional lägesbild: ${p.county.name}`;
  const submittedAt = p.status === 'submitted' && p.submittedAt ? ` ${formatDateTime(p.submittedAt)}` : '';
  const status = `Status: ${pictureStatusLabels[p.status]}${submittedAt}`;
  const children: FileChild[] = [
    titleParagraph(title),
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
  return renderDocument({ title, children });
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
    titleParagraph(title),
    ...metaParagraphs(p.meta, null),
    heading('Svarsfrekvens', 1),
    completenessTable(total),
    paragraphAfterTable(`Regionala lägesbilder inskickade: ${submitted} av ${p.counties.length}`),
    dataTable(
      [
        'Län',
        'Länskod',
        'Förväntade svar',
        'Inkomna svar',
        'Inkomna i tid',
        'Godkända',
        'Regional lägesbild',
      ],
      p.counties.map((c) => [
        c.name,
        c.code,
        String(c.completeness.expected),
        String(c.completeness.received),
        String(c.completeness.onTime),
        String(c.completeness.approved),
        pictureSubmittedText(c.regionalSubmitted),
      ]),
      { numeric: [2, 3, 4, 5], weights: [3, 1.5, 2, 2, 2, 2, 2.5] },
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
  return renderDocument({ title, children });
}
