import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPglite } from '../../../tests/helpers/db.ts';
import { migrate } from '../../db/migrate.ts';
import { openDatabase } from '../../db/client.ts';
import { BOUNDARY_VIEWBOX, BoundaryFileError, geojsonToPaths, simplify } from './boundaries.ts';
import { listBoundaries } from './repository.ts';
import { boundariesOf, importBoundaries, seedReferenceData } from './service.ts';

const geoDir = path.resolve(import.meta.dirname, '../../../../shared/data/geo');

const square = (code: string) => ({
  type: 'Feature',
  properties: { KnKod: code, KnNamn: `Kommun ${code}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [17, 59],
        [18, 59],
        [18, 60],
        [17, 60],
        [17, 59],
      ],
    ],
  },
});

describe('boundaries', () => {
  it('projects and simplifies polygons into paths inside the map', () => {
    const [p] = geojsonToPaths(JSON.stringify({ type: 'FeatureCollection', features: [square('0380')] }), {
      codeProperty: 'KnKod',
      nameProperty: 'KnNamn',
    });
    expect(p).toMatchObject({ code: '0380', name: 'Kommun 0380' });
    const numbers = p!.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (const [i, n] of numbers.entries()) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(i % 2 === 0 ? BOUNDARY_VIEWBOX.width : BOUNDARY_VIEWBOX.height);
    }
    expect(
      simplify(
        [
          [0, 0],
          [1, 0.01],
          [2, 0],
          [3, 5],
        ],
        0.5,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
      [3, 5],
    ]);
  });

  it('refuses what is not GeoJSON, and codes the reference data does not know', async () => {
    expect(() => geojsonToPaths('{', { codeProperty: 'KnKod', nameProperty: 'KnNamn' })).toThrow(
      BoundaryFileError,
    );
    expect(() =>
      geojsonToPaths('{"type":"Feature"}', { codeProperty: 'KnKod', nameProperty: 'KnNamn' }),
    ).toThrow(/FeatureCollection/);
    const db = await freshPglite();
    try {
      await expect(
        importBoundaries(
          db.db,
          'municipality',
          JSON.stringify({ type: 'FeatureCollection', features: [square('9999')] }),
        ),
      ).rejects.toThrow(/Okända koder i filen: 9999/);
    } finally {
      await db.close();
    }
  });

  it('reads the boundaries once per import, and sees a new import at once', async () => {
    // A database of its own, migrated and seeded (the shared one keeps the real boundaries other tests draw).
    const db = await openDatabase({ dataDir: 'memory' });
    await migrate(db.db);
    await seedReferenceData(db.db);
    const collection = (...codes: string[]) =>
      JSON.stringify({ type: 'FeatureCollection', features: codes.map(square) });
    try {
      await importBoundaries(db.db, 'municipality', collection('0380', '0381'));
      const first = await boundariesOf(db.db, 'municipality');
      expect(first.map((b) => b.code)).toEqual(['0380', '0381']);
      expect(await boundariesOf(db.db, 'municipality')).toBe(first);
      await importBoundaries(db.db, 'municipality', collection('0305'));
      expect((await boundariesOf(db.db, 'municipality')).map((b) => b.code)).toEqual(['0305']);
    } finally {
      await db.close();
    }
  });

  it("imports SCB's boundaries of all 290 municipalities and 21 counties from ../shared/data", async (ctx) => {
    if (!fs.existsSync(geoDir)) {
      if (process.env.CI === 'true') throw new Error(`${geoDir} saknas, och med CI=true krävs den`);
      ctx.skip();
    }
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(database.db);
      await seedReferenceData(database.db);
      expect(
        await importBoundaries(
          database.db,
          'municipality',
          fs.readFileSync(path.join(geoDir, 'swe-maps-kommun.geojson'), 'utf8'),
        ),
      ).toBe(290);
      expect(
        await importBoundaries(
          database.db,
          'county',
          fs.readFileSync(path.join(geoDir, 'swe-maps-lan.geojson'), 'utf8'),
        ),
      ).toBe(21);
      const municipalities = await listBoundaries(database.db, 'municipality');
      expect(municipalities.find((m) => m.code === '0380')?.name).toBe('Uppsala');
      const size = municipalities.reduce((s, m) => s + m.path.length, 0);
      // small enough to draw on a page
      expect(size).toBeLessThan(200_000);
      expect(municipalities.every((m) => m.path.startsWith('M'))).toBe(true);
    } finally {
      await database.close();
    }
  });
});
