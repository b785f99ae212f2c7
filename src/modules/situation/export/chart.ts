import { CHART_FONT, renderChart, type Chart, type ChartSpec } from '../../../platform/charts.ts';
import { levelText } from '../labels.ts';
import type { AreaDistribution, AreaRef } from '../picture.ts';

/** The order levels are shown in: the scale, then "vet ej", then those who did not answer. */
export const LEVEL_ORDER = ['1', '2', '3', '4', '5', 'unknown', 'missing'] as const;

export interface DistributionEntry extends Record<string, unknown> {
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

export const COUNT_TITLE = 'Antal svarande';

function chartSpec(entries: DistributionEntry[]): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    background: 'white',
    // room on the right for the count at the end of the longest bar
    padding: { top: 8, bottom: 8, left: 8, right: 28 },
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
        title: COUNT_TITLE,
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

/** The chart's text alternative; the numbers themselves are in the table beside the chart. */
export function chartDescription(area: AreaRef): string {
  return `Stapeldiagram: antal svarande per bedömd påverkan inom ${area.label}. Samma siffror finns i tabellen intill.`;
}

/** An area's distribution of levels as a bar chart, with its description and the table of its counts. */
export function distributionChart(area: AreaRef, distribution: AreaDistribution): Promise<Chart> {
  const entries = distributionEntries(distribution);
  return renderChart({
    spec: chartSpec(entries),
    rows: entries,
    description: chartDescription(area),
    table: {
      caption: `Fördelning: ${area.label}`,
      columns: [
        { field: 'label', title: 'Bedömd påverkan' },
        { field: 'count', title: COUNT_TITLE, numeric: true },
      ],
    },
  });
}

/** The chart alone, for the web page that shows its own table beside it (DistributionTable). */
export async function distributionChartSvg(area: AreaRef, distribution: AreaDistribution): Promise<string> {
  return (await distributionChart(area, distribution)).svg;
}
