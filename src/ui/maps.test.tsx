import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  AreaMap,
  COUNTY_TILES,
  CountyTileMap,
  FIVE_STEP_FILLS,
  inkOn,
  tileNameLines,
  type MapScale,
} from './maps.tsx';

const scale: MapScale = {
  steps: [
    { value: '1', label: 'Låg', fill: '#00ff00' },
    { value: '2', label: 'Hög', fill: '#ff0000' },
    { value: 'unknown', label: 'Vet ej', fill: '#cccccc', mark: '?' },
  ],
  none: { label: 'Ej besvarad', fill: '#ffffff', mark: '–' },
};

describe('ui maps', () => {
  it('draws every county as a tile with its name, coloured and marked by its value, with caption, legend and links', async () => {
    const doc = parse(
      await (
        <CountyTileMap
          title="Social oro"
          caption="länens medelvärden"
          values={{ '03': '2', '01': 'unknown', '25': null }}
          names={{
            '03': 'Uppsala län',
            '01': 'Stockholms län',
            '25': 'Norrbottens län',
            '14': 'Västra Götalands län',
          }}
          scale={scale}
          links={{ '03': { page: '/lan/uppsala', document: { href: '/lan/uppsala.docx', label: 'Word' } } }}
        />
      ),
    );
    const svg = doc.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe(
      'Karta: Social oro. Stockholms län: Vet ej; Uppsala län: Hög; Norrbottens län: Ej besvarad',
    );
    const tiles = doc.querySelectorAll('g[data-county]');
    expect(tiles).toHaveLength(Object.keys(COUNTY_TILES).length);
    const tile = (code: string) => tiles.find((g) => g.getAttribute('data-county') === code)!;
    const texts = (code: string) =>
      tile(code)
        .querySelectorAll('text')
        .map((t) => t.text);
    expect(tile('03').querySelector('rect')?.getAttribute('fill')).toBe('#ff0000');
    // names first: the county's short name on its tile, the value's mark below it
    expect(texts('03')).toEqual(['Uppsala', '2', 'Word']);
    expect(texts('01')).toEqual(['Stockholm', '?']);
    expect(texts('14')[0]).toBe('Västra Götaland');
    expect(tile('25').querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(texts('12')[1]).toBe('–');
    // the county's tile leads to its regional picture and its Word report
    expect(
      tile('03')
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/lan/uppsala', '/lan/uppsala.docx']);
    expect(tile('01').querySelectorAll('a')).toHaveLength(0);
    // caption and legend, every step and "nothing reported"
    expect(doc.querySelector('figcaption')?.text).toContain('Social oro – länens medelvärden');
    expect(doc.querySelectorAll('figcaption li').map((li) => li.text.trim())).toEqual([
      'Låg',
      'Hög',
      'Vet ej',
      'Ej besvarad',
    ]);
  });

  it('colours each area by its value, names it in a title, and lists the scale beside the map', async () => {
    const doc = parse(
      await (
        <AreaMap
          description="Kommunernas bedömning"
          shapes={[
            { code: '0380', name: 'Uppsala', path: 'M0 0h1v1z' },
            { code: '0381', name: 'Enköping', path: 'M1 1h1v1z' },
          ]}
          values={{ '0380': '1' }}
          outlines={[{ code: '03', name: 'Uppsala län', path: 'M0 0h2v2z' }]}
          viewBox={{ width: 10, height: 20 }}
          scale={scale}
        />
      ),
    );
    expect(doc.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 10 20');
    const paths = doc.querySelectorAll('svg[role="img"] path');
    expect(paths.map((p) => [p.getAttribute('fill'), p.querySelector('title')?.text ?? null])).toEqual([
      ['#00ff00', 'Uppsala: Låg'],
      ['#ffffff', 'Enköping: Ej besvarad'],
      ['none', null],
    ]);
    expect(doc.querySelectorAll('figcaption li').map((li) => li.text.trim())).toEqual([
      'Låg',
      'Hög',
      'Vet ej',
      'Ej besvarad',
    ]);
  });

  it('draws the tile map to be read on a phone: a sans-serif font, text of 14 px or more, long names on two lines', async () => {
    const doc = parse(
      await (
        <CountyTileMap
          title="Social oro"
          values={{ '22': '2' }}
          names={{ '22': 'Västernorrlands län', '14': 'Västra Götalands län', '19': 'Västmanlands län' }}
          scale={scale}
          links={{ '22': { page: '/lan/vasternorrland', document: { href: '/x.docx', label: 'Word' } } }}
        />
      ),
    );
    const svg = doc.querySelector('svg')!;
    // no wider than a 390-px phone's column, so shown at its own size there
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(360);
    expect(svg.getAttribute('viewBox')?.split(' ')[2]).toBe(svg.getAttribute('width'));
    expect(svg.getAttribute('font-family')).toBe('Arial, Helvetica, sans-serif');
    for (const t of doc.querySelectorAll('text'))
      expect(Number(t.getAttribute('font-size')), t.text).toBeGreaterThanOrEqual(14);
    const name = (code: string) =>
      doc
        .querySelector(`g[data-county="${code}"] text`)!
        .querySelectorAll('tspan')
        .map((t) => t.text);
    expect(name('22')).toEqual(['Väster-', 'norrland']);
    expect(name('14')).toEqual(['Västra ', 'Götaland']);
    expect(name('19')).toEqual(['Väst-', 'manland']);
  });

  it('splits only names too long for a tile', () => {
    expect(tileNameLines('Uppsala län')).toEqual(['Uppsala']);
    expect(tileNameLines('Norrbottens län')).toEqual(['Norrbotten']);
    expect(tileNameLines('Södermanlands län')).toEqual(['Söder-', 'manland']);
    expect(tileNameLines('Östergötlands län')).toEqual(['Öster-', 'götland']);
  });

  it('writes on each fill in black or white, whichever keeps 4.5:1', () => {
    const contrast = (a: string, b: string) => {
      const l = (hex: string) => {
        const [r, g, bl] = [1, 3, 5].map((i) => {
          const v = parseInt(hex.slice(i, i + 2), 16) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      const [x, y] = [l(a), l(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    for (const fill of [...FIVE_STEP_FILLS, '#b1b4b6', '#ffffff'])
      expect(contrast(inkOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    expect(inkOn('#e31a1c')).toBe('#ffffff');
  });
});
