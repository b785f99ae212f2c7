import type { Children } from '@kitajs/html';
import { countOf, formatDate, formatDateTime } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  Details,
  ErrorSummary,
  PostForm,
  Table,
  TextArea,
  type FormState,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import {
  AreaMap,
  FIVE_STEP_FILLS,
  NO_VALUE_FILL,
  CountyTileMap as TileMap,
  UNKNOWN_FILL,
  type MapScale,
  type MapShape,
  type PlaceLinks,
} from '../../../ui/maps.tsx';
import { measureStatusLabels, pictureStatusLabels, pictureSubmittedText } from '../labels.ts';
import type { AreaRef, Level, NationalPicture, RegionalPicture } from '../picture.ts';
import type { NationalAbilities, PictureAbilities } from '../policy.ts';
import type { PictureSending, RespondentView, ResponseRow } from '../repository.ts';
import { TEXT_LIMITS } from '../schemas.ts';
import { urls } from '../urls.ts';
import {
  CompletenessList,
  DistributionTable,
  distributionTableId,
  LevelTag,
  levelText,
  RiskTable,
  StatusTag,
} from './parts.tsx';
import { BOUNDARY_ATTRIBUTION, BOUNDARY_VIEWBOX } from '../../reference/index.ts';

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
              {p.measures.length === 1 ? 'Den enda åtgärden' : `Alla ${p.measures.length} åtgärder`}
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
  error,
}: {
  area: AreaRef;
  value: string;
  readonly: boolean;
  /** why the text typed was refused (too long), shown beside it with the text kept */
  error?: string | undefined;
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
    <TextArea
      name={id}
      label={`Analys och sammanfattning: ${area.label}`}
      rows={4}
      maxLength={TEXT_LIMITS.pictureSummary}
      form={{ values: { [id]: value }, errors: error ? { [id]: error } : {} }}
    />
  );
}

/** Where a reader downloads the raw answers, if the reader may. */
export interface AnswerDownloads {
  xlsx: string;
  csv: string;
}

/** When the picture was sent, and recalled, by whom: what was sent is kept as it was sent. */
function SendingHistory({ sendings }: { sendings: PictureSending[] }): JSX.Element {
  if (sendings.length === 0) return <></>;
  return (
    <Details summary={`Historik: inskickad ${countOf(sendings.length, 'gång', 'gånger')}`}>
      <ul class="govuk-list govuk-list--bullet">
        {sendings.map((s) => (
          <li safe>
            {`${pictureStatusLabels.submitted} ${formatDateTime(s.submittedAt)}${s.submittedByName ? ` av ${s.submittedByName}` : ''}` +
              (s.recalledAt
                ? `; återkallad ${formatDateTime(s.recalledAt)}${s.recalledByName ? ` av ${s.recalledByName}` : ''}`
                : '')}
          </li>
        ))}
      </ul>
      <p class="govuk-body-s">
        Det som skickades sparas som det skickades, även när lägesbilden har återkallats.
      </p>
    </Details>
  );
}

