import { describe, expect, it } from 'vitest';
import {
  ANSWER_LIMITS,
  answerFormValues,
  diffAnswers,
  invalidInputProblems,
  mergeAnswers,
  postedQuestions,
  readAnswerForm,
  sectionProgress,
  validateForSubmit,
  withoutMeasureRow,
} from './answers.ts';
import { RISK_SCALE, type Definition, type Question } from './definition.ts';

const riskArea = (key: string): Question[] => [
  {
    id: `${key}_risk`,
    type: 'scale',
    label: `Risk ${key}`,
    required: true,
    scale: RISK_SCALE,
    area: key,
    role: 'risk',
  },
  {
    id: `${key}_explanation`,
    type: 'text',
    label: 'Beskriv er bedömning',
    required: true,
    showIf: { questionId: `${key}_risk`, anyOf: ['3', '4', '5'] },
    area: key,
    role: 'explanation',
  },
];

/** Two risk areas, each a risk level on the canonical scale and an explanation asked for from level 3. */
const defaultDefinition: Definition = {
  areas: [
    { key: 'violence', label: 'Våld' },
    { key: 'children', label: 'Barn' },
  ],
  sections: [
    { id: 'violence', title: 'Våld', questions: riskArea('violence') },
    { id: 'children', title: 'Barn', questions: riskArea('children') },
  ],
};

