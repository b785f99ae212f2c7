import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { fields } from '../../platform/validation.ts';
import {
  allQuestions,
  definitionSchema,
  RISK_SCALE,
  RISK_SCALE_LABELS,
  RISK_SCALE_MAX,
  UNKNOWN,
  type Definition,
  type Question,
  type QuestionRole,
  type QuestionType,
  type Section,
} from './definition.ts';
import * as qrepo from './repository.ts';
import type { FormScope } from './repository.ts';
import { answerChoices } from './definition.ts';
import {
  BUILDER_TEXT_LIMITS,
  MAX_SCALE_STEPS,
  scaleLabelField,
  usesOptions,
  type QuestionInput,
} from './question-form.ts';
export { answerChoices };

/**
 * The questionnaire builder. Every change to a definition goes through saveDefinition: it validates the
 * whole template and writes in place while no round uses the newest version, otherwise as a new version,
 * so answers always keep the questions they were given.
 */

/** The owning capability's rule of who may build and change its questionnaires in a scope. */
export type MayEdit = (actor: Actor, scope: FormScope) => boolean;

/** Someone at work in the builder of one capability, with that capability's rule. */
export interface Editor<A extends Actor = UserActor> {
  actor: A;
  /** the capability whose questionnaires these are */
  owner: string;
  mayEdit: MayEdit;
}

const scopeOf = (q: qrepo.QuestionnaireRow): FormScope => ({ owner: q.owner, countyCode: q.countyCode });
const mayEditQuestionnaire = (editor: Editor<Actor>, q: qrepo.QuestionnaireRow): boolean =>
  q.owner === editor.owner && editor.mayEdit(editor.actor, scopeOf(q));

/** A questionnaire of exactly this scope that the editor may change; anything else is 404. */
export async function loadQuestionnaire(
  db: Db,
  editor: Editor<Actor>,
  countyCode: string | null,
  id: string,
): Promise<qrepo.QuestionnaireRow> {
  const q = await qrepo.findQuestionnaire(db, id);
  if (!q || q.countyCode !== countyCode || !mayEditQuestionnaire(editor, q)) throw new NotFoundError();
  return q;
}

export async function loadQuestionnaireWithVersions(
  db: Db,
  editor: Editor<Actor>,
  countyCode: string | null,
  id: string,
) {
  const q = await loadQuestionnaire(db, editor, countyCode, id);
  const found = await qrepo.findQuestionnaireWithVersions(db, q.id);
  if (!found || found.versions.length === 0) throw new NotFoundError();
  return { questionnaire: found.questionnaire, versions: found.versions, latest: found.versions[0]! };
}

/** One version to read: the scope's own questionnaires, and for a county also its capability's national ones. */
export async function loadVersionForPreview(
  db: Db,
  editor: Editor<Actor>,
  countyCode: string | null,
  id: string,
  version: number,
) {
  const q = await qrepo.findQuestionnaire(db, id);
  const scope: FormScope = { owner: editor.owner, countyCode };
  const readable =
    q && q.owner === editor.owner && (q.countyCode === countyCode || (countyCode && q.countyCode === null));
  if (!q || !readable || !editor.mayEdit(editor.actor, scope)) throw new NotFoundError();
  const v = Number.isInteger(version) ? await qrepo.findVersion(db, q.id, version) : undefined;
  if (!v) throw new NotFoundError();
  return { questionnaire: q, version: v, editable: q.countyCode === countyCode };
}

/**
 * The newest version of the national questionnaire with this title, created from `definition` on first
 * use (a capability's default template).
 */
export async function ensureQuestionnaire(
  db: Db,
  owner: string,
  title: string,
  definition: Definition,
): Promise<string> {
  const scope: FormScope = { owner, countyCode: null };
  const existing = (await qrepo.listQuestionnaireVersions(db, scope)).find((v) => v.title === title);
  if (existing) return existing.versionId;
  const v = await qrepo.insertQuestionnaire(db, { scope, title, createdBy: null, definition });
  return v.id;
}

/**
 * The questions of one version; a version that does not exist is a broken reference, not a 404. A version
 * in use never changes again (an edit makes the next version), so its questions are read once per process
 * and kept, frozen: every page that shows or reads answers needs them.
 */