export function RegionalPictureContent({
  csrfToken,
  p,
  base,
  docx,
  recall,
  answers,
  abilities,
  sendings = [],
  charts,
  form,
}: {
  /** the request's token, or the kept rendering's slot for it */
  csrfToken: string;
  p: RegionalPicture;
  /** the picture's own address (the form posts here) */
  base: string;
  docx: string;
  /** where a recall is posted (the county's page only) */
  recall?: string;
  answers: AnswerDownloads | undefined;
  abilities: PictureAbilities;
  /** the picture's sendings, the latest first (the county's page only) */
  sendings?: PictureSending[];
  charts: Record<string, string>;
  form: FormState;
}): JSX.Element {
  const readonly = !abilities.canEdit;
  const canSubmit = abilities.canSubmit;
  const chosen = new Set(p.quotes.map((q) => `${q.responseId}:${q.questionId}`));
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        {p.status === 'submitted' ? (
          <>
            <strong class="govuk-tag govuk-tag--green" safe>
              {pictureStatusLabels.submitted}
            </strong>{' '}
            <span safe>{`till nationell samordnare ${p.submittedAt ? formatDate(p.submittedAt) : ''}`}</span>
          </>
        ) : (
          <strong class="govuk-tag govuk-tag--blue" safe>
            {pictureStatusLabels.draft}
          </strong>
        )}
      </p>
      {p.status === 'submitted' && recall && abilities.canRecall ? (
        <PostForm action={recall} csrfToken={csrfToken}>
          <p class="govuk-body">
            Har något blivit fel? Ni kan återkalla lägesbilden tills den nationella samordnaren har stängt den
            nationella sammanställningen. Samordnaren får e-post om det.
          </p>
          <button type="submit" class="govuk-button govuk-button--warning">
            Återkalla lägesbilden
          </button>
        </PostForm>
      ) : (
        ''
      )}
      {abilities.recallRefused ? (
        <p class="govuk-inset-text" safe>
          {abilities.recallRefused}
        </p>
      ) : (
        ''
      )}
      <SendingHistory sendings={sendings} />
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
      <EditableIf editable={!readonly} action={base} csrfToken={csrfToken}>
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
              <div class="govuk-grid-column-one-half">
                {/* The chart names itself (its title and aria-label) and leads to its numbers' table. */}
                <figure class="sv-chart">
                  <figcaption class="govuk-body-s">
                    <span class="govuk-!-font-weight-bold" safe>{`Diagram: ${a.label}`}</span>
                    {' – samma siffror finns i '}
                    <a class="govuk-link" href={`#${distributionTableId(a)}`} safe>
                      {`tabellen Fördelning: ${a.label}`}
                    </a>
                    .
                  </figcaption>
                  {/* SVG rendered by vega from our own numbers and labels, escaped by vega */}
                  {safeChart(charts, a.key)}
                </figure>
              </div>
            </div>
            <SummaryField
              area={a}
              value={(readonly ? undefined : form.values[`summary_${a.key}`]) ?? p.summaries[a.key] ?? ''}
              readonly={readonly}
              error={form.errors[`summary_${a.key}`]}
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
                Spara och gå vidare till att skicka
              </button>
            ) : (
              ''
            )}
          </div>
        )}
      </EditableIf>
    </>
  );
}

/** The regional picture's h1 and caption. */
export function regionalPictureHeading(p: RegionalPicture): PageHeading {
  return {
    title: `Regional lägesbild: ${p.meta.occasionLabel}`,
    caption: `${p.county.name} – ${p.meta.roundTitle}`,
  };
}

export function RegionalPicturePage({
  ctx,
  breadcrumbs,
  ...content
}: Omit<Parameters<typeof RegionalPictureContent>[0], 'csrfToken'> & {
  ctx: PageContext;
  breadcrumbs: Array<{ href: string; label: string }>;
}): JSX.Element {
  return (
    <KeptContentPage
      ctx={ctx}
      heading={regionalPictureHeading(content.p)}
      breadcrumbs={breadcrumbs}
      html={RegionalPictureContent({ ...content, csrfToken: ctx.csrfToken })}
    />
  );
}

/** A page whose content was rendered before (or just now), inside this request's page shell. */
export function KeptContentPage({
  ctx,
  heading,
  breadcrumbs,
  html,
}: {
  ctx: PageContext;
  heading: PageHeading;
  breadcrumbs: Array<{ href: string; label: string }>;
  html: JSX.Element;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={heading.title} caption={heading.caption} breadcrumbs={breadcrumbs}>
      {html}
    </Layout>
  );
}

export interface PageHeading {
  title: string;
  caption: string;
}

const RECEIVED = new Set(['submitted', 'approved']);

/**
 * What the county is about to send, and what is still missing, before anything leaves: "8 av 9 har inte
 * svarat; sista svarsdag är 20 december 2026 — skicka ändå?"
 */
export function missingSentence(
  expected: number,
  received: number,
  deadlineAt: Date,
  now = new Date(),
): string | undefined {
  const missing = expected - received;
  if (missing <= 0) return undefined;
  const deadline =
    now <= deadlineAt
      ? `sista svarsdag är ${formatDate(deadlineAt)}`
      : `sista svarsdag var ${formatDate(deadlineAt)}`;
  return `${missing} av ${expected} har inte svarat; ${deadline} — skicka ändå?`;
}

