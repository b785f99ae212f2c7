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

/** "Västra Götalands län" → "Västra Götaland", "Dalarnas län" → "Dalarna": short enough for a tile. */
export function countyShortName(name: string): string {
  const stem = name.replace(/ län$/, '');
  return stem === name ? name : stem.replace(/s$/, '');
}

/** Where a place on a map leads: its own page, and a document about it. */
export interface PlaceLinks {
  page: string;
  /** e.g. the county's Word report */
  document?: { href: string; label: string };
}

/**
 * The 21 counties as tiles, each with its name and its value's mark, coloured by the scale; a county with
 * links carries them (its page on the name, its document below). The caption says what the map shows, the
 * legend what the colours mean; every tile names its county and value in words.
 */
export function CountyTileMap({
  title,
  caption,
  values,
  names,
  scale,
  links = {},
}: {
  /** what the map shows, e.g. the risk area */
  title: string;
  /** the map's caption: what it shows and how, below the title */
  caption?: string;
  /** länskod → value (null: nothing reported); counties left out are drawn without a value */
  values: Record<string, string | null>;
  /** länskod → the county's name, for the map's text */
  names: Record<string, string>;
  scale: MapScale;
  /** länskod → where the county's tile leads */
  links?: Record<string, PlaceLinks>;
}): JSX.Element {
  const w = 104;
  const h = 72;
  const gap = 4;
  // In länskod order: the official order, and the same whatever order the values came in.
  const label = `Karta: ${title}. ${Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, v]) => `${names[code] ?? code}: ${stepOf(scale, v).label}`)
    .join('; ')}`;
  return (
    <figure class="sv-map sv-tilemap-figure">
      <svg
        viewBox={`0 0 ${4 * w + gap} ${10 * h + gap}`}
        width="420"
        role="group"
        aria-label={label}
        class="sv-tilemap"
      >
        {Object.entries(COUNTY_TILES).map(([code, [x, y]]) => {
          const step = stepOf(scale, values[code] ?? null);
          const name = names[code] ?? code;
          const link = links[code];
          const left = gap + x * w;
          const top = gap + y * h;
          const cx = String(left + (w - gap) / 2);
          const words = `${name}: ${step.label}`;
          const nameText = (
            <text x={cx} y={String(top + 18)} text-anchor="middle" font-size="12" safe>
              {countyShortName(name)}
            </text>
          );
          return (
            <g data-county={code}>
              <rect
                x={String(left)}
                y={String(top)}
                width={String(w - gap)}
                height={String(h - gap)}
                fill={step.fill}
                stroke="#0b0c0c"
              >
                <title safe>{words}</title>
              </rect>
              {link ? (
                <a href={link.page} aria-label={`${words}. Länets regionala lägesbild`} class="sv-map-link">
                  {nameText}
                </a>
              ) : (
                <g aria-label={words} role="img">
                  {nameText}
                </g>
              )}
              <text
                x={cx}
                y={String(top + 40)}
                text-anchor="middle"
                font-size="16"
                font-weight="bold"
                aria-hidden="true"
                safe
              >
                {step.mark}
              </text>
              {link?.document ? (
                <a
                  href={link.document.href}
                  aria-label={`${name}: ${link.document.label}`}
                  class="sv-map-link"
                >
                  <text x={cx} y={String(top + 60)} text-anchor="middle" font-size="11" safe>
                    {link.document.label}
                  </text>
                </a>
              ) : (
                ''
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="govuk-body-s">
        <span class="govuk-!-font-weight-bold" safe>
          {title}
        </span>
        {caption ? <span safe>{` – ${caption}`}</span> : ''}
        <MapLegend scale={scale} />
      </figcaption>
    </figure>
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
      {[...scale.steps, scale.none].map((s) => (
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
  title,
  description,
  attribution,
  shapes,
  values,
  outlines,
  viewBox,
  scale,
}: {
  /** what the map shows, as its caption */
  title?: string;
  /** the map in words: what it shows and where the same figures are in a table */
  description: string;
  /** where the boundaries come from */
  attribution?: string;
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
        {title ? (
          <span class="govuk-!-font-weight-bold" safe>
            {title}
          </span>
        ) : (
          ''
        )}
        <MapLegend scale={scale} />
        {attribution ? (
          <span class="sv-muted" safe>
            {attribution}
          </span>
        ) : (
          ''
        )}
      </figcaption>
    </figure>
  );
}
