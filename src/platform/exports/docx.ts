import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';

export type { FileChild } from 'docx';

/** The width of an A4 page's text column with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH_DXA = 11906 - 2 * 1440;

/** Widest image that fits an A4 page's text column (pixels at 96 dpi). */
const MAX_IMAGE_WIDTH = 600;

/** The document's title: Word's Title style, which a reader's navigation shows above the headings. */
export const title = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.TITLE });

export const heading = (text: string, level: 1 | 2 | 3): Paragraph =>
  new Paragraph({
    text,
    heading:
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
  });

export const paragraph = (text: string): Paragraph => new Paragraph({ text });

export const boldParagraph = (text: string): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, bold: true })] });

/** A paragraph right after a table needs room above it. */
export const paragraphAfterTable = (text: string): Paragraph =>
  new Paragraph({ text, spacing: { before: 120 } });

/** Word puts two tables in a row together; an empty paragraph keeps them apart. */
export const spacer = (): Paragraph => new Paragraph({ text: '' });

/** Free text as paragraphs, one per line the author wrote; an italic note when there is none. */
export function textBlock(text: string, whenEmpty: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [new Paragraph({ children: [new TextRun({ text: whenEmpty, italics: true })] })];
  return lines.map(paragraph);
}

/** A quotation, indented and in italics, with its source below it. */
export function quotation(text: string, source: string): Paragraph[] {
  return [
    new Paragraph({
      indent: { left: 400 },
      children: [new TextRun({ text: `”${text.trim()}”`, italics: true })],
    }),
    new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: `– ${source}` })] }),
  ];
}

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

export interface TableOptions {
  /** columns to right-align (numbers) */
  numeric?: number[];
  /** relative column widths; equal when left out */
  weights?: number[];
}

/** Twentieths of a point a character of 10 pt Arial takes at most on average (bold included), and a cell's margins. */
const CHAR_DXA = 110;
const CELL_MARGINS_DXA = 2 * 80 + 40;

/** The longest word of a text, in characters: what a column must hold so that no word is broken. */
const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));

/**
 * Column widths by weight, but never narrower than the column's longest word: Word breaks a word that does
 * not fit ("Startdatu-m"). What the wide columns give up goes to the narrow ones, in proportion.
 */
export function columnWidths(header: string[], rows: string[][], weights: number[]): number[] {
  const need = header.map(
    (h, i) =>
      Math.max(longestWord(h), ...rows.map((r) => longestWord(r[i] ?? ''))) * CHAR_DXA + CELL_MARGINS_DXA,
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (TEXT_WIDTH_DXA * w) / sum);
  const short = widths.reduce((s, w, i) => s + Math.max(0, need[i]! - w), 0);
  const spare = widths.reduce((s, w, i) => s + Math.max(0, w - need[i]!), 0);
  if (short === 0 || spare === 0) return widths.map((w) => Math.floor(w));
  // The narrow columns get what they lack (or their share of what there is); the wide ones give it, in proportion.
  const up = Math.min(1, spare / short);
  const down = Math.min(1, short / spare);
  return widths.map((w, i) => Math.floor(w < need[i]! ? w + (need[i]! - w) * up : w - (w - need[i]!) * down));
}

/**
 * A data table whose first row is marked as the header row (repeated on each page, announced by screen
 * readers), as wide as the text column.
 */
export function dataTable(header: string[], rows: string[][], options: TableOptions = {}): Table {
  const widths = columnWidths(header, rows, options.weights ?? header.map(() => 1));
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

export interface DocxImage {
  png: Buffer;
  /** the size in CSS pixels */
  width: number;
  height: number;
  /** a unique name within the document */
  name: string;
  title: string;
  /** the text alternative screen readers announce */
  description: string;
}

/** A PNG as a paragraph of its own, scaled down to the text column, with its text alternative. */
export function image(img: DocxImage): Paragraph {
  const fit = Math.min(1, MAX_IMAGE_WIDTH / img.width);
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: img.png,
        transformation: { width: Math.round(img.width * fit), height: Math.round(img.height * fit) },
        altText: { name: img.name, title: img.title, description: img.description },
      }),
    ],
  });
}

export interface DocumentOptions {
  title: string;
  children: FileChild[];
  /** the language of the text (spell checking, screen readers); Swedish unless told */
  language?: string;
  /** the page footer's words around the numbers: "Sida 2 av 7" */
  pageLabel?: { page: string; of: string };
}

/** The document as a .docx file: Arial 11 pt, the language set, "Sida n av m" in every page's footer. */
export async function renderDocument(opts: DocumentOptions): Promise<Buffer> {
  const words = opts.pageLabel ?? { page: 'Sida', of: 'av' };
  const doc = new Document({
    title: opts.title,
    creator: 'Samverkan',
    description: opts.title,
    styles: {
      default: {
        document: {
          run: { language: { value: opts.language ?? 'sv-SE' }, font: 'Arial', size: 22 },
          paragraph: { spacing: { after: 120 } },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [`${words.page} `, PageNumber.CURRENT, ` ${words.of} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: opts.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
