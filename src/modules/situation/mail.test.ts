import { describe, expect, it } from 'vitest';
import { renderMail } from '../../platform/mail-templates.ts';
import { situationMail } from './mail.ts';

const deadlineAt = new Date('2026-06-10T21:59:59Z');

describe('the lägesbild mails', () => {
  it('exist in Swedish and English for every template', () => {
    for (const template of Object.values(situationMail))
      expect(Object.keys(template).sort()).toEqual(['en', 'sv']);
  });

  it('tell a respondent that the answer was returned, with the county’s comment and the link', () => {
    const vars = {
      roundTitle: 'Social oro 2026',
      occasionLabel: 'Före sommaren',
      comment: 'Beskriv åtgärderna.',
      url: 'https://samverkan.test/uppdrag/o/r',
    };
    const sv = renderMail('situation.response-returned', 'sv', vars);
    expect(sv.subject).toBe('Komplettera ert svar – Social oro 2026, Före sommaren');
    expect(sv.text).toContain('Beskriv åtgärderna.');
    expect(sv.text).toContain(vars.url);
    const en = renderMail('situation.response-returned', 'en', vars);
    expect(en.subject).toBe('Please complete your answer – Social oro 2026, Före sommaren');
    expect(en.text).toContain('Beskriv åtgärderna.');
  });

  it('remind with the deadline in the mail’s language and Swedish time', () => {
    const vars = {
      respondentName: 'Knivsta kommun',
      roundTitle: 'Social oro 2026',
      occasionLabel: 'Före sommaren',
      deadlineAt,
      url: 'https://samverkan.test/uppdrag/o/r',
    };
    expect(renderMail('situation.answer-reminder', 'sv', vars).subject).toBe(
      'Påminnelse: svara senast 10 juni 2026 – Social oro 2026',
    );
    expect(renderMail('situation.answer-reminder', 'sv', vars).text).toContain(
      'Sista dag är 10 juni 2026 kl. 23.59.',
    );
    expect(renderMail('situation.answer-reminder', 'en', vars).text).toContain(
      'The last day is 10 June 2026',
    );
  });
});
