import { describe, expect, it } from 'vitest';
import { RISK_SCALE, type Definition, type Question } from './definition.ts';
import { checkDefinition } from './service.ts';

const withRisk = (scale: Question['scale']): Definition => ({
  areas: [{ key: 'bostader', label: 'Bostäder' }],
  sections: [
    {
      id: 'bostader',
      title: 'Bostäder',
      questions: [
        { id: 'risk', type: 'scale', label: 'Risk', required: true, scale, area: 'bostader', role: 'risk' },
      ],
    },
  ],
});

describe('checkDefinition: a risk question has the one risk scale', () => {
  it('accepts the risk scale, with or without "vet ej"', () => {
    expect(checkDefinition(withRisk(RISK_SCALE))).toEqual([]);
    expect(checkDefinition(withRisk({ ...RISK_SCALE, allowUnknown: false }))).toEqual([]);
  });

  it('refuses other steps and other words, in Swedish beside the field', () => {
    const steps = checkDefinition(withRisk({ ...RISK_SCALE, max: 7 }));
    expect(steps.map((p) => [p.questionId, p.field])).toEqual([['risk', 'scaleMax']]);
    expect(steps[0]?.message).toContain('skalan 1 till 5');
    const words = checkDefinition(
      withRisk({ ...RISK_SCALE, labels: { ...RISK_SCALE.labels, '3': 'Mellan' } }),
    );
    expect(words.map((p) => [p.questionId, p.field])).toEqual([['risk', 'scaleLabel-3']]);
    expect(words[0]?.message).toContain('3 Måttlig påverkan');
  });

  it('leaves scales of other questions to their authors', () => {
    const def = withRisk(RISK_SCALE);
    def.sections[0]!.questions.push({
      id: 'trivsel',
      type: 'scale',
      label: 'Trivsel',
      required: false,
      scale: { max: 7, labels: { '1': 'Inte alls', '7': 'Mycket' }, allowUnknown: false },
      role: 'other',
    });
    expect(checkDefinition(def)).toEqual([]);
  });
});