export async function definitionOfVersion(db: Db, versionId: string): Promise<Definition> {
  const kept = inUseDefinitions.get(versionId);
  if (kept) return kept;
  const version = await qrepo.findQuestionnaireVersion(db, versionId);
  if (!version) throw new Error(`Formulärversionen ${versionId} saknas`);
  if (!version.inUse) return version.definition;
  const definition = deepFreeze(version.definition);
  inUseDefinitions.set(versionId, definition);
  // Bounded: the oldest kept goes first (a Map iterates in insertion order).
  if (inUseDefinitions.size > MAX_KEPT_DEFINITIONS)
    inUseDefinitions.delete(inUseDefinitions.keys().next().value!);
  return definition;
}

const MAX_KEPT_DEFINITIONS = 500;
const inUseDefinitions = new Map<string, Definition>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---- Form input ----------------------------------------------------------------------------------

const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'yes');

export const questionnaireTitleSchema = z.object({
  title: fields.requiredText(
    'Ange en rubrik för formuläret',
    BUILDER_TEXT_LIMITS.questionnaireTitle,
    'Rubriken',
  ),
});

export const newQuestionnaireSchema = questionnaireTitleSchema.extend({
  copyFrom: fields.optionalText(100, 'Börja från'),
});
export type NewQuestionnaireInput = z.output<typeof newQuestionnaireSchema>;

export const sectionFormSchema = z.object({
  title: fields.requiredText('Ange en rubrik för avsnittet', BUILDER_TEXT_LIMITS.sectionTitle, 'Rubriken'),
  description: fields.optionalText(BUILDER_TEXT_LIMITS.sectionDescription, 'Beskrivningen'),
  isArea: checkbox,
});
export type SectionInput = z.output<typeof sectionFormSchema>;

export { questionFormValues, readQuestionForm, type QuestionInput } from './question-form.ts';

export const moveSchema = z.object({
  direction: z.enum(['up', 'down'], { error: 'Välj riktning' }),
});
export type Direction = z.output<typeof moveSchema>['direction'];

// ---- Labels and values -------------------------------------------------------------------------

export const questionTypeLabels: Record<QuestionType, string> = {
  scale: 'Skala',
  single: 'Ett val',
  multiple: 'Flera val',
  yesno: 'Ja eller nej',
  number: 'Tal',
  text: 'Fritext',
  measures: 'Lista över åtgärder',
};

export const questionRoleLabels: Record<QuestionRole, string> = {
  risk: 'Riskbedömning',
  explanation: 'Förklaring av bedömningen',
  change: 'Förändring sedan förra tillfället',
  measures: 'Åtgärder',
  other: 'Övrigt',
};

const choiceTypes: QuestionType[] = ['scale', 'single', 'yesno', 'multiple'];
/** Types another question's condition may refer to. */
export const isConditionSource = (q: Question): boolean => choiceTypes.includes(q.type);

/** A lower-case identifier from Swedish text: "Våld i nära relationer" → "vald_i_nara_relationer". */
export function slugify(textValue: string, fallback: string): string {
  const slug = textValue
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/g, '');
  return slug || fallback;
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/**
 * The option rows as stored options: a row keeps the value it was given when first saved (answers and
 * conditions refer to it), so its label may change freely; a new row gets a value made from its label.
 */
function parseOptions(rows: QuestionInput['options']): Array<{ value: string; label: string }> {
  const kept = rows.map((r) => (/^[A-Za-z0-9_-]{1,60}$/.test(r.value) ? r.value : ''));
  const taken = new Set<string>();
  return rows.map((row, i) => {
    const own = kept[i]!;
    const value =
      own && !taken.has(own)
        ? own
        : uniqueId(slugify(row.label, `alt${i + 1}`), new Set([...taken, ...kept]));
    taken.add(value);
    return { value, label: row.label };
  });
}

const riskScaleWords = (): string =>
  Array.from({ length: RISK_SCALE_MAX }, (_, i) => `${i + 1} ${RISK_SCALE_LABELS[String(i + 1)]}`).join(', ');

export const riskScaleStepsMessage = `En riskbedömning har alltid skalan 1 till ${RISK_SCALE_MAX}. Välj ${RISK_SCALE_MAX} steg.`;
export const riskScaleLabelsMessage = `En riskbedömning har alltid skalans egna ord (${riskScaleWords()}). Lämna etiketterna tomma.`;

