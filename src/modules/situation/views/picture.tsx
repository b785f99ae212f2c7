import type { Children } from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { ErrorSummary, PostForm, Table, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import {
  AreaMap,
  FIVE_STEP_FILLS,
  NO_VALUE_FILL,
  CountyTileMap as TileMap,
  UNKNOWN_FILL,
  type MapScale,
  type MapShape,
} from '../../../ui/maps.tsx';
import { measureStatusLabels, pictureStatusLabels, pictureSubmittedText } from '../labels.ts';
import type { AreaRef, Level, NationalPicture, RegionalPicture } from '../picture.ts';
import type { PictureAbilities } from '../policy.ts';
import { urls } from '../urls.ts';
import { CompletenessList, DistributionTable, LevelTag, levelText, RiskTable } from './parts.tsx';
import { BOUNDARY_VIEWBOX } from '../../reference/index.ts';

function MeasuresSection({
  p,
}: {
  p: Pick<RegionalPicture, 'areas' | 'measureCounts'> & { measures?: RegionalPicture['measures'] };
}): JSX.Element {
  return (
    <section aria-labelledby="measures-h">
      <h2 class="govuk-heading-l" id="measures-h">
        Åtgärder
      </h2>
      <Table
        caption="Åtgärder per område och status"
        rows={p.areas}
        columns={[
          { header: 'Område', cell: (a) => <span safe>{a.label}</span> },
          {
            header: 'Planerade',
            numeric: true,
            cell: (a) => <span safe>{String(p.measureCounts[a.key]?.planned ?? 0)}</span>,
          },
          {
            header: 'Vidtagna',
            numeric: true,
            cell: (a) => <span safe>{String(p.measureCounts[a.key]?.taken ?? 0)}</span>,
          },
        ]}
      />
      {p.measures && p.measures.length > 0 ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text" safe>
              {`Alla ${p.measures.length} åtgärder`}
            </span>
          </summary>
          <div class="govuk-details__text">
            <Table
              caption="Åtgärder"
              captionSize="s"
              rows={p.measures}
              rowHeader={2}
              columns={[
                {
                  header: 'Område',
                  cell: (m) => <span safe>{p.areas.find((a) => a.key === m.area)?.label ?? m.area}</span>,
                },
                { header: 'Organisation', cell: (m) => <span safe>{m.organisationName}</span> },
                { header: 'Åtgärd', cell: (m) => <span safe>{m.description}</span> },
                { header: 'Status', cell: (m) => <span safe>{measureStatusLabels[m.status]}</span> },
                { header: 'Målgrupp', cell: (m) => <span safe>{m.targetGroup}</span> },
                { header: 'Ansvarig', cell: (m) => <span safe>{m.responsible}</span> },
                { header: 'Start', cell: (m) => <span safe>{m.startDate}</span> },
              ]}
            />
          </div>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

const safeChart = (charts: Record<string, string>, key: string): JSX.Element => charts[key] ?? '';

/** A read-only page has no form: nothing to post, and nothing that looks as if it could be changed. */
function EditableIf({
  editable,
  action,
  csrfToken,
  children,
}: {
  editable: boolean;
  action: string;
  csrfToken: string;
  children: Children;
}): JSX.Element {
  return editable ? (
    <PostForm action={action} csrfToken={csrfToken}>
      {children}
    </PostForm>
  ) : (
    <div>{children}</div>
  );
}

function SummaryField({
  area,
  value,
  readonly,
}: {
  area: AreaRef;
  value: string;
  readonly: boolean;
}): JSX.Element {
  const id = `summary_${area.key}`;
  if (readonly) {
    return (
      <div class="govuk-!-margin-bottom-6">
        <h3 class="govuk-heading-s" safe>{`Analys och sammanfattning: ${area.label}`}</h3>
        <p class="govuk-body sv-prewrap" id={id} safe>
          {value || 'Ingen sammanfattning skriven.'}
        </p>
      </div>
    );
  }
  return (
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for={id} safe>
        {`Analys och sammanfattning: ${area.label}`}
      </label>
      <textarea class="govuk-textarea" id={id} name={id} rows="4" readonly={readonly} safe>
        {value}
      </textarea>
    </div>
  );
}

/** Where a reader downloads the raw answers, if the reader may. */
export interface AnswerDownloads {
  xlsx: string;
  csv: string;
}

export function RegionalPicturePage({
  ctx,
  p,
  base,
  docx,
  answers,
  breadcrumbs,
  abilities,
  charts,
  form,
}: {
  ctx: PageContext;
  p: RegionalPicture;
  /** the picture's own address (the form posts here) */
  base: string;
  docx: string;
  answers: AnswerDownloads | undefined;
  breadcrumbs: Array<{ href: string; label: string }>;
  abilities: PictureAbilities;
  charts: Record<string, string>;
  form: FormState;
}): JSX.Element {
  const readonly = !abilities.canEdit;
  const canSubmit = abilities.canSubmit;
  const chosen = new Set(p.quotes.map((q) => `${q.responseId}:${q.questionId}`));
  return (
    <Layout
      ctx={ctx}
      title={`Regional lägesbild: ${p.meta.occasionLabel}`}
      caption={`${p.county.name} – ${p.meta.roundTitle}`}
      breadcrumbs={breadcrumbs}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        {p.status === 'submitted' ? (
          <strong
            class="govuk-tag govuk-tag--green"
            safe
          >{`${pictureStatusLabels.submitted} till nationell samordnare ${p.submittedAt ? formatDate(p.submittedAt) : ''}`}</strong>
        ) : (
          <strong class="govuk-tag govuk-tag--blue" safe>
            {pictureStatusLabels.draft}
          </strong>
        )}
      </p>
      <p class="govuk-body sv-no-print">
        <a class="govuk-link" href={docx}>
          Ladda ner som Word
        </a>
        {answers ? (
          <>
            {' · '}
            <a class="govuk-link" href={answers.xlsx}>
              Svaren som Excel
            </a>
            {' · '}
            <a class="govuk-link" href={answers.csv}>
              Svaren som CSV
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <h2 class="govuk-heading-l">Svarsfrekvens</h2>
      <CompletenessList c={p.completeness} deadlineAt={p.meta.deadlineAt} />
      <RiskTable
        caption="Bedömd påverkan per område och kommun"
        firstHeader="Organisation"
        areas={p.areas}
        rows={p.rows}
      />
      <EditableIf editable={!readonly} action={base} csrfToken={ctx.csrfToken}>
        {p.areas.map((a) => (
          <section aria-labelledby={`a-${a.key}`} class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-l" id={`a-${a.key}`} safe>
              {a.label}
            </h2>
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <DistributionTable
                  area={a}
                  d={p.distribution[a.key]!}
                  previousLabel={p.meta.previousOccasionLabel}
                />
              </div>
              {/* SVG rendered by vega from our own numbers and labels, escaped by vega */}
              <div class="govuk-grid-column-one-half sv-chart">{safeChart(charts, a.key)}</div>
            </div>
            <SummaryField
              area={a}
              value={(readonly ? undefined : form.values[`summary_${a.key}`]) ?? p.summaries[a.key] ?? ''}
              readonly={readonly}
            />
          </section>
        ))}
        <MeasuresSection p={p} />
        <section aria-labelledby="quotes-h">
          <h2 class="govuk-heading-l" id="quotes-h">
            Citat ur svaren
          </h2>
          {readonly ? (
            p.quotes.length === 0 ? (
              <p class="govuk-body">Inga citat valda.</p>
            ) : (
              p.quotes.map((q) => (
                <blockquote class="govuk-inset-text">
                  <p class="govuk-body sv-prewrap" safe>{`”${q.text}”`}</p>
                  <p class="govuk-body-s" safe>{`– ${q.organisationName}`}</p>
                </blockquote>
              ))
            )
          ) : p.quoteCandidates.length === 0 ? (
            <p class="govuk-body">Inga fritextsvar ännu.</p>
          ) : (
            <div class="govuk-checkboxes govuk-checkboxes--small">
              {p.quoteCandidates.map((q, i) => (
                <div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id={`quote-${i}`}
                    name="quote"
                    type="checkbox"
                    value={`${q.responseId}:${q.questionId}`}
                    checked={chosen.has(`${q.responseId}:${q.questionId}`)}
                  />
                  <label class="govuk-label govuk-checkboxes__label" for={`quote-${i}`}>
                    <span safe>{`”${q.text}”`}</span>{' '}
                    <span class="govuk-hint" safe>{`– ${q.organisationName}`}</span>
                  </label>
                </div>
              ))}
            </div>
          )}
        </section>
        {readonly ? (
          ''
        ) : (
          <div class="govuk-button-group govuk-!-margin-top-6">
            <button type="submit" class="govuk-button govuk-button--secondary" name="intent" value="save">
              Spara
            </button>
            {canSubmit ? (
              <button type="submit" class="govuk-button" name="intent" value="submit">
                Skicka till nationell samordnare
              </button>
            ) : (
              ''
            )}
          </div>
        )}
      </EditableIf>
    </Layout>
  );
}

/** Risk levels on a map: 1–5 from green to red, "vet ej" grey, nothing reported white. */
const levelScale: MapScale = {
  steps: [
    ...['1', '2', '3', '4', '5'].map((l, i) => ({
      value: l,
      label: levelText(l),
      fill: FIVE_STEP_FILLS[i]!,
    })),
    { value: 'unknown', label: levelText('unknown'), fill: UNKNOWN_FILL, mark: '?' },
  ],
  none: { label: levelText(null), fill: NO_VALUE_FILL, mark: '–' },
};

/** The counties' levels in one area as a tile map; the table beside it carries the same levels. */
export function CountyTileMap({
  area,
  levels,
  names,
}: {
  area: AreaRef;
  levels: Record<string, Level>;
  names: Record<string, string>;
}): JSX.Element {
  return <TileMap title={area.label} values={levels} names={names} scale={levelScale} />;
}

/** Maps drawn lately, per set of boundaries (read once per import) and by the values they show. */
const drawnMaps = new WeakMap<MapShape[], WeakMap<MapShape[], Map<string, JSX.Element>>>();
const DRAWN_MAPS_MAX = 64;

/**
 * Municipalities coloured by one area's level, on imported SCB boundaries; white where nothing is reported.
 * Hundreds of paths: drawn once per area and set of levels (a submitted picture's never change), not per
 * request.
 */
export function MunicipalityMap({
  area,
  levels,
  municipalities,
  counties,
}: {
  area: AreaRef;
  levels: Record<string, Record<string, Level>>;
  municipalities: MapShape[];
  counties: MapShape[];
}): JSX.Element {
  const values = Object.fromEntries(municipalities.map((m) => [m.code, levels[m.code]?.[area.key] ?? null]));
  let byOutlines = drawnMaps.get(municipalities);
  if (!byOutlines) drawnMaps.set(municipalities, (byOutlines = new WeakMap()));
  let drawn = byOutlines.get(counties);
  if (!drawn) byOutlines.set(counties, (drawn = new Map<string, JSX.Element>()));
  const key = JSON.stringify([area.key, area.label, values]);
  const hit = drawn.get(key);
  if (hit !== undefined) return hit;
  const map = (
    <AreaMap
      description={`Karta över kommunernas bedömning: ${area.label}. Kommuner utan inskickad bedömning är vita. Samma uppgifter finns i tabellen över kommunernas bedömningar.`}
      shapes={municipalities}
      values={values}
      outlines={counties}
      viewBox={BOUNDARY_VIEWBOX}
      scale={levelScale}
    />
  );
  drawn.set(key, map);
  if (drawn.size > DRAWN_MAPS_MAX) drawn.delete(drawn.keys().next().value!);
  return map;
}

export function NationalPicturePage({
  ctx,
  p,
  answers,
  map,
  base,
  docx,
  canEdit,
  form,
}: {
  ctx: PageContext;
  p: NationalPicture;
  /** where the round lets the coordinator read the answers beneath submitted regional pictures */
  answers: AnswerDownloads | undefined;
  /** the municipal map, where boundaries are imported */
  map: { area: AreaRef; municipalities: MapShape[]; counties: MapShape[] } | undefined;
  /** the page's own address (the summaries post here, the map's area choice is a GET here) */
  base: string;
  docx: string;
  canEdit: boolean;
  form: FormState;
}): JSX.Element {
  const names = Object.fromEntries(p.counties.map((c) => [c.code, c.name]));
  const submitted = p.counties.filter((c) => c.regionalSubmitted).length;
  return (
    <Layout
      ctx={ctx}
      title={`Nationell lägesbild: ${p.meta.occasionLabel}`}
      caption={p.meta.roundTitle}
      breadcrumbs={[{ href: urls.nationalRounds(), label: 'Nationell lägesbild' }]}
    >
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body sv-no-print">
        <a class="govuk-link" href={docx}>
          Ladda ner som Word
        </a>
        {answers ? (
          <>
            {' · '}
            <a class="govuk-link" href={answers.xlsx}>
              Svaren från län med inskickad lägesbild som Excel
            </a>
            {' · '}
            <a class="govuk-link" href={answers.csv}>
              som CSV
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <Table
        caption={`Länen: ${submitted} av ${p.counties.length} har skickat in sin regionala lägesbild`}
        rows={p.counties}
        columns={[
          { header: 'Län', cell: (c) => <span safe>{c.name}</span> },
          {
            header: 'Förväntade svar',
            numeric: true,
            cell: (c) => <span safe>{String(c.completeness.expected)}</span>,
          },
          {
            header: 'Inkomna',
            numeric: true,
            cell: (c) => <span safe>{String(c.completeness.received)}</span>,
          },
          { header: 'I tid', numeric: true, cell: (c) => <span safe>{String(c.completeness.onTime)}</span> },
          {
            header: 'Godkända',
            numeric: true,
            cell: (c) => <span safe>{String(c.completeness.approved)}</span>,
          },
          {
            header: 'Regional lägesbild',
            cell: (c) => (
              <strong class={`govuk-tag govuk-tag--${c.regionalSubmitted ? 'green' : 'grey'}`} safe>
                {pictureSubmittedText(c.regionalSubmitted)}
              </strong>
            ),
          },
        ]}
      />
      <RiskTable
        caption="Bedömd påverkan per område och län (medelvärde av kommunernas bedömningar)"
        firstHeader="Län"
        areas={p.areas}
        rows={p.rows}
      />
      <PostForm action={base} csrfToken={ctx.csrfToken}>
        {p.areas.map((a) => (
          <section aria-labelledby={`a-${a.key}`} class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-l" id={`a-${a.key}`} safe>
              {a.label}
            </h2>
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-third">
                <CountyTileMap
                  area={a}
                  levels={Object.fromEntries(p.rows.map((r) => [r.id, r.levels[a.key] ?? null]))}
                  names={names}
                />
              </div>
              <div class="govuk-grid-column-two-thirds">
                <DistributionTable
                  area={a}
                  d={p.distribution[a.key]!}
                  previousLabel={p.meta.previousOccasionLabel}
                />
              </div>
            </div>
            {p.regionalSummaries
              .filter((r) => r.summaries[a.key])
              .map((r) => (
                <div class="govuk-inset-text">
                  <span class="govuk-!-font-weight-bold" safe>{`${r.countyName}: `}</span>
                  <span class="sv-prewrap" safe>
                    {r.summaries[a.key]!}
                  </span>
                </div>
              ))}
            <div class="govuk-form-group">
              <label class="govuk-label govuk-label--s" for={`summary_${a.key}`} safe>
                {`Nationell sammanfattning: ${a.label}`}
              </label>
              <textarea
                class="govuk-textarea"
                id={`summary_${a.key}`}
                name={`summary_${a.key}`}
                rows="4"
                readonly={!canEdit}
                safe
              >
                {form.values[`summary_${a.key}`] ?? p.summaries[a.key] ?? ''}
              </textarea>
            </div>
          </section>
        ))}
        <MeasuresSection p={p} />
        {canEdit ? (
          <button type="submit" class="govuk-button">
            Spara sammanfattningarna
          </button>
        ) : (
          ''
        )}
      </PostForm>
      <h2 class="govuk-heading-l">Kommunernas bedömningar</h2>
      {map ? (
        <>
          <form method="get" action={base} class="govuk-!-margin-bottom-4">
            <div class="govuk-form-group">
              <label class="govuk-label" for="omrade">
                Område på kartan
              </label>
              <select class="govuk-select" id="omrade" name="omrade">
                {p.areas.map((a) => (
                  <option value={a.key} selected={a.key === map.area.key} safe>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">
              Visa på kartan
            </button>
          </form>
          <MunicipalityMap
            area={map.area}
            levels={p.municipalityLevels}
            municipalities={map.municipalities}
            counties={map.counties}
          />
        </>
      ) : (
        <p class="govuk-body">
          Kommunkartan visas när kommungränserna är importerade (<code>npm run cli -- import-boundaries</code>
          ).
        </p>
      )}
      <Table
        caption="Bedömd påverkan per kommun (län med inskickad regional lägesbild)"
        rows={Object.entries(p.municipalityLevels).sort(([a], [b]) => a.localeCompare(b))}
        empty="Inget län har skickat in sin regionala lägesbild ännu."
        columns={[
          { header: 'Kommunkod', cell: ([code]) => <span safe>{code}</span> },
          ...p.areas.map((a) => ({
            header: a.label,
            cell: ([, levels]: [string, Record<string, Level>]) => <LevelTag level={levels[a.key] ?? null} />,
          })),
        ]}
      />
    </Layout>
  );
}

export function NationalRoundsPage({
  ctx,
  rounds,
}: {
  ctx: PageContext;
  rounds: Array<{
    id: string;
    title: string;
    occasions: Array<{ id: string; label: string; deadlineAt: Date }>;
  }>;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Nationell lägesbild"
      breadcrumbs={[{ href: '/nationellt', label: 'Nationell samordning' }]}
    >
      <p class="govuk-body">
        <a class="govuk-link" href={urls.newNationalRound()}>
          Öppna en ny nationell rapporteringsomgång
        </a>
        {' · '}
        <a class="govuk-link" href={urls.nationalQuestionnaires()}>
          Formulär
        </a>
      </p>
      {rounds.length === 0 ? <p class="govuk-body">Inga nationella omgångar ännu.</p> : ''}
      {rounds.map((r) => (
        <section class="sv-card govuk-!-margin-bottom-6" aria-label={r.title}>
          <h2 class="govuk-heading-m" safe>
            {r.title}
          </h2>
          <ul class="govuk-list">
            {r.occasions.map((o) => (
              <li>
                <a class="govuk-link" href={urls.national(r, o)} safe>
                  {`${o.label} (sista svarsdag ${formatDate(o.deadlineAt)})`}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
