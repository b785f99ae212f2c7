import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderChart, svgToPng, type ChartSpec } from './charts.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const spec: ChartSpec = {
  width: 200,
  mark: 'bar',
  encoding: {
    y: { field: 'label', type: 'nominal', title: null },
    x: { field: 'count', type: 'quantitative', title: 'Antal' },
  },
};

const rows = [
  { label: 'Ökat', count: 3, share: 0.5 },
  { label: 'Minskat <kraftigt>', count: 1, share: 1.25 },
];

describe('renderChart', () => {
  it('returns the SVG, its description and the table of the same rows', async () => {
    const chart = await renderChart({
      spec,
      rows,
      description: 'Stapeldiagram: "förändring" & antal.',
      table: {
        caption: 'Förändring',
        columns: [
          { field: 'label', title: 'Förändring' },
          { field: 'count', title: 'Antal', numeric: true },
          { field: 'share', title: 'Andel', numeric: true },
        ],
      },
    });
    expect(chart.description).toBe('Stapeldiagram: "förändring" & antal.');
    expect(
      chart.svg.startsWith(
        '<svg role="img" aria-label="Stapeldiagram: &quot;förändring&quot; &amp; antal." ',
      ),
    ).toBe(true);
    expect(chart.svg).toContain('<title>Stapeldiagram: &quot;förändring&quot; &amp; antal.</title>');
    // the axis draws the rows' labels, escaped
    expect(chart.svg).toContain('>Ökat<');
    expect(chart.svg).toContain('>Minskat &lt;kraftigt&gt;<');
    expect(chart.table).toEqual({
      caption: 'Förändring',
      header: ['Förändring', 'Antal', 'Andel'],
      rows: [
        ['Ökat', '3', '0,5'],
        ['Minskat <kraftigt>', '1', '1,25'],
      ],
      numeric: [1, 2],
    });
  });

  it('draws a chart once per version of its data: the same input is served again, new data is drawn anew', async () => {
    const input = (count: number) => ({
      spec,
      rows: [{ label: 'Ökat', count }],
      description: `Ökat: ${count}.`,
      table: { caption: 'Förändring', columns: [{ field: 'label' as const, title: 'Förändring' }] },
    });
    const first = renderChart(input(7));
    expect(renderChart(input(7))).toBe(first);
    const other = renderChart(input(8));
    expect(other).not.toBe(first);
    expect((await other).description).toBe('Ökat: 8.');
    expect((await first).svg).not.toBe((await other).svg);
  });

  it('rasterises to a PNG twice the size, reporting its size in CSS pixels', async () => {
    const chart = await renderChart({
      spec,
      rows,
      description: 'x',
      table: { caption: 'x', columns: [{ field: 'label', title: 'x' }] },
    });
    const image = svgToPng(chart.svg);
    expect(image.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(chart.svg)![1]);
    expect(image.width).toBeCloseTo(width, 0);
    expect(image.png.readUInt32BE(16)).toBe(Math.round(width * 2));
  });

  it('loads the rasteriser (a native addon) only when a PNG is asked for, not with the module', () => {
    // A process of its own: this one may have rasterised already.
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('@resvg'));
      const charts = await import(${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'charts.ts')).href)});
      const before = loaded();
      const image = charts.svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
      process.stdout.write(JSON.stringify({ before, after: loaded(), width: image.width }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ before: false, after: true, width: 10 });
  });
});
