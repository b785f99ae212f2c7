import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

// vega and vega-lite take a third of a second to load: only a process that draws a chart pays for them.
let renderer: Promise<[typeof Vega, typeof VegaLite]> | undefined;
const loadRenderer = () => (renderer ??= Promise.all([import('vega'), import('vega-lite')]));
// resvg (a native addon, some 4 MB resident) only where a chart becomes a PNG (Word reports); required, not
// imported, so svgToPng stays synchronous.
let resvg: typeof ResvgJs | undefined;
const loadResvg = () => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgJs);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A vega-lite spec without data or description: the chart's rows and text are given beside it, once. */
export type ChartSpec = DistributiveOmit<TopLevelSpec, 'data' | 'description'>;

export interface ChartColumn<Row> {
  field: keyof Row & string;
  title: string;
  /** right-aligned, as numbers are */
  numeric?: boolean;
}

export interface ChartInput<Row extends Record<string, unknown>> {
  spec: ChartSpec;
  /** what the chart draws; the data table shows the same rows */
  rows: Row[];
  /** the chart's text alternative: what it shows, in a sentence or two */
  description: string;
  table: { caption: string; columns: Array<ChartColumn<Row>> };
}

/** A chart's numbers as a table, ready for a page, a Word table or a sheet. */
export interface ChartTable {
  caption: string;
  header: string[];
  rows: string[][];
  /** the indexes of the numeric columns */
  numeric: number[];
}

/** A chart never comes alone: the picture, the sentence that describes it and the table of its numbers. */
export interface Chart {
  /** SVG with role="img", an aria-label and a <title> carrying the description */
  svg: string;
  description: string;
  table: ChartTable;
}

/**
 * The font of every SVG the product draws (charts, maps): SVG text inherits no font from the page, and
 * without one it is drawn in the browser's serif. Arial or Helvetica where they are (Word, LibreOffice,
 * browsers), else the sans-serif; the PNG renderer's sans-serif is DejaVu Sans (Debian's fonts-dejavu-core).
 */
export const CHART_FONT = 'Arial, Helvetica, sans-serif';

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberFormat.format(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Charts drawn lately, by everything they are drawn from: a page read again costs no second drawing. */
const drawn = new Map<string, Promise<Chart>>();
const DRAWN_MAX = 500;

/**
 * Renders a vega-lite chart to SVG on the server (vega without a browser) and returns it with its text
 * description and the table of the same rows, so that every chart shown anywhere can carry both. The same
 * input gives the same chart, so a chart is drawn once per version of its data (a submitted picture's
 * charts once ever), however many read the page.
 */
export function renderChart<Row extends Record<string, unknown>>(input: ChartInput<Row>): Promise<Chart> {
  const key = JSON.stringify([input.spec, input.rows, input.description, input.table]);
  const hit = drawn.get(key);
  if (hit) {
    // Most recently used last: the oldest is the first to go.
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const chart = draw(input);
  drawn.set(key, chart);
  chart.catch(() => drawn.delete(key));
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  return chart;
}

async function draw<Row extends Record<string, unknown>>(input: ChartInput<Row>): Promise<Chart> {
  const spec = {
    ...input.spec,
    data: { values: input.rows },
    description: input.description,
  } as TopLevelSpec;
  const [vega, vegaLite] = await loadRenderer();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const label = escapeXml(input.description);
  const { columns } = input.table;
  return {
    svg: svg
      .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
      .replace(/>/, `><title>${label}</title>`),
    description: input.description,
    table: {
      caption: input.table.caption,
      header: columns.map((c) => c.title),
      rows: input.rows.map((row) => columns.map((c) => cellText(row[c.field]))),
      numeric: columns.flatMap((c, i) => (c.numeric ? [i] : [])),
    },
  };
}

export interface ChartImage {
  png: Buffer;
  /** the size in CSS pixels */
  width: number;
  height: number;
}

/** An SVG as a PNG at `scale` times its size (sharp in print), with its size in CSS pixels for the page. */
export function svgToPng(svg: string, scale = 2): ChartImage {
  const image = new (loadResvg().Resvg)(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  const rendered = image.render();
  return { png: rendered.asPng(), width: rendered.width / scale, height: rendered.height / scale };
}
