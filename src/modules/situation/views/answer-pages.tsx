import { Html } from '@kitajs/html';
import type { FieldErrors } from '../../../platform/errors.ts';
import { countOf, formatDate } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { ErrorSummary, PostForm, SummaryList, type SummaryRow } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import {
  conditionHint,
  formatAnswer,
  invalidInputProblems,
  isFieldOf,
  isShown,
  QuestionField,
  questionAnchor,
  sectionProgress,
  sectionProgressLabels,
  validateForSubmit,
  type AnswerState,
  type Question,
  type Section,
  type SectionProgress,
} from '../../forms/index.ts';
import type { Assignment } from '../answering.ts';
import type { AnsweringAbilities } from '../policy.ts';
import { urls } from '../urls.ts';
import { CountyContacts } from './contacts.tsx';
import { StatusTag } from './parts.tsx';

/** What every page of one answer form shows. */
export interface AnswerPageBase {
  ctx: PageContext;
  a: Assignment;
  /** the stored answers and the input kept as typed */
  state: AnswerState;
  /** whether the answer may still change, or why not */
  abilities: AnsweringAbilities;
}

const overviewTitle = (a: Assignment) => `${a.round.title}: ${a.occasion.label}`;
const sectionUrl = (a: Assignment, sectionId: string) =>
  urls.assignmentSection(a.occasion.id, a.respondent.organisationId, sectionId);
const breadcrumbs = (a: Assignment, withOverview: boolean) => [
  { href: urls.assignments(), label: 'Mina uppdrag' },
  ...(withOverview
    ? [{ href: urls.assignment(a.occasion.id, a.respondent.organisationId), label: overviewTitle(a) }]
    : []),
];