export function SubmitPicturePage({
  ctx,
  p,
  action,
  back,
  breadcrumbs,
  entries,
  refusal,
  national,
  form,
}: {
  ctx: PageContext;
  p: RegionalPicture;
  /** where the sending is posted */
  action: string;
  /** the picture's page */
  back: string;
  breadcrumbs: Array<{ href: string; label: string }>;
  /** the occasion's respondents and their responses */
  entries: Array<{ respondent: RespondentView; response: Pick<ResponseRow, 'status'> | null }>;
  /** why it cannot be sent now (already sent, compilation closed) */
  refusal: string | undefined;
  /** sent to the national coordinator (a national round), or kept in the county (its own round) */
  national: boolean;
  form: FormState;
}): JSX.Element {
  const c = p.completeness;
  const missing = entries.filter((e) => !e.response || !RECEIVED.has(e.response.status));
  const unreviewed = c.received - c.approved;
  const unsummarised = p.areas.filter((a) => !(p.summaries[a.key] ?? '').trim());
  const sentence = missingSentence(c.expected, c.received, p.meta.deadlineAt);
  return (
    <Layout
      ctx={ctx}
      title="Skicka den regionala lägesbilden"
      caption={`${p.county.name} – ${p.meta.roundTitle}, ${p.meta.occasionLabel}`}
      breadcrumbs={breadcrumbs}
    >
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <>
          <p class="govuk-inset-text" safe>
            {refusal}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={back}>
              Tillbaka till lägesbilden
            </a>
          </p>
        </>
      ) : (
        <>
          {sentence ? (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Varning</span>
                <span safe>{sentence}</span>
              </strong>
            </div>
          ) : (
            <p class="govuk-body" safe>
              {c.expected === 1 ? 'Den enda svarande har svarat.' : `Alla ${c.expected} svarande har svarat.`}
            </p>
          )}
          <dl class="govuk-summary-list">
            {[
              ['Inkomna svar', `${c.received} av ${c.expected}`],
              ['Inkomna i tid', `${c.onTime} av ${c.expected}`],
              ['Inte granskade', unreviewed > 0 ? countOf(unreviewed, 'svar', 'svar') : 'Inga'],
              [
                'Områden utan sammanfattning',
                unsummarised.length ? unsummarised.map((a) => a.label).join(', ') : 'Inga',
              ],
              ['Valda citat', p.quotes.length ? countOf(p.quotes.length, 'citat', 'citat') : 'Inga'],
              ['Sista svarsdag', formatDate(p.meta.deadlineAt)],
            ].map(([k, v]) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key" safe>
                  {k}
                </dt>
                <dd class="govuk-summary-list__value" safe>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          {missing.length ? (
            <Table
              caption={`Har inte svarat (${missing.length})`}
              captionSize="s"
              rows={missing}
              columns={[
                { header: 'Organisation', cell: (e) => <span safe>{e.respondent.name}</span> },
                { header: 'Status', cell: (e) => <StatusTag status={e.response?.status ?? 'none'} /> },
              ]}
            />
          ) : (
            ''
          )}
          <p class="govuk-body">
            {national
              ? 'Den nationella samordnaren får lägesbilden som den ser ut nu. Svar som kommer in senare kommer inte med. Ni kan återkalla lägesbilden tills samordnaren har stängt den nationella sammanställningen.'
              : 'Lägesbilden låses som den ser ut nu. Svar som kommer in senare kommer inte med. Ni kan återkalla den och skicka igen.'}
          </p>
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            <div class="govuk-button-group">
              <Button>{sentence ? 'Ja, skicka ändå' : 'Skicka lägesbilden'}</Button>
              <a class="govuk-link" href={back}>
                Nej, tillbaka till lägesbilden
              </a>
            </div>
          </PostForm>
        </>
      )}
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
  links,
}: {
  area: AreaRef;
  levels: Record<string, Level>;
  names: Record<string, string>;
  links?: Record<string, PlaceLinks>;
}): JSX.Element {
  return (
    <TileMap
      title={`Länen: ${area.label}`}
      caption="medelvärdet av kommunernas bedömningar, avrundat. Vita län har inte skickat in sin regionala lägesbild. Länets namn leder till dess regionala lägesbild, ”Word” till dess rapport."
      values={levels}
      names={names}
      scale={levelScale}
      links={links}
    />
  );
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
      title={`Kommunerna: ${area.label}`}
      description={`Karta över kommunernas bedömning: ${area.label}. Kommuner utan inskickad bedömning är vita. Samma uppgifter finns i tabellen över kommunernas bedömningar.`}
      attribution={BOUNDARY_ATTRIBUTION}
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

export function NationalPictureContent({
  csrfToken,
  p,
  answers,
  map,
  base,
  docx,
  close,
  abilities,
  form,
}: {
  /** the request's token, or the kept rendering's slot for it */
  csrfToken: string;
  p: NationalPicture;
  /** where the round lets the coordinator read the answers beneath submitted regional pictures */
  answers: AnswerDownloads | undefined;
  /** the municipal map (where boundaries are stored: shipped with the product, or imported since) */
  map: { area: AreaRef; municipalities: MapShape[]; counties: MapShape[] } | undefined;
  /** the page's own address (the summaries post here, the map's area choice is a GET here) */
  base: string;
  docx: string;
  /** the page that closes the compilation */
  close: string;
  abilities: NationalAbilities;
  form: FormState;
}): JSX.Element {
  const names = Object.fromEntries(p.counties.map((c) => [c.code, c.name]));
  const submitted = p.counties.filter((c) => c.regionalSubmitted).length;
  const round = { id: p.meta.roundId };
  const occasion = { id: p.meta.occasionId };
  const links: Record<string, PlaceLinks> = Object.fromEntries(
    p.counties
      .filter((c) => c.regionalSubmitted)
      .map((c) => [
        c.code,
        {
          page: urls.nationalRegional(round, occasion, c),
          document: { href: urls.nationalRegionalDocx(round, occasion, c), label: 'Word' },
        },
      ]),
  );
  const canEdit = abilities.canEdit;
  return (
    <>
      <ErrorSummary errors={form.errors} />
      {p.closedAt ? (
        <p class="govuk-inset-text" safe>
          {`Sammanställningen stängdes ${formatDateTime(p.closedAt)}. Länens regionala lägesbilder kan inte längre återkallas eller skickas.`}
        </p>
      ) : abilities.canClose ? (
        <p class="govuk-body sv-no-print">
          Länen kan återkalla sina lägesbilder tills sammanställningen är stängd.{' '}
          <a class="govuk-link" href={close}>
            Stäng sammanställningen
          </a>
        </p>
      ) : (
        ''
      )}
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
          {
            header: 'Län',
            cell: (c) =>
              links[c.code] ? (
                <a class="govuk-link" href={links[c.code]!.page} safe>
                  {c.name}
                </a>
              ) : (
                <span safe>{c.name}</span>
              ),
          },
          { header: 'Länskod', cell: (c) => <span safe>{c.code}</span> },
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
          {
            header: 'Rapport',
            cell: (c) =>
              links[c.code]?.document ? (
                <a class="govuk-link" href={links[c.code]!.document!.href}>
                  Word<span class="govuk-visually-hidden" safe>{`, ${c.name}`}</span>
                </a>
              ) : (
                <span class="sv-muted">–</span>
              ),
          },
        ]}
      />
      <RiskTable
        caption="Bedömd påverkan per område och län (medelvärde av kommunernas bedömningar)"
        firstHeader="Län"
        areas={p.areas}
        rows={p.rows}
        links={Object.fromEntries(Object.entries(links).map(([code, l]) => [code, l.page]))}
      />
      <EditableIf editable={canEdit} action={base} csrfToken={csrfToken}>
        {p.areas.map((a) => (
          <section aria-labelledby={`a-${a.key}`} class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-l" id={`a-${a.key}`} safe>
              {a.label}
            </h2>
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <CountyTileMap
                  area={a}
                  levels={Object.fromEntries(p.rows.map((r) => [r.id, r.levels[a.key] ?? null]))}
                  names={names}
                  links={links}
                />
              </div>
              <div class="govuk-grid-column-one-half">
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
            {canEdit ? (
              <TextArea
                name={`summary_${a.key}`}
                label={`Nationell sammanfattning: ${a.label}`}
                rows={4}
                maxLength={TEXT_LIMITS.pictureSummary}
                form={{
                  values: {
                    [`summary_${a.key}`]: form.values[`summary_${a.key}`] ?? p.summaries[a.key] ?? '',
                  },
                  errors: form.errors,
                }}
              />
            ) : (
              <div class="govuk-!-margin-bottom-6">
                <h3 class="govuk-heading-s" safe>{`Nationell sammanfattning: ${a.label}`}</h3>
                <p class="govuk-body sv-prewrap" safe>
                  {p.summaries[a.key] || 'Ingen sammanfattning skriven.'}
                </p>
              </div>
            )}
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
      </EditableIf>
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
        <p class="govuk-body">Kommunkartan kan inte visas just nu. Samma uppgifter finns i tabellen nedan.</p>
      )}
      <Table
        caption="Bedömd påverkan per kommun (län med inskickad regional lägesbild)"
        rows={p.municipalities}
        empty="Inget län har skickat in sin regionala lägesbild ännu."
        columns={[
          { header: 'Kommun', cell: (m) => <span safe>{m.name}</span> },
          { header: 'Kommunkod', cell: (m) => <span safe>{m.code}</span> },
          { header: 'Län', cell: (m) => <span safe>{m.countyName}</span> },
          ...p.areas.map((a) => ({
            header: a.label,
            cell: (m: NationalPicture['municipalities'][number]) => (
              <LevelTag level={m.levels[a.key] ?? null} />
            ),
          })),
        ]}
      />
    </>
  );
}

