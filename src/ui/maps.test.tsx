import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { AreaMap, COUNTY_TILES, CountyTileMap, type MapScale } from './maps.tsx';

const scale: MapScale = {
  steps: [
    { value: '1', label: 'Låg', fill: '#00ff00' },
    { value: '2', label: 'Hög', fill: '#ff0000' },
    { value: 'unknown', label: 'Vet ej', fill: '#cccccc', mark: '?' },
  ],
  none: { label: 'Ej besvarad', fill: '#ffffff', mark: '–' },
};

describe('ui maps', () => {
  it('draws every county as a tile coloured and marked by its value, and says the same in words', async () => {
    const doc = parse(
      await (
        <CountyTileMap
          title="Social oro"
          values={{ '03': '2', '01': 'unknown', '25': null }}
          names={{ '03': 'Uppsala län', '01': 'Stockholms län', '25': 'Norrbottens län' }}
          scale={scale}
        />
      ),
    );
    const svg = doc.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Karta: Social oro. Stockholms län: Vet ej; Uppsala län: Hög; Norrbottens län: Ej besvarad',
    );
    const tiles = doc.querySelectorAll('g');
    expect(tiles).toHaveLength(Object.keys(COUNTY_TILES).length);
    const tile = (code: string) => tiles.find((g) => g.querySelectorAll('text')[0]?.text === code)!;
    expect(tile('03').querySelector('rect')?.getAttribute('fill')).toBe('#ff0000');
    expect(tile('03').querySelectorAll('text')[1]?.text).toBe('2');
    expect(tile('01').querySelectorAll('text')[1]?.text).toBe('?');
    expect(tile('25').querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(tile('12').querySelectorAll('text')[1]?.text).toBe('–');
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
    ]);
  });
});
