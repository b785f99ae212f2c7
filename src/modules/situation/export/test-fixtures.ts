import type { AreaRef, NationalPicture, PictureMeta, RegionalPicture } from '../picture.ts';

/** Small hand-made pictures for the export tests: two areas, three municipalities, two counties. */
export const AREAS: AreaRef[] = [
  { key: 'violence', label: 'Våld i nära relationer inklusive hedersrelaterat våld och förtryck' },
  { key: 'mental_health', label: 'Psykisk ohälsa och isolering' },
];

export const META: PictureMeta = {
  roundId: 'round-1',
  roundTitle: 'Social problematik och utsatthet 2026',
  topic: 'Social problematik och utsatthet',
  occasionId: 'occasion-2',
  occasionLabel: 'Höst 2026',
  deadlineAt: new Date('2026-10-10T21:59:59Z'),
  previousOccasionLabel: 'Vår 2026',
};

export const VIOLENCE_SUMMARY =
  'Kommunerna ser fler orosanmälningar än i våras. Särskilt utsatta är äldre kvinnor på landsbygden & i små orter.';
export const MENTAL_HEALTH_SUMMARY = 'Ensamheten bland unga ökar enligt skolkuratorerna.';

export function regionalPicture(): RegionalPicture {
  return {
    meta: META,
    county: { code: '14', name: 'Västra Götalands län', slug: 'vastra-gotaland' },
    status: 'submitted',
    submittedAt: new Date('2026-10-20T08:30:00Z'),
    areas: AREAS,
    completeness: { expected: 4, received: 3, onTime: 2, approved: 1 },
    rows: [
      {
        id: 'org-1',
        name: 'Borås stad',
        code: '1490',
        levels: { violence: '4', mental_health: '3' },
        previousLevels: { violence: '3', mental_health: '3' },
      },
      {
        id: 'org-2',
        name: 'Åmåls kommun',
        code: '1492',
        levels: { violence: 'unknown', mental_health: '5' },
        previousLevels: { violence: '2', mental_health: null },
      },
      {
        id: 'org-3',
        name: 'Öckerö kommun',
        code: '1407',
        levels: { violence: null, mental_health: null },
        previousLevels: { violence: null, mental_health: null },
      },
    ],
    distribution: {
      violence: {
        counts: { '4': 1, unknown: 1, missing: 1 },
        mean: 4,
        previousMean: 2.5,
        change: { increased: 1, unchanged: 0, decreased: 0 },
      },
      mental_health: {
        counts: { '3': 1, '5': 1, missing: 1 },
        mean: 4,
        previousMean: 3,
        change: { increased: 0, unchanged: 1, decreased: 0 },
      },
    },
    measureCounts: { violence: { planned: 1, taken: 1 }, mental_health: { planned: 0, taken: 0 } },
    measures: [
      {
        area: 'violence',
        organisationName: 'Borås stad',
        description: 'Utbildning för hemtjänstens personal',
        status: 'taken',
        targetGroup: 'Äldre',
        responsible: 'Socialförvaltningen',
        startDate: '2026-09-01',
      },
      {
        area: 'violence',
        organisationName: 'Åmåls kommun',
        description: 'Informationskampanj i skolor',
        status: 'planned',
        targetGroup: 'Unga',
        responsible: 'Skolförvaltningen',
        startDate: '2026-11-15',
      },
    ],
    quoteCandidates: [],
    quotes: [
      {
        responseId: 'resp-1',
        questionId: 'violence_explanation',
        text: 'Vi ser fler ärenden där äldre utsätts av anhöriga.',
        organisationName: 'Borås stad',
      },
      {
        responseId: 'resp-2',
        questionId: 'emerging_risks',
        text: 'Elpriserna oroar många hushåll inför vintern.',
        organisationName: 'Åmåls kommun',
      },
    ],
    summaries: { violence: VIOLENCE_SUMMARY, mental_health: `${MENTAL_HEALTH_SUMMARY}\nSe även <bilaga 2>.` },
  };
}

export const NATIONAL_SUMMARY = 'Läget är i stort sett oförändrat i landet men skiljer sig mellan länen.';
export const REGIONAL_SUMMARY_SKANE = 'Skåne rapporterar fler ärenden i storstäderna.';

export function nationalPicture(): NationalPicture {
  return {
    meta: META,
    areas: AREAS,
    counties: [
      {
        code: '12',
        name: 'Skåne län',
        slug: 'skane',
        completeness: { expected: 33, received: 30, onTime: 28, approved: 25 },
        regionalSubmitted: true,
      },
      {
        code: '25',
        name: 'Norrbottens län',
        slug: 'norrbotten',
        completeness: { expected: 14, received: 10, onTime: 9, approved: 0 },
        regionalSubmitted: false,
      },
    ],
    rows: [
      {
        id: '12',
        name: 'Skåne län',
        code: '12',
        levels: { violence: '3', mental_health: '4' },
        previousLevels: { violence: '3', mental_health: '3' },
      },
      {
        id: '25',
        name: 'Norrbottens län',
        code: '25',
        levels: { violence: null, mental_health: null },
        previousLevels: { violence: '2', mental_health: '2' },
      },
    ],
    municipalityLevels: {},
    municipalities: [],
    closedAt: null,
    distribution: {
      violence: {
        counts: { '3': 1, missing: 1 },
        mean: 3,
        previousMean: 2.5,
        change: { increased: 0, unchanged: 1, decreased: 0 },
      },
      mental_health: {
        counts: { '4': 1, missing: 1 },
        mean: 4,
        previousMean: 2.5,
        change: { increased: 1, unchanged: 0, decreased: 0 },
      },
    },
    measureCounts: { violence: { planned: 12, taken: 7 }, mental_health: { planned: 3, taken: 9 } },
    regionalSummaries: [
      { countyName: 'Skåne län', summaries: { violence: REGIONAL_SUMMARY_SKANE } },
      { countyName: 'Norrbottens län', summaries: {} },
    ],
    summaries: { violence: NATIONAL_SUMMARY },
  };
}
