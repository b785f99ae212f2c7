import { RISK_SCALE, RISK_SCALE_LABELS, type Definition, type Question } from '../forms/index.ts';
import { changeLabels } from './labels.ts';

/**
 * "Social problematik och utsatthet": the six risk areas the county boards used nationally in 2020
 * (seed 002), each on a five-step scale with "vet ej", an explanation, the change since the last occasion
 * and the measures; then risks expected in the coming months.
 */
export const RISK_AREAS = [
  { key: 'violence', label: 'Våld i nära relationer inklusive hedersrelaterat våld och förtryck' },
  { key: 'children', label: 'Utsatta barn och familjer' },
  { key: 'substances', label: 'Alkohol och narkotika' },
  { key: 'mental_health', label: 'Psykisk ohälsa och isolering' },
  { key: 'unemployment', label: 'Arbetslöshet och sysslolöshet' },
  { key: 'social_unrest', label: 'Social oro' },
] as const;

export { RISK_SCALE_LABELS };

export const CHANGE_OPTIONS = [
  { value: 'increased', label: changeLabels.increased },
  { value: 'unchanged', label: changeLabels.unchanged },
  { value: 'decreased', label: changeLabels.decreased },
  { value: 'unknown', label: 'Vet ej' },
];

function areaQuestions(key: string, label: string): Question[] {
  return [
    {
      id: `${key}_risk`,
      type: 'scale',
      label: `Hur bedömer ni påverkan inom området ${label.toLowerCase()}?`,
      required: true,
      scale: RISK_SCALE,
      area: key,
      role: 'risk',
    },
    {
      id: `${key}_explanation`,
      type: 'text',
      label: 'Beskriv er bedömning',
      help: 'Vad ser ni, vilka grupper berörs och vad bygger bedömningen på?',
      required: true,
      showIf: { questionId: `${key}_risk`, anyOf: ['3', '4', '5'] },
      area: key,
      role: 'explanation',
    },
    {
      id: `${key}_change`,
      type: 'single',
      label: 'Hur har läget förändrats sedan förra rapporteringstillfället?',
      required: true,
      options: CHANGE_OPTIONS,
      area: key,
      role: 'change',
    },
    {
      id: `${key}_measures`,
      type: 'measures',
      label: 'Planerade och vidtagna åtgärder',
      help: 'Ange varje åtgärd med beskrivning, status, målgrupp, ansvarig organisation och startdatum.',
      required: false,
      area: key,
      role: 'measures',
    },
  ];
}

export const DEFAULT_TEMPLATE_TITLE = 'Social problematik och utsatthet';

export const defaultDefinition: Definition = {
  areas: RISK_AREAS.map((a) => ({ key: a.key, label: a.label })),
  sections: [
    ...RISK_AREAS.map((a) => ({ id: a.key, title: a.label, questions: areaQuestions(a.key, a.label) })),
    {
      id: 'emerging',
      title: 'Nytillkomna risker',
      questions: [
        {
          id: 'emerging_risks',
          type: 'text',
          label: 'Vilka nytillkomna risker ser ni de närmaste månaderna?',
          required: false,
          role: 'other',
        },
      ],
    },
  ],
};