/** Whether a risk question's scale is the risk scale: its steps and its words (the compilation reads both). */
function isRiskScale(scale: Question['scale']): { steps: boolean; labels: boolean } {
  if (!scale) return { steps: false, labels: false };
  const keys = Object.keys(scale.labels);
  return {
    steps: scale.max === RISK_SCALE_MAX,
    labels:
      keys.every((k) => RISK_SCALE_LABELS[k] === scale.labels[k]) &&
      Object.keys(RISK_SCALE_LABELS).every((k) => k in scale.labels),
  };
}

/** A risk question takes the risk scale; the form may leave steps and words empty or repeat them. */
function parseRiskScale(input: QuestionInput): NonNullable<Question['scale']> {
  if (input.scaleMax !== '' && input.scaleMax !== String(RISK_SCALE_MAX))
    throw new ValidationError({ scaleMax: riskScaleStepsMessage });
  for (const [step, label] of Object.entries(input.scaleLabels))
    if (RISK_SCALE_LABELS[step] !== label)
      throw new ValidationError({ [scaleLabelField(Number(step))]: riskScaleLabelsMessage });
  return { ...RISK_SCALE, labels: { ...RISK_SCALE.labels }, allowUnknown: input.allowUnknown };
}

function parseScale(input: QuestionInput, previous: Question | undefined): NonNullable<Question['scale']> {
  if (input.role === 'risk') return parseRiskScale(input);
  const max = Number(input.scaleMax);
  if (!/^\d+$/.test(input.scaleMax) || max < 2 || max > MAX_SCALE_STEPS)
    throw new ValidationError({ scaleMax: `Välj hur många steg skalan har, från 2 till ${MAX_SCALE_STEPS}` });
  const labels: Record<string, string> = {};
  for (const [step, label] of Object.entries(input.scaleLabels))
    if (Number(step) <= max) labels[step] = label;
  // "Vet ej" has no field of its own; a word given to it before is kept.
  const unknownLabel = previous?.scale?.labels[UNKNOWN];
  if (input.allowUnknown && unknownLabel) labels[UNKNOWN] = unknownLabel;
  return { max, labels, allowUnknown: input.allowUnknown };
}

/** The condition's answers are the earlier question's own values (a label is understood too). */
function parseCondition(input: QuestionInput, def: Definition): Question['showIf'] {
  if (!input.showIfQuestion) return undefined;
  if (input.showIfValues.length === 0)
    throw new ValidationError({ showIfValues: 'Välj minst ett svar som gör att frågan visas' });
  const source = allQuestions(def).find((q) => q.id === input.showIfQuestion);
  const choices = source ? answerChoices(source) : [];
  const anyOf = input.showIfValues.map(
    (w) =>
      choices.find((c) => c.value === w)?.value ??
      choices.find((c) => c.label.toLowerCase() === w.toLowerCase())?.value ??
      w,
  );
  return { questionId: input.showIfQuestion, anyOf: [...new Set(anyOf)] };
}

/** Builds a question from its form; the id is kept when editing and made from the label when adding. */
function buildQuestion(input: QuestionInput, id: string, def: Definition, previous?: Question): Question {
  const q: Question = {
    id,
    type: input.type,
    label: input.label,
    required: input.required,
    role: input.role,
  };
  if (input.help) q.help = input.help;
  if (usesOptions(input.type)) q.options = parseOptions(input.options);
  if (input.type === 'scale') q.scale = parseScale(input, previous);
  const showIf = parseCondition(input, def);
  if (showIf) q.showIf = showIf;
  if (input.area) q.area = input.area;
  return q;
}

// ---- The rules of a definition -------------------------------------------------------------------

export interface Problem {
  questionId?: string;
  sectionId?: string;
  /** the form field the message belongs to */
  field: string;
  message: string;
}

