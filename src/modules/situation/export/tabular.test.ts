import { describe, expect, it } from 'vitest';
import { defaultDefinition } from '../default-template.ts';
import type { Definition } from '../../forms/index.ts';
import { ANSWER_COLUMNS, answerRows, type AnswerExportInput } from './tabular.ts';

/** The default template's first area and last section, and a section with the other question types. */
const definition: Definition = {
  areas: defaultDefinition.areas.slice(0, 1),
  sections: [
    defaultDefinition.sections[0]!,
    {
      id: 'other',
      title: 'Övrigt',
      questions: [
        {
          id: 'groups',
          type: 'multiple',
          label: 'Vilka grupper berörs?',
          required: false,
          role: 'other',
          options: [
            { value: 'children', label: 'Barn' },
            { value: 'elderly', label: 'Äldre' },
            { value: 'newcomers', label: 'Nyanlända' },
          ],
        },
        { id: 'staff', type: 'number', label: 'Antal handläggare', required: false, role: 'other' },
        {
          id: 'cooperation',
          type: 'yesno',
          label: 'Samverkar ni med regionen?',
          required: false,
          role: 'other',
        },
      ],
    },
    defaultDefinition.sections.at(-1)!,
  ],
};

const input: AnswerExportInput = {
  definition,
  responses: [
    {
      countyName: 'Västra Götalands län',
      organisationName: 'Borås stad',
      municipalityCode: '1490',
      status: 'approved',
      submittedAt: new Date('2026-10-05T12:03:00Z'),
      answers: {
        violence_risk: '4',
        violence_explanation: 'Fler anmälningar; särskilt "äldre" kvinnor.\nSe bilaga.',
        violence_change: 'increased',
        violence_measures: [
          {
            description: 'Utbildning för hemtjänsten',
            status: 'taken',
            targetGroup: 'Äldre',
            responsible: 'Socialförvaltningen',
            startDate: '2026-09-01',
          },
          {
            description: 'Informationskampanj',
            status: 'planned',
            targetGroup: 'Unga',
            responsible: 'Skolförvaltningen',
            startDate: '2026-11-15',
          },
        ],
        groups: ['children', 'elderly'],
        staff: 3.5,
        cooperation: 'yes',
        emerging_risks: '=HYPERLINK("http://example.com")',
      },
    },
    {
      countyName: 'Västra Götalands län',
      organisationName: 'Öckerö kommun',
      municipalityCode: null,
      status: 'draft',
      submittedAt: null,
      // level 1: the explanation is not shown, and what was typed there before is not exported
      answers: { violence_risk: '1', violence_explanation: 'gammal text', staff: -2 },
    },
  ],
};

describe('answerRows', () => {
  const rows = answerRows(input);
  /** A question's number as the export names it: "section.question", counted from 1. */
  const numberOf = (questionId: string): string => {
    for (const [s, section] of input.definition.sections.entries()) {
      const n = section.questions.findIndex((q) => q.id === questionId);
      if (n >= 0) return `${s + 1}.${n + 1}`;
    }
    throw new Error(`ingen fråga ${questionId}`);
  };
  const byQuestion = (org: string, questionId: string): string[] | undefined =>
    rows.find((r) => r[1] === org && r[6] === numberOf(questionId));

  it('starts with the Swedish header', () => {
    expect(rows[0]).toEqual([
      'Län',
      'Organisation',
      'Kommunkod',
      'Status',
      'Inskickat',
      'Avsnitt',
      'Fråga nr',
      'Fråga',
      'Svar',
    ]);
    expect(rows[0]).toEqual([...ANSWER_COLUMNS]);
  });

  it('has one row per respondent and shown question, hidden questions left out', () => {
    // 4 + 3 + 1 questions for Borås; Öckerö does not see the explanation
    expect(rows).toHaveLength(1 + 8 + 7);
    expect(byQuestion('Öckerö kommun', 'violence_explanation')).toBeUndefined();
    expect(byQuestion('Öckerö kommun', 'violence_change')?.[8]).toBe('');
  });

  it('describes the respondent and the question', () => {
    expect(byQuestion('Borås stad', 'violence_risk')).toEqual([
      'Västra Götalands län',
      'Borås stad',
      '1490',
      'Godkänt',
      '2026-10-05 14:03',
      defaultDefinition.sections[0]!.title,
      '1.1',
      defaultDefinition.sections[0]!.questions[0]!.label,
      '4 – Stor påverkan',
    ]);
    expect(byQuestion('Öckerö kommun', 'violence_risk')?.slice(2, 5)).toEqual(['', 'Utkast', '']);
  });

  it('writes every kind of answer readably', () => {
    expect(byQuestion('Öckerö kommun', 'violence_risk')?.[8]).toBe('1 – Ingen påverkan');
    expect(byQuestion('Borås stad', 'violence_change')?.[8]).toBe('Ökat');
    expect(byQuestion('Borås stad', 'groups')?.[8]).toBe('Barn; Äldre');
    // a decimal comma, as Swedish Excel reads numbers
    expect(byQuestion('Borås stad', 'staff')?.[8]).toBe('3,5');
    expect(byQuestion('Öckerö kommun', 'staff')?.[8]).toBe('-2');
    expect(byQuestion('Borås stad', 'cooperation')?.[8]).toBe('Ja');
    const measures = byQuestion('Borås stad', 'violence_measures')?.[8] ?? '';
    expect(measures.split(' | ')).toHaveLength(2);
    expect(measures).toContain('Utbildning för hemtjänsten');
    expect(measures).toContain('Skolförvaltningen');
    expect(measures).toContain('2026-11-15');
  });

  it('names no internal id an official would not know', () => {
    const ids = new Set(input.definition.sections.flatMap((sec) => sec.questions.map((q) => q.id)));
    for (const row of rows.slice(1)) for (const cell of row) expect(ids.has(cell)).toBe(false);
  });
});