/** The national picture's h1 and caption. */
export function nationalPictureHeading(p: NationalPicture): PageHeading {
  return { title: `Nationell lägesbild: ${p.meta.occasionLabel}`, caption: p.meta.roundTitle };
}

export const nationalPictureBreadcrumbs = (): Array<{ href: string; label: string }> => [
  { href: urls.nationalRounds(), label: 'Nationell lägesbild' },
];

export function NationalPicturePage({
  ctx,
  ...content
}: Omit<Parameters<typeof NationalPictureContent>[0], 'csrfToken'> & { ctx: PageContext }): JSX.Element {
  return (
    <KeptContentPage
      ctx={ctx}
      heading={nationalPictureHeading(content.p)}
      breadcrumbs={nationalPictureBreadcrumbs()}
      html={NationalPictureContent({ ...content, csrfToken: ctx.csrfToken })}
    />
  );
}

/** Before the coordinator closes the compilation: what is in it and what is not, and that it is final. */
export function CloseNationalPage({
  ctx,
  p,
  action,
  back,
  refusal,
  form,
}: {
  ctx: PageContext;
  p: NationalPicture;
  action: string;
  back: string;
  refusal: string | undefined;
  form: FormState;
}): JSX.Element {
  const missing = p.counties.filter((c) => !c.regionalSubmitted);
  const sent = p.counties.length - missing.length;
  return (
    <Layout
      ctx={ctx}
      title="Stäng den nationella sammanställningen"
      caption={`${p.meta.roundTitle}, ${p.meta.occasionLabel}`}
      breadcrumbs={[
        { href: urls.nationalRounds(), label: 'Nationell lägesbild' },
        { href: back, label: p.meta.occasionLabel },
      ]}
    >
      <ErrorSummary errors={form.errors} />
      {refusal ? (
        <p class="govuk-inset-text" safe>
          {refusal}
        </p>
      ) : (
        <>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Varning</span>
              <span safe>
                {missing.length
                  ? `${missing.length} av ${p.counties.length} län har inte skickat in sin regionala lägesbild — stäng ändå?`
                  : `Alla ${p.counties.length} län har skickat in sin regionala lägesbild.`}
              </span>
            </strong>
          </div>
          <p class="govuk-body" safe>
            {`När sammanställningen är stängd kan länen inte längre återkalla eller skicka sina lägesbilder. Sammanställningen innehåller ${countOf(sent, 'län', 'län')}.`}
          </p>
          {missing.length ? (
            <Table
              caption={`Har inte skickat in (${missing.length})`}
              captionSize="s"
              rows={missing}
              columns={[
                { header: 'Län', cell: (c) => <span safe>{c.name}</span> },
                { header: 'Länskod', cell: (c) => <span safe>{c.code}</span> },
              ]}
            />
          ) : (
            ''
          )}
          <PostForm action={action} csrfToken={ctx.csrfToken}>
            <div class="govuk-button-group">
              <Button variant="warning">
                {missing.length ? 'Ja, stäng ändå' : 'Stäng sammanställningen'}
              </Button>
              <a class="govuk-link" href={back}>
                Nej, tillbaka
              </a>
            </div>
          </PostForm>
        </>
      )}
      {refusal ? (
        <p class="govuk-body">
          <a class="govuk-link" href={back}>
            Tillbaka till den nationella lägesbilden
          </a>
        </p>
      ) : (
        ''
      )}
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
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href={urls.nationalRound(r)} safe>
              {r.title}
            </a>
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
