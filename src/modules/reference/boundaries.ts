import { z } from 'zod';

/**
 * Turns GeoJSON boundaries (lon/lat, as SCB publishes them) into SVG paths: an equirectangular projection
 * scaled by cos(62°) so Sweden keeps its shape, and Douglas–Peucker simplification to keep a map of all
 * 290 municipalities small enough for a page.
 */
export const BOUNDARY_VIEWBOX = { width: 620, height: 1400 } as const;
const LON0 = 10.9;
const LAT_TOP = 69.2;
const SCALE = 100;
const COS = Math.cos((62 * Math.PI) / 180);

type Position = [number, number];
const positionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
const ringSchema = z.array(positionSchema).min(4);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) }),
]);
const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ properties: z.record(z.string(), z.unknown()), geometry: geometrySchema })),
});

export interface BoundaryPath {
  code: string;
  name: string;
  path: string;
}

function project([lon, lat]: Position): Position {
  return [(lon - LON0) * COS * SCALE, (LAT_TOP - lat) * SCALE];
}

function perpendicular(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

export function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length < 3) return points;
  let max = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i]!, points[0]!, points.at(-1)!);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0]!, points.at(-1)!];
  return [
    ...simplify(points.slice(0, index + 1), tolerance).slice(0, -1),
    ...simplify(points.slice(index), tolerance),
  ];
}

function ringPath(ring: Position[], tolerance: number): string {
  const pts = simplify(
    ring.map((p) => project([p[0], p[1]])),
    tolerance,
  );
  if (pts.length < 4) return '';
  return `M${pts.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
}

export class BoundaryFileError extends Error {}

/** Reads a GeoJSON FeatureCollection; `codeProperty` and `nameProperty` name the code and name fields. */
export function geojsonToPaths(
  text: string,
  opts: { codeProperty: string; nameProperty: string; tolerance?: number },
): BoundaryPath[] {
  let parsed;
  try {
    parsed = collectionSchema.safeParse(JSON.parse(text));
  } catch {
    throw new BoundaryFileError('Filen är inte giltig JSON');
  }
  if (!parsed.success) throw new BoundaryFileError('Filen är ingen GeoJSON FeatureCollection med polygoner');
  const tolerance = opts.tolerance ?? 0.35;
  return parsed.data.features.map((f) => {
    const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const code = text(f.properties[opts.codeProperty]);
    const name = text(f.properties[opts.nameProperty]);
    if (!code) throw new BoundaryFileError(`En yta saknar egenskapen ${opts.codeProperty}`);
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const path = polygons
      .flatMap((poly) => poly.map((ring) => ringPath(ring as Position[], tolerance)))
      .filter(Boolean)
      .join('');
    return { code, name, path };
  });
}
