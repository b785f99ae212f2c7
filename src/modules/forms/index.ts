import type { ModuleDescriptor } from '../../platform/module.ts';
import * as tables from './tables.ts';

/**
 * Forms: questionnaires built in the UI, kept in immutable versions, rendered question by question and read
 * back from posted forms. Any capability uses them within its own scope; the owning capability decides who
 * may edit its questionnaires and registers the builder's pages under its own addresses.
 */
export const module: ModuleDescriptor = {
  name: 'forms',
  dependsOn: ['reference', 'accounts'],
  tables,
};

export {
  allQuestions,
  answerChangePlaces,
  answerChoices,
  conditionHint,
  definitionSchema,
  isShown,
  measureStatuses,
  measureStatusLabels,
  questionRoles,
  questionTypes,
  RISK_SCALE,
  RISK_SCALE_LABELS,
  RISK_SCALE_MAX,
  UNKNOWN,
  type AnswerPlaceChange,
  type AnswerValue,
  type Answers,
  type Definition,
  type Measure,
  type MeasureStatus,
  type Question,
  type QuestionRole,
  type QuestionType,
  type Section,
} from './definition.ts';
export {
  ANSWER_LIMITS,
  answerFormValues,
  diffAnswers,
  fieldName,
  formatAnswer,
  invalidInputProblems,
  isFieldOf,
  measureField,
  measureRowCounts,
  mergeAnswers,
  postedQuestions,
  questionAnchor,
  readAnswerForm,
  scalarText,
  sectionProgress,
  sectionProgressLabels,
  validateForSubmit,
  withoutMeasureRow,
  type AnswerChange,
  type AnswerRead,
  type AnswerState,
  type SectionProgress,
} from './answers.ts';
export {
  findLatestVersion,
  findQuestionnaire,
  findQuestionnaireVersion,
  findUsableVersion,
  findVersion,
  insertQuestionnaire,
  listQuestionnaireVersions,
  markVersionInUse,
  type FormScope,
  type QuestionnaireVersionRow,
} from './repository.ts';
export {
  checkDefinition,
  definitionOfVersion,
  ensureQuestionnaire,
  questionFormValues,
  type MayEdit,
  type QuestionTemplate,
  type QuestionTemplates,
} from './service.ts';
export { registerQuestionnaireBuilder, type BuilderOptions, type BuilderPlace } from './routes.ts';
export type { UseWords } from './views/builder.tsx';
export { QuestionField } from './views/question-field.tsx';
/** For a capability's own joins that read a version's definition with its rows in one round trip. */
export { questionnaireVersions } from './tables.ts';
