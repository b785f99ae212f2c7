import { describe, expect, it } from 'vitest';
import { diffAnswers, readAnswerForm, validateForSubmit } from './answers.ts';
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
    const { answers } = readAnswerForm(defaultDefinition, {
      q_violence_risk: '1',
      q_violence_explanation: 'text',
    });
    expect(answers).toEqual({ violence_risk: '1' });
    const shown = readAnswerForm(defaultDefinition, { q_violence_risk: '4', q_violence_explanation: 'text' });
    expect(shown.answers.violence_explanation).toBe('text');
  });

  it('rejects a scale value outside the scale and asks for what is required', () => {
    expect(readAnswerForm(defaultDefinition, { q_violence_risk: '9' }).errors).toEqual({
      q_violence_risk: 'Välj ett av alternativen',
    });
    const errors = validateForSubmit(defaultDefinition, { violence_risk: '5' });
    expect(errors.q_violence_explanation).toContain('Svara på frågan');
    expect(errors.q_children_risk).toContain('Välj ett svar');
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