/** The rules beyond the schema: unique ids, conditions on earlier choice questions, options, scales, areas. */
export function checkDefinition(def: Definition): Problem[] {
  const problems: Problem[] = [];
  const sectionIds = new Set<string>();
  for (const s of def.sections) {
    if (sectionIds.has(s.id))
      problems.push({ sectionId: s.id, field: 'title', message: `Avsnitts-id:t ${s.id} finns redan` });
    sectionIds.add(s.id);
  }
  const all = allQuestions(def);
  const earlier = new Map<string, Question>();
  const areaKeys = new Set(def.areas.map((a) => a.key));
  const areaRoles = new Set<string>();
  for (const q of all) {
    const add = (field: string, message: string) => problems.push({ questionId: q.id, field, message });
    if (earlier.has(q.id)) add('label', `Fråge-id:t ${q.id} finns redan i formuläret`);
    if (q.type === 'single' || q.type === 'multiple') {
      const options = q.options ?? [];
      if (options.length < 2) add('options', 'Skriv minst två svarsalternativ');
      const values = options.map((o) => o.value);
      const dup = values.find((v, i) => values.indexOf(v) !== i);
      if (dup) add('options', `Värdet ”${dup}” finns på flera svarsalternativ`);
    }
    if (q.type === 'scale' && !q.scale)
      add('scaleMax', `Välj hur många steg skalan har, från 2 till ${MAX_SCALE_STEPS}`);
    if (q.showIf) {
      const source = earlier.get(q.showIf.questionId);
      if (!source) {
        add(
          'showIfQuestion',
          all.some((x) => x.id === q.showIf!.questionId)
            ? 'Villkoret kan bara gälla en fråga som kommer före den här'
            : 'Frågan som villkoret gäller finns inte i formuläret',
        );
      } else if (!isConditionSource(source)) {
        add(
          'showIfQuestion',
          'Villkoret kan bara gälla en fråga med svarsalternativ (skala, ett val, flera val eller ja/nej)',
        );
      } else {
        const choices = answerChoices(source);
        const unknown = q.showIf.anyOf.filter((v) => !choices.some((c) => c.value === v));
        if (unknown.length)
          add(
            'showIfValues',
            `Svaret ”${unknown.join(', ')}” finns inte i frågan ”${source.label}”. Möjliga svar: ${choices.map((c) => c.label).join(', ')}`,
          );
      }
    }
    if (q.area !== undefined && !areaKeys.has(q.area)) add('area', 'Området finns inte i formuläret');
    if (q.role !== 'other' && q.area === undefined)
      add('area', 'Välj vilket område frågan hör till, eller rollen Övrigt');
    if (q.role === 'risk' && q.type !== 'scale') add('role', 'En riskbedömning måste vara en skalfråga');
    if (q.role === 'risk' && q.type === 'scale' && q.scale) {
      const risk = isRiskScale(q.scale);
      if (!risk.steps) add('scaleMax', riskScaleStepsMessage);
      else if (!risk.labels) {
        // Beside the first step whose words differ from the standard ones.
        const scale = q.scale;
        const wrong = Object.keys(RISK_SCALE_LABELS).find(
          (step) => /^\d+$/.test(step) && scale.labels?.[step] !== RISK_SCALE_LABELS[step],
        );
        add(scaleLabelField(Number(wrong ?? 1)), riskScaleLabelsMessage);
      }
    }
    if (q.role === 'measures' && q.type !== 'measures')
      add('role', 'Rollen Åtgärder kräver frågetypen Lista över åtgärder');
    if (q.area !== undefined && q.role !== 'other') {
      const key = `${q.area}/${q.role}`;
      if (areaRoles.has(key))
        add('role', `Området har redan en fråga med rollen ${questionRoleLabels[q.role].toLowerCase()}`);
      areaRoles.add(key);
    }
    earlier.set(q.id, q);
  }
  return problems;
}

/** Problems of the edited item go beside its fields; problems elsewhere go to the top of the form. */
function problemsToErrors(problems: Problem[], def: Definition, focus: Focus): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const own =
      (p.questionId !== undefined && p.questionId === focus.questionId) ||
      (p.questionId === undefined && p.sectionId !== undefined && p.sectionId === focus.sectionId);
    if (own) errors[p.field] ??= p.message;
    else {
      const label = allQuestions(def).find((q) => q.id === p.questionId)?.label;
      errors._form ??= label ? `Frågan ”${label}”: ${p.message}` : p.message;
    }
  }
  return errors;
}

/** Zod's paths (sections.2.questions.0.label) as problems on the question or section they point at. */
function schemaProblems(def: Definition, issues: z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const [, si, , qi] = issue.path;
    const section = typeof si === 'number' ? def.sections[si] : undefined;
    const question = typeof qi === 'number' ? section?.questions[qi] : undefined;
    const last = String(issue.path[issue.path.length - 1] ?? '_form');
    const field = issue.path.includes('scale')
      ? 'scaleMax'
      : issue.path.includes('showIf')
        ? 'showIfValues'
        : last;
    return {
      ...(question ? { questionId: question.id } : {}),
      ...(section ? { sectionId: section.id } : {}),
      field: issue.path.includes('options') ? 'options' : field,
      message: issue.message,
    };
  });
}

