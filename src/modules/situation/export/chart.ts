import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { RISK_SCALE_LABELS } from '../default-template.ts';
import type { AreaDistribution, AreaRef, Level } from '../picture.ts';

/** The order levels are shown in: the scale, then "vet ej", then those who did not answer. */
export const LEVEL_ORDER = ['1', '2', '3', '4', '5', 'unknown', 'missing'] as const;

export const NOT_ANSWERED = 'Ej besvarad';

/** A level (or the distribution's 'missing') as Swedish text: "4 – Stor påverkan", "Vet ej", "Ej besvarad". */
export function levelText(level: Level): string {
  if (level === null || level === 'missing') return NOT_ANSWERED;
  const label = RISK_SCALE_LABELS[level];
  if (label === undefined) return level;
  return /^\d+$/.test(level) ? `${level} – ${label}` : label;
}

export interface DistributionEntry {
  level: string;
  label: string;
  count: number;
}

/** The distribution's counts in LEVEL_ORDER, every level present (0 when nobody chose it). */
export function distributionEntries(distribution: AreaDistribution): DistributionEntry[] {
  return LEVEL_ORDER.map((level) => ({
    level,
    label: levelText(level),
    count: distribution.counts[level] ?? 0,
  }));
}

// Dark enough for 3:1 against white (WCAG 1.4.11); the axis labels carry the meaning, not the colour.
const LEVEL_COLOURS: Record<(typeof LEVEL_ORDER)[number], string> = {
  '1': '#00703c',
  '2': '#4f7a28',
  '3': '#946200',
  '4': '#c2410c',
  '5': '#a4133c',
  unknown: '#505a5f',
  missing: '#6f777b',
};

/** Chart fonts: DejaVu Sans is what the PNG renderer finds on the servers (Debian's fonts-dejavu-core). */
const CHART_FONT = 'Arial, "DejaVu Sans", sans-serif';

function chartSpec(entries: DistributionEntry[], description: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 360,
    background: 'white',
    // room on the right for the count at the end of the longest bar
    padding: { top: 8, bottom: 8, left: 8, right: 28 },
    data: { values: entries },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: entries.map((e) => e.label),
        title: null,
        axis: { labelLimit: 200, labelFontSize: 12 },
      },
      x: {
        field: 'count',
        type: 'quantitative',
        title: 'Antal svarande',
        axis: { tickMinStep: 1, format: 'd', labelFontSize: 11, titleFontSize: 12 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: {
          color: {
            field: 'level',
            type: 'nominal',
            scale: { domain: [...LEVEL_ORDER], range: LEVEL_ORDER.map((l) => LEVEL_COLOURS[l]) },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, color: '#0b0c0c' },
        encoding: { text: { field: 'count', type: 'quantitative' } },
      },
    ],
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      axis: { labelColor: '#0b0c0c', titleColor: '#0b0c0c' },
    },
  };
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart's text alternative; the numbers themselves are in the table beside the chart. */
export function chartDescription(area: AreaRef): string {
  return `Stapeldiagram: antal svarande per bedömd påverkan inom ${area.label}. Samma siffror finns i tabellen intill.`;
}

/**
 * A bar chart of an area's distribution of levels as SVG, for the web page to inline and the Word report
 * to rasterise. Rendered by vega without a browser; the root carries role="img" and a text alternative.
 */
export async function distributionChartSvg(area: AreaRef, distribution: AreaDistribution): Promise<string> {
  const description = chartDescription(area);
  const view = new vega.View(
    vega.parse(compile(chartSpec(distributionEntries(distribution), description)).spec),
    {
      renderer: 'none',
    },
  );
  try {
    const svg = await view.toSVG();
    const label = escapeXml(description);
    return svg
      .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
      .replace(/>/, `><title>${label}</title>`);
  } finally {
    view.finalize();
  }
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

/** The SVG as a PNG at twice its size (sharp in print), with its size in CSS pixels for the page. */
export function svgToPng(svg: string, scale = 2): ChartImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  const rendered = resvg.render();
  return { png: rendered.asPng(), width: rendered.width / scale, height: rendered.height / scale };
}
