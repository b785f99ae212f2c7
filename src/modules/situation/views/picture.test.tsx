import { describe, expect, it } from 'vitest';
import type { MapShape } from '../../../ui/maps.tsx';
import { MunicipalityMap } from './picture.tsx';

const municipalities: MapShape[] = [
  { code: '0380', name: 'Uppsala', path: 'M0 0L10 0L10 10Z' },
  { code: '0381', name: 'Enköping', path: 'M20 0L30 0L30 10Z' },
];
const counties: MapShape[] = [{ code: '03', name: 'Uppsala län', path: 'M0 0L30 0L30 10Z' }];
const area = { key: 'violence', label: 'Våld i nära relationer' };

describe('the municipality map', () => {
  it('is drawn once per area and set of levels, and anew when a level changes', async () => {
    const draw = (level: string) =>
      MunicipalityMap({ area, levels: { '0380': { violence: level } }, municipalities, counties });
    const first = draw('4');
    expect(draw('4')).toBe(first);
    const changed = await draw('2');
    expect(changed).not.toBe(await first);
    expect(changed).toContain('Uppsala');
    expect(String(await first)).toContain('4 – Stor påverkan');
    expect(changed).toContain('2 – Liten påverkan');
  });
});
