import { QuestionField } from './question-field.tsx';
import { formatDateTime } from '../../../platform/i18n.ts';
import type { FormValues } from '../../../platform/validation.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  Checkbox,
  Details,
  emptyForm,
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
  conditionHint,
  questionRoles,
  questionTypes,
  RISK_SCALE_MAX,
  type Definition,
  type Question,
  type Section,
} from '../definition.ts';
import type { QuestionnaireSummary } from '../repository.ts';
import { isConditionSource, questionFormValues, questionRoleLabels, questionTypeLabels } from '../service.ts';

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
        <TextInput name="title" label="Rubrik" form={form} />
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
}

export const titleFormKey = 'title';
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

function MoveButtons({
  action,
  csrfToken,
  label,
  canUp,
  canDown,
}: {
  action: string;
  csrfToken: string;
  label: string;
  canUp: boolean;
  canDown: boolean;
}): JSX.Element {
  if (!canUp && !canDown) return <></>;
  return (
    <PostForm action={action} csrfToken={csrfToken} className="sv-inline-form">
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
  );
}

function SectionFields({ s }: { s: Scoped }): JSX.Element {
  return (
    <>
      <TextInput idPrefix={s.key} form={s.form} name="title" label="Rubrik" />
      <TextArea idPrefix={s.key} form={s.form} name="description" label="Beskrivning (frivillig)" />
      <Checkbox
        idPrefix={s.key}
        form={s.form}
        name="isArea"
        label="Avsnittet är ett riskområde (frågorna kan då bedöma risk, förklara och lista åtgärder för området)"
      />
    </>
  );
}

/** The questions a condition may refer to: choice questions before the position, plus what was posted. */
function conditionSources(def: Definition, before: Question[], posted: string): Option[] {
  const sources = before.filter(isConditionSource);
  const extra = allQuestions(def).find((q) => q.id === posted && !sources.includes(q));
  return [...sources, ...(extra ? [extra] : [])].map((q) => ({ value: q.id, label: q.label }));
}

function QuestionFields({
  s,
  def,
  before,
}: {
  s: Scoped;
  def: Definition;
  /** the questions before this one (the ones a condition may refer to) */
  before: Question[];
}): JSX.Element {
  return (
    <>
      <Select
        idPrefix={s.key}
        form={s.form}
        name="type"
        label="Frågetyp"
        options={questionTypes.map((t) => ({ value: t, label: questionTypeLabels[t] }))}
      />
      <TextInput idPrefix={s.key} form={s.form} name="label" label="Fråga" />
      <TextArea
        idPrefix={s.key}
        form={s.form}
        name="help"
        label="Hjälptext (frivillig)"
        hint="Visas under frågan"
      />
      <Checkbox idPrefix={s.key} form={s.form} name="required" label="Frågan måste besvaras" />
      <TextArea
        idPrefix={s.key}
        form={s.form}
        name="options"
        label="Svarsalternativ (för ett val och flera val)"
        hint="Ett alternativ per rad. Skriv etiketten, eller värde|Etikett för att bestämma värdet, till exempel okat|Ökat."
        rows={4}
      />
      <TextInput
        idPrefix={s.key}
        form={s.form}
        name="scaleMax"
        label="Antal steg (för skala)"
        hint={`Från 2 till 10. En riskbedömning har alltid skalan 1 till ${RISK_SCALE_MAX}.`}
        width="govuk-input--width-4"
      />
      <TextArea
        idPrefix={s.key}
        form={s.form}
        name="scaleLabels"
        label="Etiketter för skalans steg (för skala)"
        hint="steg|etikett, en per rad, till exempel 1|Inte alls. En riskbedömning har alltid skalans egna ord: lämna fältet tomt."
        rows={4}
      />
      <Checkbox idPrefix={s.key} form={s.form} name="allowUnknown" label="Skalan har svaret ”Vet ej”" />
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Villkor</legend>
        <Select
          idPrefix={s.key}
          form={s.form}
          name="showIfQuestion"
          label="Visa bara frågan beroende på svaret på"
          placeholder="Visa alltid"
          options={conditionSources(def, before, s.form.values.showIfQuestion ?? '')}
          hint="Bara tidigare frågor med svarsalternativ kan styra"
        />
        <TextInput
          idPrefix={s.key}
          form={s.form}
          name="showIfValues"
          label="Visa frågan när svaret är"
          hint="Ett eller flera svar med kommatecken emellan: värdet eller etiketten, till exempel 3, 4, 5 eller Ja"
        />
      </fieldset>
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
}: {
  ctx: PageContext;
  action: string;
  def: Definition;
  q: Question;
  before: Question[];
  canUp: boolean;
  canDown: boolean;
  state: EditorState;
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
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
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
      />
      <Details summary="Ändra frågan" open={fieldErrorCount(s) > 0}>
        <PostForm action={`${action}/fragor/${q.id}`} csrfToken={ctx.csrfToken}>
          <QuestionFields s={s} def={def} before={before} />
          <Button>Spara frågan</Button>
        </PostForm>
        <PostForm action={`${action}/fragor/${q.id}/ta-bort`} csrfToken={ctx.csrfToken}>
          <Button variant="warning">Ta bort frågan</Button>
        </PostForm>
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
}: {
  ctx: PageContext;
  action: string;
  def: Definition;
  section: Section;
  index: number;
  state: EditorState;
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
      <h2 class="govuk-heading-m govuk-!-margin-bottom-2" id={`h-${section.id}`} safe>
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
      />
      <Details summary="Ändra avsnittet" open={fieldErrorCount(edit) > 0}>
        <PostForm action={`${action}/avsnitt/${section.id}`} csrfToken={ctx.csrfToken}>
          <SectionFields s={edit} />
          <Button>Spara avsnittet</Button>
        </PostForm>
        <PostForm action={`${action}/avsnitt/${section.id}/ta-bort`} csrfToken={ctx.csrfToken}>
          <p class="govuk-body-s">Avsnittet tas bort med alla sina frågor.</p>
          <Button variant="warning">Ta bort avsnittet</Button>
        </PostForm>
      </Details>
      {section.questions.length === 0 ? <p class="govuk-body">Avsnittet har inga frågor ännu.</p> : ''}
      <ol class="govuk-list">
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
            />
          );
        })}
      </ol>
      <Details summary="Lägg till en fråga i avsnittet" open={fieldErrorCount(add) > 0}>
        <PostForm action={`${action}/avsnitt/${section.id}/fragor`} csrfToken={ctx.csrfToken}>
          <QuestionFields s={add} def={def} before={upTo} />
          <Button>Lägg till frågan</Button>
        </PostForm>
      </Details>
    </section>
  );
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
      <Details summary="Ändra formulärets rubrik" open={fieldErrorCount(title) > 0}>
        <PostForm action={`${action}/rubrik`} csrfToken={ctx.csrfToken}>
          <TextInput idPrefix={title.key} form={title.form} name="title" label="Rubrik" />
          <Button>Spara rubriken</Button>
        </PostForm>
      </Details>
      {def.sections.length === 0 ? (
        <p class="govuk-body">Formuläret är tomt. Börja med att lägga till ett avsnitt.</p>
      ) : (
        ''
      )}
      {def.sections.map((section, index) => (
        <SectionBlock ctx={ctx} action={action} def={def} section={section} index={index} state={state} />
      ))}
      <h2 class="govuk-heading-m">Lägg till ett avsnitt</h2>
      <PostForm action={`${action}/avsnitt`} csrfToken={ctx.csrfToken}>
        <SectionFields s={newSection} />
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
