import { formatDate } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Button, ErrorSummary, PostForm, Table, TextArea, type FormState } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { formatAnswer, type AnswerChange } from '../../forms/index.ts';
import { allQuestions, isShown, type Answers, type Definition } from '../../forms/index.ts';
import type { Completeness } from '../picture.ts';
import type { CountyAbilities, ResponseAbilities, RoundAbilities } from '../policy.ts';
import type { Occasion, RespondentView, ResponseRow, Round, RoundHistoryEntry } from '../repository.ts';
import { RoundActions, RoundHistory, RoundStateTags } from './round-admin.tsx';
import { urls } from '../urls.ts';
import { responseActionLabels, responseStatusLabels } from '../labels.ts';
import { TEXT_LIMITS } from '../schemas.ts';
import { CompletenessList, StatusTag, when } from './parts.tsx';

export interface RoundSummary {
  round: Round;
  occasions: Occasion[];
}

/** The county in whose pages these views stand. */
export interface CountyOf {
  name: string;
  slug: string;
}

export function CountyRoundsPage({
  ctx,
  county,
  rounds,
  abilities,
}: {
  ctx: PageContext;
  county: CountyOf;
  rounds: RoundSummary[];
  abilities: CountyAbilities;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Lägesbild"
      caption={county.name}
      breadcrumbs={[{ href: `/${county.slug}/admin`, label: 'Länets arbete' }]}
    >
      <p class="govuk-body">
        Rapporteringsomgångar där länets kommuner och andra aktörer bedömer risker och redovisar åtgärder.
        Nationella omgångar öppnas av den nationella samordnaren; länet kan också öppna egna.
      </p>
      {abilities.canManage ? (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.newRound(county)}>
            Öppna en ny omgång för länet
          </a>
          {' · '}
          <a class="govuk-link" href={urls.questionnaires(county)}>
            Länets formulär
          </a>
        </p>
      ) : (
        ''
      )}
      {rounds.length === 0 ? <p class="govuk-body">Inga omgångar ännu.</p> : ''}
      {rounds.map(({ round, occasions }) => (
        <section class="sv-card govuk-!-margin-bottom-6" aria-label={round.title}>
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href={urls.round(county, round)} safe>
              {round.title}
            </a>
          </h2>
          <p class="govuk-body-s">
            {round.scope === 'national' ? 'Nationell omgång' : 'Länets egen omgång'}{' '}
            <RoundStateTags round={round} />
          </p>
          <ul class="govuk-list">
            {occasions.map((o) => (
              <li safe>{`${o.label}: sista svarsdag ${formatDate(o.deadlineAt)}`}</li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface OccasionSummary {
  occasion: Occasion;
  completeness: Completeness;
}

/**
 * A page put together from its heading and breadcrumbs (its shell) and its content, in one request: what a
 * refused form shows again. A view kept per version sends the content kept and the shell alone (`sendKept`).
 */
function pageOf<P extends object>(
  headingOf: (props: P) => {
    heading: { title: string; caption: string };
    breadcrumbs: Array<{ href: string; label: string }>;
  },
  Content: (props: P & { csrfToken: string }) => JSX.Element,
): (props: P & { ctx: PageContext }) => JSX.Element {
  return ({ ctx, ...props }) => {
    const { heading, breadcrumbs } = headingOf(props as unknown as P);
    return (
      <Layout ctx={ctx} title={heading.title} caption={heading.caption} breadcrumbs={breadcrumbs}>
        {Content({ ...(props as unknown as P), csrfToken: ctx.csrfToken })}
      </Layout>
    );
  };
}

type RoundContentProps = {
  county: CountyOf;
  round: Round;
  occasions: OccasionSummary[];
  candidates: Array<{ id: string; name: string; type: string }>;
  chosen: Set<string>;
  abilities: CountyAbilities;
  /** the changes the actor may make to the round itself (the county's own rounds) */
  roundAbilities: RoundAbilities;
  history: RoundHistoryEntry[];
  form: FormState;
  csrfToken: string;
};

/** The round page's heading and breadcrumbs: its shell, around its content. */
export function roundHeading({ county, round }: Pick<RoundContentProps, 'county' | 'round'>) {
  return {
    heading: { title: round.title, caption: county.name },
    breadcrumbs: [{ href: urls.rounds(county), label: 'Lägesbild' }],
  };
}

export const RoundPage = pageOf<Omit<RoundContentProps, 'csrfToken'>>(roundHeading, RoundContent);

/** What the round page shows inside its shell: the same for every viewer who may do the same. */
export function RoundContent({
  county,
  round,
  occasions,
  candidates,
  chosen,
  abilities,
  roundAbilities,
  history,
  form,
  csrfToken,
}: RoundContentProps): JSX.Element {
  const groups: Array<[string, string[]]> = [
    ['Kommuner', ['municipality']],
    ['Region', ['region']],
    ['Andra organisationer', ['government_agency', 'university', 'business', 'civil_society', 'other']],
  ];
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <RoundStateTags round={round} />
      </p>
      <p class="govuk-body" safe>
        {round.topic}
      </p>
      <RoundActions county={county} round={round} abilities={roundAbilities} />
      {occasions.map(({ occasion, completeness }) => (
        <section aria-labelledby={`o-${occasion.id}`} class="govuk-!-margin-bottom-6">
          <h2 class="govuk-heading-m" id={`o-${occasion.id}`} safe>
            {occasion.label}
          </h2>
          <CompletenessList c={completeness} deadlineAt={occasion.deadlineAt} />
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={urls.occasion(county, round, occasion)} safe>
                {`Svar per organisation – ${occasion.label}`}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={urls.regional(county, round, occasion)} safe>
                {`Regional lägesbild – ${occasion.label}`}
              </a>
            </li>
          </ul>
        </section>
      ))}
      <h2 class="govuk-heading-m">Svarande i länet</h2>
      {abilities.canManage ? (
        <PostForm action={urls.respondents(county, round)} csrfToken={csrfToken}>
          <div
            class={`govuk-form-group${form.errors.organisationIds ? ' govuk-form-group--error' : ''}`}
            id="organisationIds"
          >
            {form.errors.organisationIds ? (
              <p class="govuk-error-message">
                <span class="govuk-visually-hidden">Fel:</span>{' '}
                <span safe>{form.errors.organisationIds}</span>
              </p>
            ) : (
              ''
            )}
            {groups.map(([legend, types]) => (
              <fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
                  {legend}
                </legend>
                <div class="govuk-checkboxes govuk-checkboxes--small sv-columns">
                  {candidates
                    .filter((c) => types.includes(c.type))
                    .map((c) => (
                      <div class="govuk-checkboxes__item">
                        <input
                          class="govuk-checkboxes__input"
                          id={`org-${c.id}`}
                          name="organisationIds"
                          type="checkbox"
                          value={c.id}
                          checked={chosen.has(c.id)}
                        />
                        <label class="govuk-label govuk-checkboxes__label" for={`org-${c.id}`} safe>
                          {c.name}
                        </label>
                      </div>
                    ))}
                </div>
              </fieldset>
            ))}
          </div>
          <Button variant="secondary">Spara svarande</Button>
        </PostForm>
      ) : (
        <ul class="govuk-list">
          {candidates
            .filter((c) => chosen.has(c.id))
            .map((c) => (
              <li safe>{c.name}</li>
            ))}
        </ul>
      )}
      {round.scope === 'county' ? <RoundHistory entries={history} /> : ''}
    </>
  );
}

type OccasionContentProps = {
  county: CountyOf;
  round: Round;
  occasion: Occasion;
  completeness: Completeness;
  /** each respondent with its response (if started) and what the actor may do with it */
  entries: Array<{ respondent: RespondentView; response: ResponseRow | null; abilities: ResponseAbilities }>;
  form: FormState;
  csrfToken: string;
};

/** The occasion page's heading and breadcrumbs: its shell, around its content. */
export function occasionHeading({
  county,
  round,
  occasion,
}: Pick<OccasionContentProps, 'county' | 'round' | 'occasion'>) {
  return {
    heading: { title: `Svar: ${occasion.label}`, caption: `${county.name} – ${round.title}` },
    breadcrumbs: [
      { href: urls.rounds(county), label: 'Lägesbild' },
      { href: urls.round(county, round), label: round.title },
    ],
  };
}

export const OccasionPage = pageOf<Omit<OccasionContentProps, 'csrfToken'>>(occasionHeading, OccasionContent);

/** What the occasion page shows inside its shell: the same for every viewer who may do the same. */
export function OccasionContent({
  county,
  round,
  occasion,
  completeness,
  entries,
  form,
  csrfToken,
}: OccasionContentProps): JSX.Element {
  // The column is there while someone may be reopened; a reopened response says so.
  const reopening = entries.some((e) => e.abilities.canReopen);
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <CompletenessList c={completeness} deadlineAt={occasion.deadlineAt} />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.regional(county, round, occasion)}>
          Regional lägesbild
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={urls.answers(county, round, occasion, 'xlsx')}>
          Alla svar som Excel
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={urls.answers(county, round, occasion, 'csv')}>
          som CSV
        </a>
      </p>
      <Table
        caption="Svar per organisation"
        rows={entries}
        columns={[
          {
            header: 'Organisation',
            cell: ({ respondent, response }) =>
              response ? (
                <a class="govuk-link" href={urls.response(county, response)} safe>
                  {respondent.name}
                </a>
              ) : (
                <span safe>{respondent.name}</span>
              ),
          },
          { header: 'Status', cell: ({ response }) => <StatusTag status={response?.status ?? 'none'} /> },
          { header: 'Inskickat', cell: ({ response }) => <span safe>{when(response?.submittedAt)}</span> },
          {
            header: 'I tid',
            cell: ({ response }) => (
              <span>
                {response?.submittedAt
                  ? response.submittedAt <= occasion.deadlineAt
                    ? 'Ja'
                    : 'Nej, sent'
                  : '–'}
              </span>
            ),
          },
          ...(reopening
            ? [
                {
                  header: 'Efter sista svarsdag',
                  cell: ({ respondent, response, abilities }: (typeof entries)[number]) => (
                    <>
                      {abilities.canReopen ? (
                        <PostForm
                          action={urls.reopenRespondent(county, round, occasion, respondent.organisationId)}
                          csrfToken={csrfToken}
                        >
                          <button type="submit" class="govuk-button govuk-button--secondary sv-small-button">
                            Öppna för svar
                            <span class="govuk-visually-hidden" safe>{` för ${respondent.name}`}</span>
                          </button>
                        </PostForm>
                      ) : response?.reopened ? (
                        'Öppnad'
                      ) : (
                        ''
                      )}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

export interface HistoryEntry {
  version: number;
  status: ResponseRow['status'];
  changedAt: Date;
  changedByName: string | null;
  note: string | null;
  changes: AnswerChange[];
}

export function AnswersView({
  definition,
  answers,
}: {
  definition: Definition;
  answers: Answers;
}): JSX.Element {
  return (
    <>
      {definition.sections.map((s) => (
        <section aria-labelledby={`s-${s.id}`}>
          <h2 class="govuk-heading-m" id={`s-${s.id}`} safe>
            {s.title}
          </h2>
          <dl class="govuk-summary-list">
            {allQuestions({ areas: [], sections: [s] })
              .filter((q) => isShown(q, answers))
              .map((q) => (
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key" safe>
                    {q.label}
                  </dt>
                  <dd class="govuk-summary-list__value sv-prewrap" safe>
                    {formatAnswer(q, answers[q.id]) || '–'}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  );
}

type ResponseContentProps = {
  county: CountyOf;
  round: Round;
  occasion: Occasion;
  organisationName: string;
  response: ResponseRow;
  definition: Definition;
  history: HistoryEntry[];
  abilities: ResponseAbilities;
  form: FormState;
  csrfToken: string;
};

/** The response page's heading and breadcrumbs: its shell, around its content. */
export function responseHeading({
  county,
  round,
  occasion,
  organisationName,
}: Pick<ResponseContentProps, 'county' | 'round' | 'occasion' | 'organisationName'>) {
  return {
    heading: { title: organisationName, caption: `${round.title} – ${occasion.label}` },
    breadcrumbs: [{ href: urls.occasion(county, round, occasion), label: `Svar: ${occasion.label}` }],
  };
}

export const ResponsePage = pageOf<Omit<ResponseContentProps, 'csrfToken'>>(responseHeading, ResponseContent);

/** What the response page shows inside its shell: the same for every viewer who may do the same. */
export function ResponseContent({
  county,
  response,
  definition,
  history,
  abilities,
  form,
  csrfToken,
}: ResponseContentProps): JSX.Element {
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">
        <StatusTag status={response.status} />{' '}
        <span safe>{`Inskickat: ${when(response.submittedAt)}. ${county.name}.`}</span>
      </p>
      {response.returnComment && response.status === 'returned' ? (
        <div class="govuk-inset-text">
          <span class="govuk-!-font-weight-bold">Återlämnat med kommentaren: </span>
          <span safe>{response.returnComment}</span>
        </div>
      ) : (
        ''
      )}
      {abilities.canApprove || abilities.canReturn ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            {abilities.canApprove ? (
              <PostForm action={urls.approve(county, response)} csrfToken={csrfToken}>
                <input type="hidden" name="version" value={String(response.version)} />
                <Button>{responseActionLabels.approve}</Button>
              </PostForm>
            ) : (
              ''
            )}
          </div>
          <div class="govuk-grid-column-one-half">
            {abilities.canReturn ? (
              <PostForm action={urls.giveBack(county, response)} csrfToken={csrfToken}>
                <input type="hidden" name="version" value={String(response.version)} />
                <TextArea
                  name="comment"
                  label="Vad behöver kompletteras?"
                  rows={3}
                  maxLength={TEXT_LIMITS.returnComment}
                  form={form}
                />
                <Button variant="secondary">{responseActionLabels.return}</Button>
              </PostForm>
            ) : (
              ''
            )}
          </div>
        </div>
      ) : (
        ''
      )}
      {abilities.canReopen ? (
        <PostForm action={urls.reopen(county, response)} csrfToken={csrfToken}>
          <input type="hidden" name="version" value={String(response.version)} />
          <Button variant="secondary">Öppna för svar efter sista svarsdag</Button>
        </PostForm>
      ) : (
        ''
      )}
      <AnswersView definition={definition} answers={response.answers} />
      <h2 class="govuk-heading-m">Historik</h2>
      {history.length === 0 ? <p class="govuk-body">Inga sparade versioner.</p> : ''}
      {history.map((h) => (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text" safe>
              {`Version ${h.version}: ${responseStatusLabels[h.status].toLowerCase()} ${when(h.changedAt)} av ${h.changedByName ?? 'okänd'}`}
            </span>
          </summary>
          <div class="govuk-details__text">
            {h.note ? <p class="govuk-body" safe>{`Kommentar: ${h.note}`}</p> : ''}
            {h.changes.length === 0 ? (
              <p class="govuk-body">Inga ändrade svar.</p>
            ) : (
              <Table
                caption="Ändrade svar"
                captionSize="s"
                rows={h.changes}
                columns={[
                  { header: 'Fråga', cell: (c) => <span safe>{c.label}</span> },
                  { header: 'Före', cell: (c) => <del safe>{c.before || '–'}</del> },
                  { header: 'Efter', cell: (c) => <ins safe>{c.after || '–'}</ins> },
                ]}
              />
            )}
          </div>
        </details>
      ))}
    </>
  );
}