describe('answers', () => {
  it('keeps answers to questions that are not shown out of the response', () => {
    const store = (body: Record<string, string>) =>
      mergeAnswers(
        defaultDefinition,
        { answers: {}, invalidInput: {} },
        readAnswerForm(defaultDefinition, body),
        postedQuestions(defaultDefinition, body),
      ).answers;
    expect(store({ q_violence_risk: '1', q_violence_explanation: 'text' })).toEqual({ violence_risk: '1' });
    expect(store({ q_violence_risk: '4', q_violence_explanation: 'text' }).violence_explanation).toBe('text');
  });

  it('keeps a value that is not an option as typed, flagged with its place', () => {
    const read = readAnswerForm(defaultDefinition, { q_violence_risk: '9' });
    expect(read.answers).toEqual({});
    expect(read.invalidInput).toEqual({ q_violence_risk: '9' });
    expect(read.problems).toEqual({ q_violence_risk: 'Våld: välj ett av alternativen för ”Risk violence”' });
  });

  it('asks on submit for what is required, each message naming its area, never twice the same text', () => {
    const errors = validateForSubmit(defaultDefinition, {
      answers: { violence_risk: '5' },
      invalidInput: {},
    });
    expect(errors).toEqual({
      q_violence_explanation: 'Våld: svara på ”Beskriv er bedömning”',
      q_children_risk: 'Barn: välj ett svar på ”Risk children”',
    });
    const both = validateForSubmit(defaultDefinition, { answers: {}, invalidInput: {} });
    const texts = Object.values(both);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('shows what changed between two versions in words', () => {
    expect(diffAnswers(defaultDefinition, { violence_risk: '2' }, { violence_risk: '4' })).toEqual([
      expect.objectContaining({
        questionId: 'violence_risk',
        before: '2 – Liten påverkan',
        after: '4 – Stor påverkan',
      }),
    ]);
  });
});

/** One area with every kind of field a draft can get wrong: a number, a long text and measures. */
const measuresDefinition: Definition = {
  areas: [{ key: 'children', label: 'Utsatta barn och familjer' }],
  sections: [
    {
      id: 'children',
      title: 'Utsatta barn och familjer',
      questions: [
        {
          id: 'children_change',
          type: 'single',
          label: 'Hur har läget förändrats?',
          required: true,
          role: 'change',
          options: [{ value: 'up', label: 'Ökat' }],
        },
        { id: 'children_staff', type: 'number', label: 'Antal handläggare', required: false, role: 'other' },
        { id: 'children_note', type: 'text', label: 'Övrigt', required: false, role: 'other' },
        { id: 'children_measures', type: 'measures', label: 'Åtgärder', required: false, role: 'measures' },
      ],
    },
    {
      id: 'other',
      title: 'Övrigt',
      questions: [{ id: 'other_note', type: 'text', label: 'Något mer?', required: false, role: 'other' }],
    },
  ],
};

describe('a draft keeps everything typed', () => {
  const m = (row: number, part: string) => `m_children_measures_${row}_${part}`;
  const body = {
    q_children_change: 'up',
    q_children_staff: 'tolv',
    [m(0, 'description')]: 'Fler familjebehandlare',
    [m(0, 'status')]: 'planned',
    [m(0, 'startDate')]: '2026-09-01',
    [m(1, 'description')]: 'Läxhjälp',
    [m(1, 'status')]: '',
    [m(1, 'startDate')]: '2026-13-45',
    [m(2, 'description')]: 'Fältassistenter',
    [m(2, 'status')]: 'taken',
    [m(2, 'startDate')]: 'nästa vecka',
  };

  it('keeps invalid values as typed and names the measure, the area and the field', () => {
    const read = readAnswerForm(measuresDefinition, body);
    expect(read.answers.children_change).toBe('up');
    // The valid measure is an answer; the question's rows are all kept as typed.
    expect(read.answers.children_measures).toEqual([
      {
        description: 'Fler familjebehandlare',
        status: 'planned',
        targetGroup: '',
        responsible: '',
        startDate: '2026-09-01',
      },
    ]);
    expect(read.invalidInput).toMatchObject({
      q_children_staff: 'tolv',
      [m(1, 'description')]: 'Läxhjälp',
      [m(1, 'startDate')]: '2026-13-45',
      [m(2, 'startDate')]: 'nästa vecka',
    });
    expect(read.problems).toEqual({
      q_children_staff:
        'Utsatta barn och familjer: ”Antal handläggare” ska vara ett tal, till exempel 12 eller 3,5',
      [m(1, 'status')]: 'Åtgärd 2 under Utsatta barn och familjer: välj status (planerad eller vidtagen)',
      [m(1, 'startDate')]:
        'Åtgärd 2 under Utsatta barn och familjer: startdatumet 2026-13-45 finns inte: månaden ska vara 01–12',
      [m(2, 'startDate')]:
        'Åtgärd 3 under Utsatta barn och familjer: ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2026-09-01',
    });
  });

  it('flags a text over its limit without cutting it', () => {
    const long = 'x'.repeat(ANSWER_LIMITS.text + 5);
    const read = readAnswerForm(measuresDefinition, { q_children_note: long });
    expect(read.invalidInput.q_children_note).toBe(long);
    expect(read.problems.q_children_note).toBe(
      'Utsatta barn och familjer: ”Övrigt” får ha högst 10\u00a0000 tecken (nu 10\u00a0005)',
    );
  });

  it('merges a section into the stored state and shows the typed input again, flagged', () => {
    const questions = postedQuestions(measuresDefinition, body, 'children');
    expect(questions.map((q) => q.id)).toEqual([
      'children_change',
      'children_staff',
      'children_note',
      'children_measures',
    ]);
    const stored = { answers: { other_note: 'behålls', children_staff: 3 }, invalidInput: {} };
    const state = mergeAnswers(
      measuresDefinition,
      stored,
      readAnswerForm(measuresDefinition, body, questions),
      questions,
    );
    expect(state.answers.other_note).toBe('behålls');
    expect(state.answers.children_staff).toBeUndefined();
    const values = answerFormValues(measuresDefinition, state);
    expect(values.q_children_staff).toBe('tolv');
    expect(values[m(2, 'startDate')]).toBe('nästa vecka');
    expect(values.q_children_measures_rows).toBe('3');
    expect(Object.keys(invalidInputProblems(measuresDefinition, state.invalidInput))).toHaveLength(4);
    expect(sectionProgress(measuresDefinition, measuresDefinition.sections[0]!, state)).toBe('inProgress');
    expect(sectionProgress(measuresDefinition, measuresDefinition.sections[1]!, state)).toBe('done');
    expect(validateForSubmit(measuresDefinition, state)[m(1, 'status')]).toContain('Åtgärd 2');

    // Fixed, the same section's input becomes answers and its flags go.
    const fixed = {
      ...body,
      q_children_staff: '12',
      [m(1, 'status')]: 'taken',
      [m(1, 'startDate')]: '',
      [m(2, 'startDate')]: '2026-10-01',
    };
    const after = mergeAnswers(
      measuresDefinition,
      state,
      readAnswerForm(measuresDefinition, fixed, questions),
      questions,
    );
    expect(after.invalidInput).toEqual({});
    expect((after.answers.children_measures as unknown[]).length).toBe(3);
    expect(validateForSubmit(measuresDefinition, after)).toEqual({});
    expect(sectionProgress(measuresDefinition, measuresDefinition.sections[0]!, after)).toBe('done');
  });

  it('a post without a section changes only the questions whose fields it holds', () => {
    expect(postedQuestions(measuresDefinition, { version: '3', intent: 'submit' })).toEqual([]);
    expect(postedQuestions(measuresDefinition, { q_other_note: 'x' }).map((q) => q.id)).toEqual([
      'other_note',
    ]);
  });

  it('removes one measure row and moves the later ones up', () => {
    const out = withoutMeasureRow(measuresDefinition, body, 'children_measures', 1);
    expect(out[m(1, 'description')]).toBe('Fältassistenter');
    expect(out[m(2, 'description')]).toBeUndefined();
    expect(out.q_children_change).toBe('up');
  });

  it('a section with nothing typed is not started', () => {
    expect(
      sectionProgress(measuresDefinition, measuresDefinition.sections[0]!, { answers: {}, invalidInput: {} }),
    ).toBe('notStarted');
  });
});
