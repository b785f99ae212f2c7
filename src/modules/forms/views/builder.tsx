import { Html } from '@kitajs/html';
import type { Children } from '@kitajs/html';
import { QuestionField } from './question-field.tsx';
import { formatDateTime } from '../../../platform/i18n.ts';
import type { FormValues } from '../../../platform/validation.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  CharacterCountInfo,
  Checkbox,
  Choices,
  Details,
  emptyForm,
  ErrorMessage,
  ErrorSummary,
  PostForm,
  scopedErrors,
  Select,
  Table,
  Tag,
  TextArea,
  TextInput,
  type FormState,
  type Option,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import {
  allQuestions,
  answerChoices,
  conditionHint,
  questionRoles,
  questionTypes,
  RISK_SCALE_MAX,
  type Definition,
  type Question,
  type Section,
} from '../definition.ts';
import type { QuestionnaireSummary } from '../repository.ts';
import {
  BUILDER_TEXT_LIMITS,
  MAX_SCALE_STEPS,
  OPTION_LABEL_MAX,
  optionField,
  optionRows,
  padRows,
  questionFormValues,
  scaleLabelField,
  STEP_ADD_OPTION,
  STEP_REFRESH,
  stepOf,
  usesOptions,
  usesScale,
} from '../question-form.ts';
import {
  hasTemplate,
  isConditionSource,
  questionRoleLabels,
  questionTypeLabels,
  type QuestionTemplates,
} from '../service.ts';

type Crumb = { href: string; label: string };

/** What the owning capability calls the use of a questionnaire: "en omgång", "omgångar". */
export interface UseWords {
  one: string;
  many: string;
}

/** Where the pages live (e.g. /nationellt/formular or /{län}/lagesbild/formular) and the owner's words. */
export interface QuestionnaireScopeView {
  base: string;
  caption: string;
  breadcrumbs: Crumb[];
  usedIn: UseWords;
  /** whether sections may be risk areas, questions have roles in them and list measures (default true) */
  riskAreas?: boolean;
  /** ready-made questions offered with one click (events: dietary and accessibility needs) */
  questionTemplates?: QuestionTemplates;
}

/** One form on a page of many: its own ids (its key), and the posted input and errors only if it was the one posted. */
interface Scoped {
  key: string;
  form: FormState;
}

// ---- The list ------------------------------------------------------------------------------------

function QuestionnaireTable({
  caption,
  rows,
  href,
  usedIn,
}: {
  caption: string;
  rows: QuestionnaireSummary[];
  href: (q: QuestionnaireSummary) => string;
  usedIn: UseWords;
}): JSX.Element {
  return (
    <Table
      caption={caption}
      rows={rows}
      columns={[
        {
          header: 'Formulär',
          cell: (q) => (
            <a class="govuk-link" href={href(q)} safe>
              {q.title}
            </a>
          ),
        },
        {
          header: 'Senaste version',
          numeric: true,
          cell: (q) => <span safe>{String(q.latestVersion)}</span>,
        },
        {
          header: 'Används',
          cell: (q) =>
            q.inUse ? (
              <Tag text={`Används i ${usedIn.one}`} colour="blue" />
            ) : (
              <Tag text="Används inte" colour="grey" />
            ),
        },
      ]}
    />
  );
}