// ---- Saving ---------------------------------------------------------------------------------------

interface Focus {
  questionId?: string;
  sectionId?: string;
}

export interface SaveResult {
  questionnaireId: string;
  /** the version now holding the change */
  version: number;
  previousVersion: number;
  /** the newest version was in use, so the change made a new one */
  newVersion: boolean;
  changed: boolean;
}

/**
 * Loads the newest version, applies the change to a copy, validates the whole template and writes it:
 * in place while no round uses the version, otherwise as the next version (the old one stays untouched).
 * `focus` names the item being edited, so its problems are shown beside its fields; a mutation that adds
 * an item sets it.
 */
export async function saveDefinition(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  mutate: (def: Definition) => Definition,
  opts: { change?: string; focus?: Focus } = {},
): Promise<SaveResult> {
  const focus = opts.focus ?? {};
  return db.transaction(async (tx) => {
    const q = await qrepo.lockQuestionnaire(tx, questionnaireId);
    if (!q || !mayEditQuestionnaire(editor, q)) throw new NotFoundError();
    const latest = await qrepo.findLatestVersion(tx, q.id, { lock: true });
    if (!latest) throw new NotFoundError();
    const draft = mutate(structuredClone(latest.definition));
    const parsed = definitionSchema.safeParse(draft);
    if (!parsed.success)
      throw new ValidationError(problemsToErrors(schemaProblems(draft, parsed.error.issues), draft, focus));
    const def = parsed.data;
    const problems = checkDefinition(def);
    if (problems.length) throw new ValidationError(problemsToErrors(problems, def, focus));
    const unchanged = JSON.stringify(def) === JSON.stringify(definitionSchema.parse(latest.definition));
    const result = { questionnaireId: q.id, previousVersion: latest.version };
    if (unchanged) return { ...result, version: latest.version, newVersion: false, changed: false };
    // The row is locked, so the mark is current: a use that began before the lock has committed by now.
    const inUse = latest.inUse;
    const saved = inUse
      ? await qrepo.insertVersion(tx, {
          questionnaireId: q.id,
          version: latest.version + 1,
          definition: def,
          createdBy: editor.actor.id,
        })
      : await qrepo.updateVersionDefinition(tx, latest.id, def);
    if (!saved) throw new ConflictError('Formuläret har just börjat användas. Försök igen.');
    await recordAudit(tx, {
      actorId: editor.actor.id,
      countyCode: q.countyCode,
      action: 'questionnaire.changed',
      entityType: 'questionnaire',
      entityId: q.id,
      before: { version: latest.version },
      after: {
        version: saved.version,
        newVersion: inUse,
        ...(opts.change ? { change: opts.change } : {}),
        ...(focus.questionId ? { questionId: focus.questionId } : {}),
        ...(focus.sectionId ? { sectionId: focus.sectionId } : {}),
      },
    });
    return { ...result, version: saved.version, newVersion: inUse, changed: true };
  });
}

// ---- Operations -------------------------------------------------------------------------------------

export const emptyDefinition = (): Definition => ({ areas: [], sections: [] });

/** A new questionnaire in the scope: empty, or a copy of the newest version of one the scope may use. */
export async function createQuestionnaire(
  db: Db,
  editor: Editor,
  countyCode: string | null,
  input: NewQuestionnaireInput,
): Promise<qrepo.QuestionnaireRow> {
  const scope: FormScope = { owner: editor.owner, countyCode };
  if (!editor.mayEdit(editor.actor, scope)) throw new NotFoundError();
  if (await qrepo.titleTaken(db, scope, input.title))
    throw new ValidationError({ title: 'Det finns redan ett formulär med den rubriken' });
  let definition = emptyDefinition();
  let copiedFrom: { questionnaireId: string; version: number } | undefined;
  if (input.copyFrom) {
    const source = await qrepo.findUsableVersion(db, scope, input.copyFrom);
    if (!source) throw new ValidationError({ copyFrom: 'Välj ett formulär i listan' });
    definition = definitionSchema.parse(source.definition);
    copiedFrom = { questionnaireId: source.questionnaireId, version: source.version };
  }
  return db.transaction(async (tx) => {
    const version = await qrepo.insertQuestionnaire(tx, {
      scope,
      title: input.title,
      createdBy: editor.actor.id,
      definition,
    });
    await recordAudit(tx, {
      actorId: editor.actor.id,
      countyCode,
      action: 'questionnaire.created',
      entityType: 'questionnaire',
      entityId: version.questionnaireId,
      before: null,
      after: { title: input.title, version: 1, ...(copiedFrom ? { copiedFrom } : {}) },
    });
    return (await qrepo.findQuestionnaire(tx, version.questionnaireId))!;
  });
}

