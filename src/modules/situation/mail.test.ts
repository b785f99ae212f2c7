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

  it('tell a respondent that an occasion is open: the deadline, the link to the form and whom to ask', () => {
    const vars = {
      respondentName: 'Knivsta kommun',
      roundTitle: 'Social oro 2026',
      occasionLabel: 'Före sommaren',
      topic: 'Kommunernas bedömning av risker.',
      deadlineAt,
      url: 'https://samverkan.test/uppdrag/o/r',
      contacts: 'Ulla Upplänning (ulla@lst.test)',
    };
    const sv = renderMail('situation.occasion-opened', 'sv', vars);
    expect(sv.subject).toBe('Dags att svara senast 10 juni 2026 – Social oro 2026, Före sommaren');
    expect(sv.text).toContain('Sista dag att svara är 10 juni 2026 kl. 23.59.');
    expect(sv.text).toContain('Svara här: https://samverkan.test/uppdrag/o/r');
    expect(sv.text).toContain('Frågor besvaras av länsstyrelsen: Ulla Upplänning (ulla@lst.test).');
    expect(renderMail('situation.occasion-opened', 'sv', { ...vars, contacts: '' }).text).not.toContain(
      'Frågor',
    );
    expect(renderMail('situation.occasion-opened', 'en', vars).subject).toBe(
      'Please answer by 10 June 2026 – Social oro 2026, Före sommaren',
    );
  });

  it('tell a respondent that the dates moved, naming the old ones', () => {
    const vars = {
      respondentName: 'Knivsta kommun',
      roundTitle: 'Social oro 2026',
      occasionLabel: 'Före sommaren',
      deadlineAt: new Date('2026-06-17T21:59:59Z'),
      previousDeadlineAt: deadlineAt,
      locksAt: new Date('2026-06-30T21:59:59Z'),
      previousLocksAt: new Date('2026-06-30T21:59:59Z'),
      url: 'https://samverkan.test/uppdrag/o/r',
    };
    const sv = renderMail('situation.dates-moved', 'sv', vars);
    expect(sv.subject).toBe('Ny sista svarsdag 17 juni 2026 – Social oro 2026, Före sommaren');
    expect(sv.text).toContain('Sista svarsdag är nu 17 juni 2026 kl. 23.59 (tidigare 10 juni 2026).');
    expect(sv.text).toContain('Svaren låses 30 juni 2026.');
    expect(renderMail('situation.dates-moved', 'en', vars).text).toContain('(was 10 June 2026)');
  });

  it('tell a respondent that a round is cancelled', () => {
    const vars = { respondentName: 'Knivsta kommun', roundTitle: 'Social oro 2026' };
    expect(renderMail('situation.round-cancelled', 'sv', vars).subject).toBe('Inställd: Social oro 2026');
    expect(renderMail('situation.round-cancelled', 'en', vars).text).toContain('has been cancelled');
  });
});