/** The response's status, its deadline, the county's request for completion, and why it cannot change. */
function AnswerStatus({ a, abilities }: Pick<AnswerPageBase, 'a' | 'abilities'>): JSX.Element {
  return (
    <>
      <p class="govuk-body">
        <StatusTag status={a.response?.status ?? 'none'} />{' '}
        <span safe>{`Sista svarsdag ${formatDate(a.occasion.deadlineAt)} kl. 23.59.`}</span>
      </p>
      {a.response?.status === 'returned' && a.response.returnComment ? (
        <div class="govuk-inset-text">
          <span class="govuk-!-font-weight-bold">Länsstyrelsen ber er komplettera: </span>
          <span safe>{a.response.returnComment}</span>
        </div>
      ) : (
        ''
      )}
      {abilities.closedReason ? (
        <div class="govuk-inset-text sv-read-only">
          <p class="govuk-body govuk-!-font-weight-bold" safe>
            {abilities.closedReason}
          </p>
          <p class="govuk-body">Svaret visas nedan och kan inte ändras.</p>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

const progressTag: Record<SectionProgress, string> = {
  notStarted: 'govuk-tag govuk-tag--blue',
  inProgress: 'govuk-tag govuk-tag--light-blue',
  done: '',
};

/** One area's status in the task list: a tag until it is done, then plain text (GOV.UK's task list). */
function ProgressStatus({ progress, id }: { progress: SectionProgress; id: string }): JSX.Element {
  const text = sectionProgressLabels[progress];
  return (
    <div class="govuk-task-list__status" id={id}>
      {progressTag[progress] ? (
        <strong class={progressTag[progress]} safe>
          {text}
        </strong>
      ) : (
        <span safe>{text}</span>
      )}
    </div>
  );
}

/** What a section's answers and typed input need before submitting, counted for the task list's hint. */
function sectionNeeds(a: Assignment, section: Section, state: AnswerState): string {
  const fix = Object.keys(invalidInputProblems(a.definition, state.invalidInput)).filter((field) =>
    section.questions.some((q) => isFieldOf(q, field)),
  ).length;
  if (fix) return fix === 1 ? 'Ett svar behöver rättas' : `${fix} svar behöver rättas`;
  if (!section.questions.some((q) => q.required)) return 'Frivilligt att besvara';
  return '';
}

/** The overview: each area with its progress, then checking and submitting; read-only once it cannot change. */
export function TaskListPage({ ctx, a, state, abilities }: AnswerPageBase): JSX.Element {
  const sections = a.definition.sections;
  const progress = sections.map((s) => sectionProgress(a.definition, s, state));
  const done = progress.filter((p) => p === 'done').length;
  return (
    <Layout
      ctx={ctx}
      title={overviewTitle(a)}
      caption={a.organisationName}
      breadcrumbs={breadcrumbs(a, false)}
    >
      <AnswerStatus a={a} abilities={abilities} />
      <p class="govuk-body" safe>
        {a.round.topic}
      </p>
      <CountyContacts contacts={a.contacts} />
      {abilities.canSave ? (
        <>
          <h2 class="govuk-heading-m">Områden</h2>
          <p class="govuk-body" safe>
            {`Du har gjort klart ${done} av ${countOf(sections.length, 'område', 'områden')}. Allt du skriver sparas som utkast tills du skickar in.`}
          </p>
          <ul class="govuk-task-list">
            {sections.map((s, i) => {
              const hint = sectionNeeds(a, s, state);
              return (
                <li class="govuk-task-list__item govuk-task-list__item--with-link">
                  <div class="govuk-task-list__name-and-hint">
                    <a
                      class="govuk-link govuk-task-list__link"
                      href={sectionUrl(a, s.id)}
                      aria-describedby={`task-${s.id}-status${hint ? ` task-${s.id}-hint` : ''}`}
                      safe
                    >
                      {s.title}
                    </a>
                    {hint ? (
                      <div class="govuk-task-list__hint" id={`task-${s.id}-hint`} safe>
                        {hint}
                      </div>
                    ) : (
                      ''
                    )}
                  </div>
                  <ProgressStatus progress={progress[i]!} id={`task-${s.id}-status`} />
                </li>
              );
            })}
          </ul>
          <h2 class="govuk-heading-m">Skicka in</h2>
          <ul class="govuk-task-list">
            <li class="govuk-task-list__item govuk-task-list__item--with-link">
              <div class="govuk-task-list__name-and-hint">
                <a
                  class="govuk-link govuk-task-list__link"
                  href={urls.assignmentCheck(a.occasion.id, a.respondent.organisationId)}
                >
                  Kontrollera dina svar och skicka in
                </a>
              </div>
            </li>
          </ul>
        </>
      ) : (
        <AnswersSummary a={a} state={state} editable={false} />
      )}
    </Layout>
  );
}

/** A question's answer as the summary shows it: the answer, or the typed input with its problem. */
function answerRow(
  a: Assignment,
  section: Section,
  q: Question,
  state: AnswerState,
  problems: FieldErrors,
  editable: boolean,
): SummaryRow {
  const flags = Object.entries(problems)
    .filter(([field]) => isFieldOf(q, field))
    .map(([, message]) => message);
  const typed = Object.entries(state.invalidInput).filter(([field]) => isFieldOf(q, field));
  const answer = formatAnswer(q, state.answers[q.id]).split(' | ').join('\n');
  const value = typed.length ? typed.map(([, text]) => text).join('\n') : answer || 'Inte besvarad';
  return {
    key: q.label,
    value,
    flag: flags.join(' ') || undefined,
    action: editable
      ? {
          href: `${sectionUrl(a, section.id)}#${questionAnchor(q)}`,
          text: answer || typed.length ? 'Ändra' : 'Svara',
          hidden: `svaret på ”${q.label}” under ${section.title}`,
        }
      : undefined,
  };
}

/** Every shown question's answer, area by area: with change links while editable, read-only after. */
function AnswersSummary({
  a,
  state,
  editable,
  only,
  problems = invalidInputProblems(a.definition, state.invalidInput),
}: {
  a: Assignment;
  state: AnswerState;
  editable: boolean;
  only?: Section;
  /** what to flag beside the answers */
  problems?: FieldErrors;
}): JSX.Element {
  return (
    <>
      {(only ? [only] : a.definition.sections).map((s) => (
        <>
          <h2 class="govuk-heading-m" safe>
            {s.title}
          </h2>
          <SummaryList
            rows={s.questions
              .filter((q) => isShown(q, state.answers))
              .map((q) => answerRow(a, s, q, state, problems, editable))}
          />
        </>
      ))}
    </>
  );
}

/** One area of the form, on a page of its own. */
export function SectionPage({
  ctx,
  a,
  state,
  abilities,
  section,
  values,
  version,
  flags,
  notSaved,
}: AnswerPageBase & {
  section: Section;
  /** the fields' values: stored, or re-posted */
  values: Record<string, string>;
  /** the version the form is built from */
  version: number;
  /** input kept as typed that needs fixing before submitting (the draft is saved) */
  flags: FieldErrors;
  /** why the last save failed (nothing was saved) */
  notSaved: FieldErrors | undefined;
}): JSX.Element {
  const index = a.definition.sections.findIndex((s) => s.id === section.id);
  const count = a.definition.sections.length;
  const errors = notSaved ?? flags;
  const editable = abilities.canSave;
  return (
    <Layout
      ctx={ctx}
      title={section.title}
      caption={`Område ${index + 1} av ${count} · ${a.organisationName}`}
      breadcrumbs={breadcrumbs(a, true)}
    >
      {notSaved && Object.keys(notSaved).length ? (
        <ErrorSummary
          errors={notSaved}
          title="Utkastet är inte sparat"
          hrefOf={(field) => `#${field === '_form' ? 'sv-save-status' : field}`}
        />
      ) : Object.keys(flags).length && editable ? (
        <ErrorSummary errors={flags} title="Utkastet är sparat – rätta det här innan du skickar in" />
      ) : (
        ''
      )}
      {editable ? (
        <PostForm
          action={urls.assignment(a.occasion.id, a.respondent.organisationId)}
          csrfToken={ctx.csrfToken}
          className="sv-answer-form"
        >
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="section" value={section.id} />
          {section.description ? (
            <p class="govuk-body" safe>
              {section.description}
            </p>
          ) : (
            ''
          )}
          {section.questions.map((q) => (
            <QuestionField
              q={q}
              form={{ values, errors }}
              readonly={false}
              condition={conditionHint(q, a.definition)}
            />
          ))}
          <div class="sv-save-bar">
            <p class="govuk-body-s sv-autosave" id="sv-save-status" aria-live="polite">
              {Html.escapeHtml(notSaved?._form ? `Utkastet är inte sparat: ${notSaved._form}` : '')}
            </p>
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" name="intent" value="next">
                {index + 1 < count ? 'Spara och fortsätt' : 'Spara och kontrollera svaren'}
              </button>
              <button type="submit" class="govuk-button govuk-button--secondary" name="intent" value="save">
                Spara utkast
              </button>
            </div>
          </div>
        </PostForm>
      ) : (
        <>
          <AnswerStatus a={a} abilities={abilities} />
          <AnswersSummary a={a} state={state} editable={false} only={section} />
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.assignment(a.occasion.id, a.respondent.organisationId)}>
          Tillbaka till översikten
        </a>
      </p>
    </Layout>
  );
}

/** Every answer for a last look, each with a link to change it, then submitting. */
export function CheckAnswersPage({
  ctx,
  a,
  state,
  abilities,
  errors = {},
}: AnswerPageBase & { errors?: FieldErrors }): JSX.Element {
  const editable = abilities.canSave;
  const outstanding = editable ? validateForSubmit(a.definition, state) : {};
  const sectionOfField = (field: string) =>
    a.definition.sections.find((s) => s.questions.some((q) => isFieldOf(q, field)));
  const hrefOf = (field: string) => {
    const s = sectionOfField(field);
    return s ? `${sectionUrl(a, s.id)}#${field}` : '#main-content';
  };
  return (
    <Layout
      ctx={ctx}
      title="Kontrollera dina svar"
      caption={overviewTitle(a)}
      breadcrumbs={breadcrumbs(a, true)}
    >
      <ErrorSummary errors={errors} title="Svaret är inte inskickat" hrefOf={hrefOf} />
      {!Object.keys(errors).length && Object.keys(outstanding).length ? (
        <div class="govuk-inset-text">
          <p class="govuk-body" safe>
            {`Innan du kan skicka in behöver ${Object.keys(outstanding).length === 1 ? 'ett svar' : `${Object.keys(outstanding).length} svar`} fyllas i eller rättas. De är markerade nedan.`}
          </p>
        </div>
      ) : (
        ''
      )}
      <AnswerStatus a={a} abilities={abilities} />
      <AnswersSummary a={a} state={state} editable={editable} problems={{ ...outstanding, ...errors }} />
      {editable ? (
        <>
          <h2 class="govuk-heading-m">Skicka in svaret</h2>
          <p class="govuk-body">
            När du skickar in går svaret till länsstyrelsen. Därefter kan det bara ändras om länsstyrelsen
            återlämnar det för komplettering.
          </p>
          <PostForm
            action={urls.assignment(a.occasion.id, a.respondent.organisationId)}
            csrfToken={ctx.csrfToken}
          >
            <input type="hidden" name="version" value={String(a.response?.version ?? 0)} />
            <button type="submit" class="govuk-button" name="intent" value="submit">
              Skicka in svaret
            </button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