/** The title is not part of a version: renaming never touches what respondents answered. */
export async function renameQuestionnaire(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  title: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const q = await qrepo.lockQuestionnaire(tx, questionnaireId);
    if (!q || !mayEditQuestionnaire(editor, q)) throw new NotFoundError();
    if (await qrepo.titleTaken(tx, scopeOf(q), title, q.id))
      throw new ValidationError({ title: 'Det finns redan ett formulär med den rubriken' });
    const latest = await qrepo.findLatestVersion(tx, q.id);
    await qrepo.renameQuestionnaire(tx, q.id, title);
    await recordAudit(tx, {
      actorId: editor.actor.id,
      countyCode: q.countyCode,
      action: 'questionnaire.changed',
      entityType: 'questionnaire',
      entityId: q.id,
      before: { title: q.title, version: latest?.version ?? null },
      after: { title, version: latest?.version ?? null, change: 'renamed' },
    });
  });
}

const gone = (what: string) => new ConflictError(`${what} finns inte längre i formuläret. Ladda om sidan.`);

function findSection(def: Definition, sectionId: string): Section {
  const s = def.sections.find((x) => x.id === sectionId);
  if (!s) throw gone('Avsnittet');
  return s;
}

function locateQuestion(def: Definition, questionId: string): { si: number; qi: number } {
  for (const [si, s] of def.sections.entries()) {
    const qi = s.questions.findIndex((q) => q.id === questionId);
    if (qi >= 0) return { si, qi };
  }
  throw gone('Frågan');
}

/** A section that is a risk area has an area with the section's id as key. */
function applyArea(def: Definition, section: Section, isArea: boolean): void {
  const existing = def.areas.find((a) => a.key === section.id);
  if (isArea && existing) existing.label = section.title;
  else if (isArea) def.areas.push({ key: section.id, label: section.title });
  else if (existing) {
    if (allQuestions(def).some((q) => q.area === section.id))
      throw new ValidationError({
        isArea: 'Frågor i formuläret hör till det här området. Ändra deras område först.',
      });
    def.areas = def.areas.filter((a) => a.key !== section.id);
  }
}

export function addSection(db: Db, editor: Editor, questionnaireId: string, input: SectionInput) {
  const focus: Focus = {};
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const taken = new Set([...def.sections.map((s) => s.id), ...def.areas.map((a) => a.key)]);
      const section: Section = {
        id: uniqueId(slugify(input.title, 'avsnitt'), taken),
        title: input.title,
        questions: [],
      };
      if (input.description) section.description = input.description;
      focus.sectionId = section.id;
      def.sections.push(section);
      applyArea(def, section, input.isArea);
      return def;
    },
    { change: 'section.added', focus },
  );
}

export function editSection(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  sectionId: string,
  input: SectionInput,
) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const section = findSection(def, sectionId);
      section.title = input.title;
      if (input.description) section.description = input.description;
      else delete section.description;
      applyArea(def, section, input.isArea);
      return def;
    },
    { change: 'section.edited', focus: { sectionId } },
  );
}

export function removeSection(db: Db, editor: Editor, questionnaireId: string, sectionId: string) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      findSection(def, sectionId);
      def.sections = def.sections.filter((s) => s.id !== sectionId);
      if (!allQuestions(def).some((q) => q.area === sectionId))
        def.areas = def.areas.filter((a) => a.key !== sectionId);
      return def;
    },
    { change: 'section.removed', focus: { sectionId } },
  );
}

export function moveSection(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  sectionId: string,
  direction: Direction,
) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      findSection(def, sectionId);
      const i = def.sections.findIndex((s) => s.id === sectionId);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (j >= 0 && j < def.sections.length)
        [def.sections[i], def.sections[j]] = [def.sections[j]!, def.sections[i]!];
      return def;
    },
    { change: 'section.moved', focus: { sectionId } },
  );
}

