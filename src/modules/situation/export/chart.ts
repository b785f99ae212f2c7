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

/**
 * Text sizes in CSS pixels. The chart is drawn no wider than a phone's column (CHART_WIDTH) and shown at its
 * own size, never scaled down on a 390-px screen nor up on a wide one, so these are the sizes a reader sees:
 * the body text's size for the words and numbers that carry the meaning, a little less for the axis.
 */
export const CHART_TEXT = { label: 16, count: 16, tick: 14, title: 14 } as const;
/** The whole chart's width, padding included: what a 390-px phone has for it inside the page's margins. */
export const CHART_WIDTH = 340;
/** Room right of the plot for the count at the end of the longest bar (three digits, bold). */
const COUNT_ROOM = 44;
const PAD = 8;
const ROW = 52;
const BAR = 18;

/**
 * One row per level: its words on a line of their own above its bar, the count at the bar's end. The words
 * need no column beside the bars (which a phone has no room for, and whose width the server cannot measure
 * without a browser), and the bars get the whole width.
 */
function chartSpec(entries: DistributionEntry[]): ChartSpec {
  const y = {
    field: 'label',
    type: 'nominal',
    sort: entries.map((e) => e.label),
    axis: null,
    scale: { paddingInner: 0, paddingOuter: 0 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // the counts reach into the room left beside the plot; the padding goes round all of it
    width: CHART_WIDTH - COUNT_ROOM - 2 * PAD,
    height: { step: ROW },
    background: 'white',
    padding: { top: 4, bottom: PAD, left: PAD, right: PAD },
    encoding: {
      y,
      x: {
        field: 'count',
        type: 'quantitative',
        title: COUNT_TITLE,
        axis: {
          tickMinStep: 1,
          format: 'd',
          tickCount: 5,
          labelFontSize: CHART_TEXT.tick,
          titleFontSize: CHART_TEXT.title,
          titleFontWeight: 'normal',
          labelOverlap: true,
        },
      },
    },
    layer: [
      {
        // the level's words, on the upper half of its row
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          fontSize: CHART_TEXT.label,
          color: '#0b0c0c',
          yOffset: -2,
        },
        encoding: { x: { datum: 0 }, text: { field: 'label' } },
      },
      {
        mark: { type: 'bar', height: BAR, yOffset: BAR / 2 + 2 },
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
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 4,
          yOffset: BAR / 2 + 2,
          fontSize: CHART_TEXT.count,
          fontWeight: 'bold',
          color: '#0b0c0c',
        },
        encoding: { text: { field: 'count', type: 'quantitative' } },
      },
    ],
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      axis: {
        labelColor: '#0b0c0c',
        titleColor: '#0b0c0c',
        domainColor: '#505a5f',
        tickColor: '#505a5f',
        grid: false,
      },
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
