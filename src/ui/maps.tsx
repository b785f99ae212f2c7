import { CHART_FONT as SVG_FONT } from '../platform/charts.ts';

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

/**
 * A five-step sequential palette, light yellow to red (ColorBrewer's YlOrRd): each step darker than the one
 * before, so the order reads without telling hues apart; with its "unknown" (grey) and "nothing" (white).
 */
export const FIVE_STEP_FILLS = ['#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c'] as const;
export const UNKNOWN_FILL = '#b1b4b6';
export const NO_VALUE_FILL = '#ffffff';

const INK = '#0b0c0c';
const PAPER = '#ffffff';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever reads better on a fill (#rrggbb): text on a tile keeps 4.5:1. */
export function inkOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / (luminance(INK) + 0.05) >= 1.05 / (l + 0.05) ? INK : PAPER;
}

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

/**
 * A county's short name on one line, or two where it is too long for a phone's tile: at a space, or after
 * the first part of a compound ("Väster-" "norrland").
 */
export function tileNameLines(name: string): string[] {
  const short = countyShortName(name);
  if (short.length <= 10) return [short];
  const space = short.indexOf(' ');
  if (space > 0) return [short.slice(0, space), short.slice(space + 1)];
  const stem = /^(Väster|Öster|Söder|Väst|Norr)(.{4,})$/.exec(short);
  if (stem) return [`${stem[1]}-`, stem[2]!];
  const half = Math.ceil(short.length / 2);
  return [`${short.slice(0, half)}-`, short.slice(half)];
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
  // Drawn at its own size (360 px, what a 390-px phone has inside the page's margins) and never scaled down
  // on one, so the sizes below are the sizes read: the names and the Word links 14 px, the marks 18 px.
  const w = 89;
  const h = 92;
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
        width={String(4 * w + gap)}
        role="group"
        aria-label={label}
        class="sv-tilemap"
        font-family={SVG_FONT}
      >
        {Object.entries(COUNTY_TILES).map(([code, [x, y]]) => {
          const step = stepOf(scale, values[code] ?? null);
          const name = names[code] ?? code;
          const link = links[code];
          const left = gap + x * w;
          const top = gap + y * h;
          const cx = String(left + (w - gap) / 2);
          const ink = inkOn(step.fill);
          const words = `${name}: ${step.label}`;
          const lines = tileNameLines(name);
          const nameText = (
            <text x={cx} y={String(top + 20)} text-anchor="middle" font-size="14" fill={ink}>
              {lines.map((line, i) => (
                // a space between the lines, for whoever reads the text rather than sees it
                <tspan x={cx} dy={i === 0 ? '0' : '17'} safe>
                  {i < lines.length - 1 && !line.endsWith('-') ? `${line} ` : line}
                </tspan>
              ))}
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
                y={String(top + 60)}
                text-anchor="middle"
                font-size="18"
                font-weight="bold"
                fill={ink}
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
                  <text x={cx} y={String(top + 81)} text-anchor="middle" font-size="14" fill={ink} safe>
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
      <svg
        viewBox={`0 0 ${viewBox.width} ${viewBox.height}`}
        width="360"
        role="img"
        aria-label={description}
        font-family={SVG_FONT}
      >
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

/**
 * The 21 counties as tiles to choose from (the national start page): each tile a link to its county's page,
 * named by the county's full name. A list of the same links stands beside it, so the map is a shortcut for
 * those who see it, never the only way.
 */
export function CountyChooserMap({
  counties,
  title,
}: {
  /** the counties by länskod, with the address each leads to */
  counties: ReadonlyArray<{ code: string; name: string; href: string }>;
  /** the map's accessible name, e.g. "Karta: välj län" */
  title: string;
}): JSX.Element {
  const w = 84;
  const h = 56;
  const gap = 4;
  return (
    <figure class="sv-map sv-chooser-map">
      <svg
        viewBox={`0 0 ${4 * w + gap} ${10 * h + gap}`}
        width={String(4 * w + gap)}
        role="group"
        aria-label={title}
        class="sv-chooser"
        font-family={SVG_FONT}
      >
        {counties.map((c) => {
          const tile = COUNTY_TILES[c.code];
          if (!tile) return '';
          const [x, y] = tile;
          const left = gap + x * w;
          const top = gap + y * h;
          const cx = String(left + (w - gap) / 2);
          const lines = tileNameLines(c.name);
          return (
            <a href={c.href} aria-label={c.name} class="sv-chooser__tile" data-county={c.code}>
              <rect
                x={String(left)}
                y={String(top)}
                width={String(w - gap)}
                height={String(h - gap)}
                rx="4"
                class="sv-chooser__rect"
              />
              <text
                x={cx}
                y={String(top + (lines.length > 1 ? 22 : 31))}
                text-anchor="middle"
                font-size="14"
                class="sv-chooser__text"
                aria-hidden="true"
              >
                {lines.map((line, i) => (
                  <tspan x={cx} dy={i === 0 ? '0' : '17'} safe>
                    {line}
                  </tspan>
                ))}
              </text>
            </a>
          );
        })}
      </svg>
    </figure>
  );
}