export function addQuestion(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  sectionId: string,
  input: QuestionInput,
) {
  const focus: Focus = {};
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const section = findSection(def, sectionId);
      const taken = new Set(allQuestions(def).map((q) => q.id));
      const id = uniqueId(slugify(input.label, 'fraga'), taken);
      focus.questionId = id;
      section.questions.push(buildQuestion(input, id, def));
      return def;
    },
    { change: 'question.added', focus },
  );
}

export function editQuestion(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  questionId: string,
  input: QuestionInput,
) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const { si, qi } = locateQuestion(def, questionId);
      const previous = def.sections[si]!.questions[qi];
      def.sections[si]!.questions[qi] = buildQuestion(input, questionId, def, previous);
      return def;
    },
    { change: 'question.edited', focus: { questionId } },
  );
}

export function removeQuestion(db: Db, editor: Editor, questionnaireId: string, questionId: string) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const { si, qi } = locateQuestion(def, questionId);
      def.sections[si]!.questions.splice(qi, 1);
      return def;
    },
    { change: 'question.removed', focus: { questionId } },
  );
}

/** Moves a question one step; past a section's edge it moves into the neighbouring section. */
export function moveQuestion(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  questionId: string,
  direction: Direction,
) {
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      const { si, qi } = locateQuestion(def, questionId);
      const list = def.sections[si]!.questions;
      const [q] = list.splice(qi, 1);
      if (direction === 'up') {
        if (qi > 0) list.splice(qi - 1, 0, q!);
        else if (si > 0) def.sections[si - 1]!.questions.push(q!);
        else list.unshift(q!);
      } else if (qi < list.length) list.splice(qi + 1, 0, q!);
      else if (si < def.sections.length - 1) def.sections[si + 1]!.questions.unshift(q!);
      else list.push(q!);
      return def;
    },
    { change: 'question.moved', focus: { questionId } },
  );
}

// ---- Ready-made questions ---------------------------------------------------------------------------

/**
 * A ready-made question a capability offers in its builder, added with one click and changed like any other
 * afterwards (events: dietary and accessibility needs). It may be more than one question: a choice and a
 * free text shown only for its "other" answer.
 */
export interface QuestionTemplate {
  /** the template's key: the id of its first question, by which the builder sees it is already there */
  key: string;
  /** what the button names: "specialkost" in "Lägg till frågan om specialkost" */
  name: string;
  /** what it asks, in a sentence for the one building the questionnaire */
  description: string;
  /** its questions; their ids are kept unless taken, and conditions refer to ids within the template */
  questions: Question[];
}

/** The templates a builder offers, and the title of the section made for them in an empty questionnaire. */
export interface QuestionTemplates {
  sectionTitle: string;
  templates: QuestionTemplate[];
}

/** Whether the questionnaire already has the template's first question (it is not offered again). */
export const hasTemplate = (def: Definition, template: QuestionTemplate): boolean =>
  allQuestions(def).some((q) => q.id === template.key);

/**
 * Adds a ready-made question last in the last section (a questionnaire without sections gets one titled
 * `sectionTitle` first). A template already there is refused: the page that offered it was stale.
 */
export function addTemplateQuestions(
  db: Db,
  editor: Editor,
  questionnaireId: string,
  template: QuestionTemplate,
  sectionTitle: string,
) {
  const focus: Focus = {};
  return saveDefinition(
    db,
    editor,
    questionnaireId,
    (def) => {
      if (hasTemplate(def, template))
        throw new ConflictError(`Frågan om ${template.name} finns redan i formuläret.`);
      if (def.sections.length === 0)
        def.sections.push({
          id: uniqueId(slugify(sectionTitle, 'avsnitt'), new Set(def.areas.map((a) => a.key))),
          title: sectionTitle,
          questions: [],
        });
      const section = def.sections[def.sections.length - 1]!;
      const taken = new Set(allQuestions(def).map((q) => q.id));
      const ids = new Map<string, string>();
      for (const q of template.questions) {
        const id = uniqueId(q.id, taken);
        taken.add(id);
        ids.set(q.id, id);
      }
      for (const q of template.questions) {
        const copy = structuredClone(q);
        copy.id = ids.get(q.id)!;
        if (copy.showIf) copy.showIf.questionId = ids.get(copy.showIf.questionId) ?? copy.showIf.questionId;
        section.questions.push(copy);
      }
      focus.questionId = ids.get(template.key);
      return def;
    },
    { change: 'question.added', focus },
  );
}
