import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { CHART_TEXT, CHART_WIDTH, distributionChart } from './chart.ts';

const area = { key: 'violence', label: 'Våld i nära relationer' } as const;
const distribution = {
  counts: { '1': 0, '2': 3, '3': 12, '4': 2, '5': 0, unknown: 1, missing: 4 },
  mean: 2.9,
  previousMean: null,
  change: { increased: 0, unchanged: 0, decreased: 0 },
};

/** Chart text shown at the chart's own size: what a reader sees at 100 % zoom, also on a phone. */
const MIN_TEXT_PX = 14;

describe('the distribution chart is legible where it is shown', () => {
  it('names a sans-serif font for all its text, no smaller than 14 px', async () => {
    const doc = parse((await distributionChart(area, distribution)).svg);
    const texts = doc.querySelectorAll('text');
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) {
      expect(t.getAttribute('font-family'), t.text).toMatch(/^Arial, Helvetica, sans-serif$/);
      expect(parseFloat(t.getAttribute('font-size') ?? '0'), t.text).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
    expect(Math.min(...Object.values(CHART_TEXT))).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });

  it('fits a 390-px phone unscaled, and every level and count is written out, none cut short', async () => {
    const doc = parse((await distributionChart(area, distribution)).svg);
    const svg = doc.querySelector('svg')!;
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(CHART_WIDTH);
    const words = doc.querySelectorAll('text').map((t) => t.text);
    for (const level of ['1 – Ingen påverkan', '5 – Kritisk påverkan', 'Vet ej', 'Ej besvarad'])
      expect(words).toContain(level);
    expect(words.filter((w) => w.includes('…'))).toEqual([]);
    expect(words).toContain('12');
  });

  it('carries a title and an accessible name, and the table of its numbers', async () => {
    const chart = await distributionChart(area, distribution);
    const svg = parse(chart.svg).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('Våld i nära relationer');
    expect(svg.querySelector('title')?.text).toBe(chart.description);
    expect(chart.table.caption).toBe('Fördelning: Våld i nära relationer');
    expect(chart.table.rows).toContainEqual(['3 – Måttlig påverkan', '12']);
  });
});
