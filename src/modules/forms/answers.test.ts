import { describe, expect, it } from 'vitest';
import { defaultDefinition } from './default-template.ts';
import { diffAnswers, readAnswerForm, validateForSubmit } from './answers.ts';
import { isAnsweringOpen } from './service.ts';
import type { Occasion } from './repository.ts';

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

  it('closes answering at the deadline unless reopened, and always at the lock date', () => {
    const occasion = {
      opensAt: new Date('2026-06-01T00:00:00Z'),
      deadlineAt: new Date('2026-06-10T21:59:59Z'),
      locksAt: new Date('2026-06-30T21:59:59Z'),
    } as Occasion;
    const reopened = { reopened: true } as never;
    expect(isAnsweringOpen(occasion, null, new Date('2026-06-05T12:00:00Z'))).toBe(true);
    expect(isAnsweringOpen(occasion, null, new Date('2026-06-11T12:00:00Z'))).toBe(false);
    expect(isAnsweringOpen(occasion, reopened, new Date('2026-06-11T12:00:00Z'))).toBe(true);
    expect(isAnsweringOpen(occasion, reopened, new Date('2026-07-01T12:00:00Z'))).toBe(false);
    expect(isAnsweringOpen(occasion, null, new Date('2026-05-31T12:00:00Z'))).toBe(false);
  });
});
