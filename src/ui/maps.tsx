/**
 * Maps drawn by the product itself as SVG: a tile map of the 21 counties and a map of areas (municipalities)
 * on imported boundaries. Both colour each place by one value on a scale the caller gives, and both carry
 * their content in words (an accessible name, a title per place) since a table beside them holds the same
 * figures. They fetch nothing: the page gives them the values.
 */

/** One step of a map's scale: the value it colours, its words and its colour. */
export interface MapScaleStep {
  value: string;
  label: string;
  fill: string;
  /** what a tile shows for the step (default: the value) */
  mark?: string;
}

export interface MapScale {
  steps: MapScaleStep[];
  /** a place without a value */
  none: { label: string; fill: string; mark: string };
}

/** A five-step sequential palette (green to red) with its "unknown" and "nothing" colours. */
export const FIVE_STEP_FILLS = ['#cce2d8', '#bfe3e0', '#fff7bf', '#fcd6c3', '#f4cdc6'] as const;
export const UNKNOWN_FILL = '#e5e6e7';
export const NO_VALUE_FILL = '#ffffff';

function stepOf(scale: MapScale, value: string | null): { label: string; fill: string; mark: string } {
  const step = value === null ? undefined : scale.steps.find((s) => s.value === value);
  if (step) return { label: step.label, fill: step.fill, mark: step.mark ?? step.value };
  return value === null ? scale.none : { label: value, fill: NO_VALUE_FILL, mark: value };
}

/** Approximate positions of the 21 counties (by länskod) on a grid, north at the top. */
export const COUNTY_TILES: Readonly<Record<string, readonly [number, number]>> = {
  '25': [3, 0],
  '24': [2, 1],
  '23': [1, 2],
  '22': [2, 2],
  '20': [1, 3],
  '21': [2, 3],
  '17': [0, 4],
  '19': [1, 4],
  '03': [2, 4],
  '18': [1, 5],
  '04': [2, 5],
  '01': [3, 5],
  '14': [0, 6],
  '05': [2, 6],
  '13': [0, 7],
  '06': [1, 7],
  '08': [2, 7],
  '09': [3, 7],
  '07': [1, 8],
  '10': [2, 8],
  '12': [1, 9],
};

/** The 21 counties as tiles, each with its code and its value's mark, coloured by the scale. */
export function CountyTileMap({
  title,
  values,
  names,
  scale,
}: {
  /** what the map shows, e.g. the risk area */
  title: string;
  /** länskod → value (null: nothing reported); counties left out are drawn without a value */
  values: Record<string, string | null>;
  /** länskod → the county's name, for the map's text */
  names: Record<string, string>;
  scale: MapScale;
}): JSX.Element {
  const size = 56;
  // In länskod order: the official order, and the same whatever order the values came in.
  const label = `Karta: ${title}. ${Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, v]) => `${names[code] ?? code}: ${stepOf(scale, v).label}`)
    .join('; ')}`;
  return (
    <svg
      viewBox={`0 0 ${4 * size + 8} ${10 * size + 8}`}
      width="240"
      role="img"
      aria-label={label}
      class="sv-tilemap"
    >
      {Object.entries(COUNTY_TILES).map(([code, [x, y]]) => {
        const step = stepOf(scale, values[code] ?? null);
        const cx = String(4 + x * size + (size - 4) / 2);
        return (
          <g>
            <rect
              x={String(4 + x * size)}
              y={String(4 + y * size)}
              width={String(size - 4)}
              height={String(size - 4)}
              fill={step.fill}
              stroke="#0b0c0c"
            />
            <text x={cx} y={String(4 + y * size + 22)} text-anchor="middle" font-size="11" safe>
              {code}
            </text>
            <text
              x={cx}
              y={String(4 + y * size + 40)}
              text-anchor="middle"
              font-size="13"
              font-weight="bold"
              safe
            >
              {step.mark}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A place on an area map: its code, its name and its boundary as an SVG path. */
export interface MapShape {
  code: string;
  name: string;
  path: string;
}

/** The scale's colours and words, as a list beside a map. */
export function MapLegend({ scale }: { scale: MapScale }): JSX.Element {
  return (
    <ul class="govuk-list sv-legend">
      {scale.steps.map((s) => (
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" fill={s.fill} stroke="#0b0c0c" />
          </svg>{' '}
          <span safe>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** Places (municipalities) coloured by their value on imported boundaries, with outlines (counties) on top. */
export function AreaMap({
  description,
  shapes,
  values,
  outlines,
  viewBox,
  scale,
}: {
  /** the map in words: what it shows and where the same figures are in a table */
  description: string;
  shapes: MapShape[];
  /** a shape's code → its value (null or missing: nothing reported) */
  values: Record<string, string | null>;
  /** borders drawn over the shapes, without fill */
  outlines: MapShape[];
  viewBox: { width: number; height: number };
  scale: MapScale;
}): JSX.Element {
  return (
    <figure class="sv-map">
      <svg viewBox={`0 0 ${viewBox.width} ${viewBox.height}`} width="360" role="img" aria-label={description}>
        {shapes.map((m) => {
          const step = stepOf(scale, values[m.code] ?? null);
          return (
            <path d={m.path} fill={step.fill} stroke="#505a5f" stroke-width="0.6">
              <title safe>{`${m.name}: ${step.label}`}</title>
            </path>
          );
        })}
        {outlines.map((c) => (
          <path d={c.path} fill="none" stroke="#0b0c0c" stroke-width="1.6" />
        ))}
      </svg>
      <figcaption class="govuk-body-s">
        <MapLegend scale={scale} />
      </figcaption>
    </figure>
  );
}