export function QuestionnaireListPage({
  ctx,
  scope,
  own,
  national,
}: {
  ctx: PageContext;
  scope: QuestionnaireScopeView;
  own: QuestionnaireSummary[];
  /** for a county: the national templates, which it may read and copy but not change */
  national?: QuestionnaireSummary[];
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Formulär" caption={scope.caption} breadcrumbs={scope.breadcrumbs}>
      <p class="govuk-body">
        <span
          safe
        >{`Formulären som de svarande fyller i. Ett formulär som används i ${scope.usedIn.one} ändras aldrig under svaren: en ändring sparas då som en ny version.`}</span>
      </p>
      <p class="govuk-body">
        <a class="govuk-button" href={`${scope.base}/nytt`}>
          Nytt formulär
        </a>
      </p>
      {own.length === 0 ? (
        <p class="govuk-body">Inga egna formulär ännu.</p>
      ) : (
        <QuestionnaireTable
          caption={national ? 'Länets formulär' : 'Nationella formulär'}
          rows={own}
          href={(q) => `${scope.base}/${q.id}`}
          usedIn={scope.usedIn}
        />
      )}
      {national && national.length > 0 ? (
        <>
          <QuestionnaireTable
            caption="Nationella formulär"
            rows={national}
            href={(q) => `${scope.base}/${q.id}/version/${q.latestVersion}`}
            usedIn={scope.usedIn}
          />
          <p class="govuk-body-s">
            <span
              safe
            >{`Nationella formulär ändras av den nationella samordnaren. Länet kan använda dem i egna ${scope.usedIn.many} eller göra en egen kopia att ändra i.`}</span>
          </p>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function NewQuestionnairePage({
  ctx,
  scope,
  form,
  sources,
}: {
  ctx: PageContext;
  scope: QuestionnaireScopeView;
  form: FormState;
  sources: Option[];
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title="Nytt formulär"
      caption={scope.caption}
      breadcrumbs={[...scope.breadcrumbs, { href: scope.base, label: 'Formulär' }]}
    >
      <ErrorSummary errors={form.errors} />
      <PostForm action={`${scope.base}/nytt`} csrfToken={ctx.csrfToken}>
        <TextInput
          name="title"
          label="Rubrik"
          maxLength={BUILDER_TEXT_LIMITS.questionnaireTitle}
          form={form}
        />
        <Select
          name="copyFrom"
          label="Börja från"
          hint="Ett tomt formulär, eller en kopia av den senaste versionen av ett befintligt"
          placeholder="Tomt formulär"
          options={sources}
          form={form}
        />
        <Button>Skapa formuläret</Button>
      </PostForm>
    </Layout>
  );
}

// ---- The editor ----------------------------------------------------------------------------------

/** Which form was posted (its key) and what came back; every other form shows the saved state. */
export interface EditorState {
  formKey: string | undefined;
  form: FormState;
  /** the posted form was a step (add an option …): show it open, as it came back */
  open?: boolean;
}

/** A form is open when it holds the last post's errors, or a step of it came back. */
const isOpen = (state: EditorState, s: Scoped): boolean =>
  state.formKey === s.key && (fieldErrorCount(s) > 0 || state.open === true);

export const titleFormKey = 'title';
export const templatesFormKey = 'templates';
export const newSectionFormKey = 'new-section';
export const sectionFormKey = (sectionId: string): string => `section-${sectionId}`;
export const addQuestionFormKey = (sectionId: string): string => `add-${sectionId}`;
export const questionFormKey = (questionId: string): string => `question-${questionId}`;

function scoped(state: EditorState, key: string, saved: FormValues): Scoped {
  return { key, form: state.formKey === key ? state.form : emptyForm(saved) };
}

const fieldErrorCount = (s: Scoped) => Object.keys(s.form.errors).filter((k) => k !== '_form').length;

export interface VersionInfo {
  version: number;
  createdAt: Date;
  inUse: boolean;
}

/**
 * Move buttons of one item. The wrapper is there even when the item cannot move, so a script that moves
 * items without reloading the page can put in the buttons of the item's new place.
 */
function MoveButtons({
  action,
  csrfToken,
  label,
  canUp,
  canDown,
  item,
}: {
  action: string;
  csrfToken: string;
  label: string;
  canUp: boolean;
  canDown: boolean;
  /** the id of the moved element (avsnitt-…, fraga-…) */
  item: string;
}): JSX.Element {
  return (
    <div class="sv-move" data-move-for={item}>
      {canUp || canDown ? (
        <PostForm action={action} csrfToken={csrfToken} className="sv-inline-form sv-move-form">
          {canUp ? (
            <Button small variant="secondary" name="direction" value="up">
              Flytta upp<span class="govuk-visually-hidden" safe>{`: ${label}`}</span>
            </Button>
          ) : (
            ''
          )}{' '}
          {canDown ? (
            <Button small variant="secondary" name="direction" value="down">
              Flytta ned<span class="govuk-visually-hidden" safe>{`: ${label}`}</span>
            </Button>
          ) : (
            ''
          )}
        </PostForm>
      ) : (
        ''
      )}
    </div>
  );
}

function SectionFields({ s, riskAreas }: { s: Scoped; riskAreas: boolean }): JSX.Element {
  return (
    <>
      <TextInput
        idPrefix={s.key}
        form={s.form}
        name="title"
        label="Rubrik"
        maxLength={BUILDER_TEXT_LIMITS.sectionTitle}
      />
      <TextArea
        idPrefix={s.key}
        form={s.form}
        name="description"
        label="Beskrivning (frivillig)"
        maxLength={BUILDER_TEXT_LIMITS.sectionDescription}
      />
      {riskAreas ? (
        <Checkbox
          idPrefix={s.key}
          form={s.form}
          name="isArea"
          label="Avsnittet är ett riskområde (frågorna kan då bedöma risk, förklara och lista åtgärder för området)"
        />
      ) : (
        ''
      )}
    </>
  );
}

/** The questions a condition may refer to: choice questions before the position, plus what was posted. */
function conditionSources(def: Definition, before: Question[], posted: string): Question[] {
  const sources = before.filter(isConditionSource);
  const extra = allQuestions(def).find((q) => q.id === posted && !sources.includes(q));
  return [...sources, ...(extra ? [extra] : [])];
}

/**
 * A small button that changes the form, not the questionnaire (add a row, show another type's fields). It
 * posts the form as a step; with JavaScript the builder script does the same on the page and nothing is
 * posted.
 */
function StepButton({
  step,
  children,
  noScript = false,
}: {
  step: string;
  children: Children;
  /** only needed without JavaScript (the script shows the fields at once) */
  noScript?: boolean;
}): JSX.Element {
  return (
    <button
      type="submit"
      class={`govuk-button govuk-button--secondary sv-small-button${noScript ? ' sv-no-script' : ''}`}
      name="step"
      value={step}
      data-step={step}
    >
      {children}
    </button>
  );
}

/** The answer options as a list of rows: each a label, with buttons to move and remove it. */
function OptionList({ s }: { s: Scoped }): JSX.Element {
  // Empty rows to fill in even while another type is chosen: the script shows them when the type changes.
  const rows = padRows('single', optionRows(s.form.values));
  const id = `${s.key}-options`;
  const error = s.form.errors.options;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={id}>
      <fieldset class="govuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Svarsalternativ</legend>
        <div class="govuk-hint" id={`${id}-hint`}>
          De svarande ser alternativen i den här ordningen. Ett tomt alternativ sparas inte.
        </div>
        <ErrorMessage id={id} message={error} />
        <ol class="sv-option-list" data-option-list>
          {rows.map((row, i) => {
            const labelId = `${s.key}-${optionField(i, 'label')}`;
            const rowError = s.form.errors[optionField(i, 'label')];
            return (
              <li class="sv-option-row" data-option-row>
                <div
                  class={`govuk-form-group govuk-!-margin-bottom-0${rowError ? ' govuk-form-group--error' : ''}`}
                >
                  <label class="govuk-label" for={labelId} data-option-label safe>
                    {`Svarsalternativ ${i + 1}`}
                  </label>
                  <ErrorMessage id={labelId} message={rowError} />
                  <input
                    class={`govuk-input${rowError ? ' govuk-input--error' : ''}`}
                    id={labelId}
                    name={optionField(i, 'label')}
                    type="text"
                    value={row.label}
                    aria-describedby={`${rowError ? `${labelId}-error ` : ''}${labelId}-info`}
                  />
                  <CharacterCountInfo id={labelId} max={OPTION_LABEL_MAX} />
                  <input type="hidden" name={optionField(i, 'value')} value={row.value} />
                </div>
                <div class="sv-option-buttons">
                  <StepButton step={stepOf('up', i)}>
                    Upp<span class="govuk-visually-hidden" safe>{`: svarsalternativ ${i + 1}`}</span>
                  </StepButton>
                  <StepButton step={stepOf('down', i)}>
                    Ned<span class="govuk-visually-hidden" safe>{`: svarsalternativ ${i + 1}`}</span>
                  </StepButton>
                  <StepButton step={stepOf('remove', i)}>
                    Ta bort<span class="govuk-visually-hidden" safe>{`: svarsalternativ ${i + 1}`}</span>
                  </StepButton>
                </div>
              </li>
            );
          })}
        </ol>
        <StepButton step={STEP_ADD_OPTION}>Lägg till ett svarsalternativ</StepButton>
      </fieldset>
    </div>
  );
}

/** The scale: its number of steps, a label for each step (optional) and whether "Vet ej" is an answer. */
function ScaleFields({ s, riskAreas }: { s: Scoped; riskAreas: boolean }): JSX.Element {
  const max = Number(s.form.values.scaleMax) || RISK_SCALE_MAX;
  return (
    <fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Skala</legend>
      <Select
        idPrefix={s.key}
        form={s.form}
        name="scaleMax"
        label="Antal steg"
        {...(riskAreas
          ? { hint: `En riskbedömning har alltid skalan 1 till ${RISK_SCALE_MAX} med skalans egna ord.` }
          : {})}
        options={Array.from({ length: MAX_SCALE_STEPS - 1 }, (_, i) => ({
          value: String(i + 2),
          label: `${i + 2} steg`,
        }))}
      />
      <StepButton step={STEP_REFRESH} noScript>
        Visa etiketterna för antalet steg
      </StepButton>
      {Array.from({ length: MAX_SCALE_STEPS }, (_, i) => i + 1).map((step) => (
        <div data-scale-step={String(step)} hidden={step > max}>
          <TextInput
            idPrefix={s.key}
            form={s.form}
            name={scaleLabelField(step)}
            label={`Etikett för steg ${step} (frivillig)`}
            width="govuk-input--width-20"
            maxLength={OPTION_LABEL_MAX}
          />
        </div>
      ))}
      <Checkbox idPrefix={s.key} form={s.form} name="allowUnknown" label="Skalan har svaret ”Vet ej”" />
    </fieldset>
  );
}

/** The condition: an earlier question with answer options, then which of its answers show this question. */
function ConditionFields({ s, sources }: { s: Scoped; sources: Question[] }): JSX.Element {
  const chosen = sources.find((q) => q.id === s.form.values.showIfQuestion);
  return (
    <fieldset class="govuk-fieldset govuk-!-margin-bottom-4">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Villkor</legend>
      {sources.length === 0 ? (
        <p class="govuk-body-s">
          Frågan visas alltid. Ett villkor kan bara gälla en tidigare fråga med svarsalternativ (skala, ett
          val, flera val eller ja/nej).
        </p>
      ) : (
        ''
      )}
      <div hidden={sources.length === 0}>
        <Select
          idPrefix={s.key}
          form={s.form}
          name="showIfQuestion"
          label="Visa bara frågan beroende på svaret på"
          placeholder="Visa alltid"
          options={sources.map((q) => ({ value: q.id, label: q.label }))}
          hint="Bara tidigare frågor med svarsalternativ kan styra"
        />
        <StepButton step={STEP_REFRESH} noScript>
          Visa svaren på vald fråga
        </StepButton>
      </div>
      <div data-condition-answers>
        {chosen ? (
          <Choices
            idPrefix={s.key}
            form={s.form}
            name="showIfValues"
            label="Visa frågan när svaret är"
            hint="Välj ett eller flera svar"
            multiple
            options={answerChoices(chosen)}
          />
        ) : (
          ''
        )}
      </div>
    </fieldset>
  );
}

function QuestionFields({
  s,
  def,
  before,
  riskAreas,
}: {
  s: Scoped;
  def: Definition;
  /** the questions before this one (the ones a condition may refer to) */
  before: Question[];
  /** the lägesbild's risk areas: a question's area and role, and lists of measures */
  riskAreas: boolean;
}): JSX.Element {
  const type = s.form.values.type ?? 'text';
  // Without risk areas a list of measures has no place; a question that already is one keeps its type.
  const types = questionTypes.filter((t) => riskAreas || t !== 'measures' || type === 'measures');
  return (
    <div data-question-form data-id-prefix={s.key}>
      <Select
        idPrefix={s.key}
        form={s.form}
        name="type"
        label="Frågetyp"
        options={types.map((t) => ({ value: t, label: questionTypeLabels[t] }))}
      />
      <StepButton step={STEP_REFRESH} noScript>
        Visa fälten för vald frågetyp
      </StepButton>
      <TextInput
        idPrefix={s.key}
        form={s.form}
        name="label"
        label="Fråga"
        maxLength={BUILDER_TEXT_LIMITS.questionLabel}
      />
      <TextArea
        idPrefix={s.key}
        form={s.form}
        name="help"
        label="Hjälptext (frivillig)"
        hint="Visas under frågan"
        maxLength={BUILDER_TEXT_LIMITS.questionHelp}
      />
      <Checkbox idPrefix={s.key} form={s.form} name="required" label="Frågan måste besvaras" />
      <div data-for-types="single multiple" hidden={!usesOptions(type)}>
        <OptionList s={s} />
      </div>
      <div data-for-types="scale" hidden={!usesScale(type)}>
        <ScaleFields s={s} riskAreas={riskAreas} />
      </div>
      <ConditionFields s={s} sources={conditionSources(def, before, s.form.values.showIfQuestion ?? '')} />
      {riskAreas ? <AreaFields s={s} def={def} /> : ''}
    </div>
  );
}

/** The question's risk area and its role there (the compilation reads them). */
function AreaFields({ s, def }: { s: Scoped; def: Definition }): JSX.Element {
  return (
    <>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Riskområde</legend>
        <Select
          idPrefix={s.key}
          form={s.form}
          name="area"
          label="Område"
          placeholder="Inget område"
          options={def.areas.map((a) => ({ value: a.key, label: a.label }))}
        />
        <Select
          idPrefix={s.key}
          form={s.form}
          name="role"
          label="Frågans roll i området"
          options={questionRoles.map((r) => ({ value: r, label: questionRoleLabels[r] }))}
          hint="Sammanställningen läser riskbedömningen, förklaringen och åtgärderna för varje område"
        />
      </fieldset>
    </>
  );
}

const conditionText = (q: Question, def: Definition): string => conditionHint(q, def);

function QuestionItem({
  ctx,
  action,
  def,
  q,
  before,
  canUp,
  canDown,
  state,
  riskAreas,
}: {
  ctx: PageContext;
  action: string;
  def: Definition;
  q: Question;
  before: Question[];
  canUp: boolean;
  canDown: boolean;
  state: EditorState;
  riskAreas: boolean;
}): JSX.Element {
  const s = scoped(state, questionFormKey(q.id), questionFormValues(q));
  const area = def.areas.find((a) => a.key === q.area);
  const facts = [
    questionTypeLabels[q.type],
    q.required ? 'obligatorisk' : 'frivillig',
    ...(area ? [`${questionRoleLabels[q.role]} för ${area.label}`] : []),
  ].join(', ');
  return (
    <li class="sv-card govuk-!-margin-bottom-4" id={`fraga-${q.id}`}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1" tabindex="-1" safe>
        {q.label}
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
        {facts}
      </p>
      {q.showIf ? (
        <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
          {conditionText(q, def)}
        </p>
      ) : (
        ''
      )}
      <MoveButtons
        action={`${action}/fragor/${q.id}/flytta`}
        csrfToken={ctx.csrfToken}
        label={q.label}
        canUp={canUp}
        canDown={canDown}
        item={`fraga-${q.id}`}
      />
      <Details summary="Ändra frågan" open={isOpen(state, s)}>
        <PostForm action={`${action}/fragor/${q.id}#${s.key}-type`} csrfToken={ctx.csrfToken}>
          <QuestionFields s={s} def={def} before={before} riskAreas={riskAreas} />
          <Button>Spara frågan</Button>
        </PostForm>
        <p class="govuk-body">
          <a class="govuk-link sv-warning-link" href={`${action}/fragor/${q.id}/ta-bort`}>
            Ta bort frågan<span class="govuk-visually-hidden" safe>{` ”${q.label}”`}</span>
          </a>
        </p>
      </Details>
    </li>
  );
}

function SectionBlock({
  ctx,
  action,
  def,
  section,
  index,
  state,
  riskAreas,
}: {
  ctx: PageContext;
  action: string;
  def: Definition;
  section: Section;
  index: number;
  state: EditorState;
  riskAreas: boolean;
}): JSX.Element {
  const all = allQuestions(def);
  const isArea = def.areas.some((a) => a.key === section.id);
  const edit = scoped(state, sectionFormKey(section.id), {
    title: section.title,
    description: section.description ?? '',
    isArea: isArea ? 'yes' : '',
  });
  const add = scoped(state, addQuestionFormKey(section.id), { type: 'text', role: 'other', scaleMax: '5' });
  // A question added here comes last in the section: every question up to there may steer it.
  const upTo = def.sections.slice(0, index + 1).flatMap((x) => x.questions);
  return (
    <section class="govuk-!-margin-bottom-8" id={`avsnitt-${section.id}`} aria-labelledby={`h-${section.id}`}>
      <h2 class="govuk-heading-m govuk-!-margin-bottom-2" id={`h-${section.id}`} tabindex="-1" safe>
        {section.title}
      </h2>
      {isArea ? (
        <p class="govuk-body-s">
          <Tag text="Riskområde" colour="purple" />
        </p>
      ) : (
        ''
      )}
      {section.description ? (
        <p class="govuk-body" safe>
          {section.description}
        </p>
      ) : (
        ''
      )}
      <MoveButtons
        action={`${action}/avsnitt/${section.id}/flytta`}
        csrfToken={ctx.csrfToken}
        label={section.title}
        canUp={index > 0}
        canDown={index < def.sections.length - 1}
        item={`avsnitt-${section.id}`}
      />
      <Details summary="Ändra avsnittet" open={isOpen(state, edit)}>
        <PostForm action={`${action}/avsnitt/${section.id}`} csrfToken={ctx.csrfToken}>
          <SectionFields s={edit} riskAreas={riskAreas} />
          <Button>Spara avsnittet</Button>
        </PostForm>
        <p class="govuk-body">
          <a class="govuk-link sv-warning-link" href={`${action}/avsnitt/${section.id}/ta-bort`}>
            Ta bort avsnittet<span class="govuk-visually-hidden" safe>{` ”${section.title}”`}</span>
          </a>
        </p>
      </Details>
      <p class="govuk-body" data-empty-note hidden={section.questions.length > 0}>
        Avsnittet har inga frågor ännu.
      </p>
      <ol class="govuk-list" data-questions-of={section.id}>
        {section.questions.map((q) => {
          const position = all.indexOf(q);
          return (
            <QuestionItem
              ctx={ctx}
              action={action}
              def={def}
              q={q}
              before={all.slice(0, position)}
              canUp={position > 0}
              canDown={position < all.length - 1}
              state={state}
              riskAreas={riskAreas}
            />
          );
        })}
      </ol>
      <Details summary="Lägg till en fråga i avsnittet" open={isOpen(state, add)}>
        <PostForm action={`${action}/avsnitt/${section.id}/fragor#${add.key}-type`} csrfToken={ctx.csrfToken}>
          <QuestionFields s={add} def={def} before={upTo} riskAreas={riskAreas} />
          <Button>Lägg till frågan</Button>
        </PostForm>
      </Details>
    </section>
  );
}

/**
 * The capability's ready-made questions, each added with one button (a template already in the questionnaire
 * says so instead). One form: the button pressed names the template.
 */
function TemplateButtons({
  ctx,
  action,
  def,
  templates,
  state,
}: {
  ctx: PageContext;
  action: string;
  def: Definition;
  templates: QuestionTemplates;
  state: EditorState;
}): JSX.Element {
  const id = `${templatesFormKey}-template`;
  const error = state.formKey === templatesFormKey ? state.form.errors.template : undefined;
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby="h-fardiga-fragor">
      <h2 class="govuk-heading-m" id="h-fardiga-fragor">
        Färdiga frågor
      </h2>
      <p class="govuk-body">
        Lägg till en färdig fråga med ett klick. Den hamnar sist i formuläret och kan sedan ändras som andra
        frågor.
      </p>
      <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={id}>
        <ErrorMessage id={id} message={error} />
        <PostForm action={`${action}/fardiga-fragor`} csrfToken={ctx.csrfToken}>
          <ul class="govuk-list">
            {templates.templates.map((t) => (
              <li class="govuk-!-margin-bottom-4">
                <p class="govuk-body govuk-!-margin-bottom-2" safe>
                  {t.description}
                </p>
                {hasTemplate(def, t) ? (
                  <p class="govuk-body">
                    <Tag text="Tillagd" colour="green" />{' '}
                    <span safe>{`Frågan om ${t.name} finns i formuläret.`}</span>
                  </p>
                ) : (
                  <Button variant="secondary" name="template" value={t.key}>
                    {Html.escapeHtml(`Lägg till frågan om ${t.name}`)}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </PostForm>
      </div>
    </section>
  );
}

/** Each condition source's answers by question id, for the script that offers them when another is chosen. */
function conditionChoicesJson(def: Definition): string {
  const byQuestion: Record<string, Array<{ value: string; label: string }>> = {};
  for (const q of allQuestions(def)) if (isConditionSource(q)) byQuestion[q.id] = answerChoices(q);
  // Inside a script element only "</" could end it early; JSON allows it escaped.
  return JSON.stringify(byQuestion).replace(/</g, '\\u003c');
}

export function QuestionnaireEditorPage({
  ctx,
  scope,
  questionnaire,
  latest,
  versions,
  state,
}: {
  ctx: PageContext;
  scope: QuestionnaireScopeView;
  questionnaire: { id: string; title: string };
  latest: { version: number; inUse: boolean; definition: Definition };
  versions: VersionInfo[];
  state: EditorState;
}): JSX.Element {
  const action = `${scope.base}/${questionnaire.id}`;
  const def = latest.definition;
  const summaryErrors = scopedErrors(state.form.errors, state.formKey);
  const title = scoped(state, titleFormKey, { title: questionnaire.title });
  const newSection = scoped(state, newSectionFormKey, {});
  const older = versions.filter((v) => v.version !== latest.version);
  const riskAreas = scope.riskAreas ?? true;
  return (
    <Layout
      ctx={ctx}
      title={questionnaire.title}
      caption={scope.caption}
      breadcrumbs={[...scope.breadcrumbs, { href: scope.base, label: 'Formulär' }]}
    >
      <ErrorSummary errors={summaryErrors} />
      <p class="govuk-body">
        <span safe>{`Version ${latest.version}. `}</span>
        {latest.inUse ? (
          <>
            <Tag text={`Används i ${scope.usedIn.one}`} colour="blue" />{' '}
            <span
              safe
            >{`Ändringar sparas som en ny version; ${scope.usedIn.many} som redan använder formuläret behåller sin.`}</span>
          </>
        ) : (
          <>
            <Tag text="Används inte" colour="grey" />{' '}
            <span
              safe
            >{`Ändringar sparas i den här versionen tills ${scope.usedIn.one} börjar använda den.`}</span>
          </>
        )}
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={`${action}/version/${latest.version}`}>
          Förhandsgranska som de svarande ser formuläret
        </a>
      </p>
      <Details summary="Ändra formulärets rubrik" open={isOpen(state, title)}>
        <PostForm action={`${action}/rubrik`} csrfToken={ctx.csrfToken}>
          <TextInput
            idPrefix={title.key}
            form={title.form}
            name="title"
            label="Rubrik"
            maxLength={BUILDER_TEXT_LIMITS.questionnaireTitle}
          />
          <Button>Spara rubriken</Button>
        </PostForm>
      </Details>
      {scope.questionTemplates ? (
        <TemplateButtons
          ctx={ctx}
          action={action}
          def={def}
          templates={scope.questionTemplates}
          state={state}
        />
      ) : (
        ''
      )}
      {def.sections.length === 0 ? (
        <p class="govuk-body">
          {scope.questionTemplates
            ? 'Formuläret är tomt. Lägg till en färdig fråga ovan, eller börja med ett avsnitt längre ned.'
            : 'Formuläret är tomt. Börja med att lägga till ett avsnitt.'}
        </p>
      ) : (
        ''
      )}
      <div id="sv-sections" data-builder>
        {def.sections.map((section, index) => (
          <SectionBlock
            ctx={ctx}
            action={action}
            def={def}
            section={section}
            index={index}
            state={state}
            riskAreas={riskAreas}
          />
        ))}
      </div>
      <div class="govuk-visually-hidden" aria-live="polite" id="sv-builder-status"></div>
      <script type="application/json" id="sv-condition-choices">
        {conditionChoicesJson(def)}
      </script>
      <script type="module" src="/static/builder.js"></script>
      <h2 class="govuk-heading-m">Lägg till ett avsnitt</h2>
      <PostForm action={`${action}/avsnitt`} csrfToken={ctx.csrfToken}>
        <SectionFields s={newSection} riskAreas={riskAreas} />
        <Button variant="secondary">Lägg till avsnittet</Button>
      </PostForm>
      <h2 class="govuk-heading-m">Tidigare versioner</h2>
      {older.length === 0 ? (
        <p class="govuk-body">Det finns inga tidigare versioner.</p>
      ) : (
        <ul class="govuk-list">
          {older.map((v) => (
            <li>
              <a class="govuk-link" href={`${action}/version/${v.version}`} safe>
                {`Version ${v.version}`}
              </a>{' '}
              <span
                safe
              >{`skapad ${formatDateTime(v.createdAt)}${v.inUse ? `, används i ${scope.usedIn.one}` : ''}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

// ---- Removing ------------------------------------------------------------------------------------

/** What a removal takes away, for the page that asks first. */
export interface RemovalView {
  kind: 'section' | 'question';
  title: string;
  /** a section's questions, which go with it */
  questions: string[];
  /** questions elsewhere whose condition refers to what goes: the removal is refused while they do */
  dependents: string[];
  /** the removal's address under the questionnaire */
  action: string;
  /** the item's anchor in the editor, for "Avbryt" */
  back: string;
}

export function ConfirmRemovalPage({
  ctx,
  scope,
  questionnaire,
  inUse,
  removal,
}: {
  ctx: PageContext;
  scope: QuestionnaireScopeView;
  questionnaire: { id: string; title: string };
  inUse: boolean;
  removal: RemovalView;
}): JSX.Element {
  const editor = `${scope.base}/${questionnaire.id}`;
  const what = removal.kind === 'section' ? 'avsnittet' : 'frågan';
  return (
    <Layout
      ctx={ctx}
      title={`Ta bort ${what} ”${removal.title}”?`}
      caption={questionnaire.title}
      breadcrumbs={[
        ...scope.breadcrumbs,
        { href: scope.base, label: 'Formulär' },
        { href: editor, label: questionnaire.title },
      ]}
    >
      {removal.kind === 'section' ? (
        removal.questions.length === 0 ? (
          <p class="govuk-body">Avsnittet har inga frågor.</p>
        ) : (
          <>
            <p class="govuk-body" safe>
              {removal.questions.length === 1
                ? 'Avsnittets fråga tas bort med det:'
                : `Avsnittets ${removal.questions.length} frågor tas bort med det:`}
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {removal.questions.map((q) => (
                <li safe>{q}</li>
              ))}
            </ul>
          </>
        )
      ) : (
        ''
      )}
      {removal.dependents.length > 0 ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Varning: </span>
            <span
              safe
            >{`Villkoret i ${removal.dependents.map((d) => `”${d}”`).join(', ')} gäller ${what}. Ändra villkoret först, annars kan ${what} inte tas bort.`}</span>
          </strong>
        </div>
      ) : (
        ''
      )}
      <p class="govuk-body" safe>
        {inUse
          ? `Formuläret används i ${scope.usedIn.one}: borttagningen sparas som en ny version, och de som redan använder formuläret behåller sina frågor.`
          : `Formuläret används inte i ${scope.usedIn.one} ännu, så inga svar påverkas.`}
      </p>
      <PostForm action={`${editor}${removal.action}`} csrfToken={ctx.csrfToken}>
        <div class="govuk-button-group">
          <Button variant="warning">{Html.escapeHtml(`Ja, ta bort ${what}`)}</Button>
          <a class="govuk-link" href={`${editor}#${removal.back}`}>
            Avbryt
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}

// ---- The preview ------------------------------------------------------------------------------------

export function QuestionnairePreviewPage({
  ctx,
  scope,
  title,
  version,
  latestVersion,
  editorHref,
}: {
  ctx: PageContext;
  scope: QuestionnaireScopeView;
  title: string;
  version: { version: number; createdAt: Date; definition: Definition };
  latestVersion: number | undefined;
  /** the editor, when the actor may change this questionnaire */
  editorHref: string | undefined;
}): JSX.Element {
  const def = version.definition;
  return (
    <Layout
      ctx={ctx}
      title={`${title}, version ${version.version}`}
      caption={scope.caption}
      breadcrumbs={[
        ...scope.breadcrumbs,
        { href: scope.base, label: 'Formulär' },
        ...(editorHref ? [{ href: editorHref, label: title }] : []),
      ]}
    >
      <div class="govuk-inset-text">
        <p class="govuk-body" safe>
          {`Så här ser de svarande formuläret. Version ${version.version}, skapad ${formatDateTime(version.createdAt)}.${
            latestVersion !== undefined && latestVersion !== version.version
              ? ` Det finns en nyare version (${latestVersion}); den här ändras aldrig.`
              : ''
          }`}
        </p>
        <p class="govuk-body">Frågor med villkor visas för de svarande bara när villkoret är uppfyllt.</p>
      </div>
      {def.sections.length === 0 ? <p class="govuk-body">Formuläret har inga frågor ännu.</p> : ''}
      {def.sections.map((s) => (
        <section aria-labelledby={`s-${s.id}`} class="govuk-!-margin-bottom-8">
          <h2 class="govuk-heading-m" id={`s-${s.id}`} safe>
            {s.title}
          </h2>
          {s.description ? (
            <p class="govuk-body" safe>
              {s.description}
            </p>
          ) : (
            ''
          )}
          {s.questions.map((q) => (
            <QuestionField q={q} form={emptyForm()} readonly condition={conditionHint(q, def)} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
