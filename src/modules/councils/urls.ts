/**
 * The addresses of the councils' pages, in one place: routes, views, mails and calendar files use these. A
 * county is named by its slug, a council by its slug within the county. Everything under a council's public
 * address that is not its public page itself is internal: the county's admins and the people of its bodies.
 */
const base = (county: string, council: string): string => `/${county}/rad/${council}`;

export const urls = {
  /** the county's councils: every one for its admins, the ones a member sits in for a member */
  councils: (county: string): string => `/${county}/rad`,
  /** form a new council */
  newCouncil: (county: string): string => `/${county}/rad/nytt`,
  /** merge councils into a new one */
  mergeCouncils: (county: string): string => `/${county}/rad/sammanslagning`,
  /** a council's public page */
  publicPage: base,
  /** the contact form's POST (the public page holds the form) */
  contact: (county: string, council: string): string => `${base(county, council)}/kontakt`,
  /** the internal overview: the first page of the council's work room */
  overview: (county: string, council: string): string => `${base(county, council)}/oversikt`,
  edit: (county: string, council: string): string => `${base(county, council)}/redigera`,
  dissolve: (county: string, council: string): string => `${base(county, council)}/upplos`,
  members: (county: string, council: string): string => `${base(county, council)}/medlemmar`,
  /** one membership: its logo, and ending it */
  member: (county: string, council: string, memberId: string): string =>
    `${base(county, council)}/medlemmar/${memberId}`,
  memberLogo: (county: string, council: string, memberId: string): string =>
    `${base(county, council)}/medlemmar/${memberId}/logotyp`,
  memberEnd: (county: string, council: string, memberId: string): string =>
    `${base(county, council)}/medlemmar/${memberId}/avsluta`,
  bodies: (county: string, council: string): string => `${base(county, council)}/organ`,
  body: (county: string, council: string, bodyId: string): string =>
    `${base(county, council)}/organ/${bodyId}`,
  /** where a body reports to */
  bodyMove: (county: string, council: string, bodyId: string): string =>
    `${base(county, council)}/organ/${bodyId}/flytta`,
  /** the people of a body: adding one, removing one, changing one's role */
  people: (county: string, council: string, bodyId: string): string =>
    `${base(county, council)}/organ/${bodyId}/personer`,
  personRemove: (county: string, council: string, bodyId: string, personId: string): string =>
    `${base(county, council)}/organ/${bodyId}/personer/${personId}/ta-bort`,
  personRole: (county: string, council: string, bodyId: string, personId: string): string =>
    `${base(county, council)}/organ/${bodyId}/personer/${personId}/roll`,
  meetings: (county: string, council: string): string => `${base(county, council)}/moten`,
  meeting: (county: string, council: string, meetingId: string): string =>
    `${base(county, council)}/moten/${meetingId}`,
  meetingIcs: (county: string, council: string, meetingId: string): string =>
    `${base(county, council)}/moten/${meetingId}/kallelse.ics`,
  decisions: (county: string, council: string): string => `${base(county, council)}/beslut`,
  decision: (county: string, council: string, decisionId: string): string =>
    `${base(county, council)}/beslut/${decisionId}`,
  documents: (county: string, council: string): string => `${base(county, council)}/dokument`,
  document: (county: string, council: string, documentId: string): string =>
    `${base(county, council)}/dokument/${documentId}`,
  priorities: (county: string, council: string): string => `${base(county, council)}/prioriteringar`,
  priority: (county: string, council: string, priorityId: string): string =>
    `${base(county, council)}/prioriteringar/${priorityId}`,
  intervention: (county: string, council: string, interventionId: string): string =>
    `${base(county, council)}/insatser/${interventionId}`,
  /** a priority's forms: a new intervention area, a new intervention */
  priorityAreas: (county: string, council: string, priorityId: string): string =>
    `${base(county, council)}/prioriteringar/${priorityId}/insatsomraden`,
  priorityInterventions: (county: string, council: string, priorityId: string): string =>
    `${base(county, council)}/prioriteringar/${priorityId}/insatser`,
  /** an intervention's forms: financing, milestones, a milestone done, a progress report, its strategies' goals */
  interventionPart: (
    county: string,
    council: string,
    interventionId: string,
    part: 'finansiering' | 'delmal' | 'delmal/klart' | 'lagesrapport' | 'mal',
  ): string => `${base(county, council)}/insatser/${interventionId}/${part}`,
  /** an intervention's financing line or milestone removed */
  financingRemove: (county: string, council: string, interventionId: string, lineId: string): string =>
    `${base(county, council)}/insatser/${interventionId}/finansiering/${lineId}/ta-bort`,
  milestoneRemove: (county: string, council: string, interventionId: string, milestoneId: string): string =>
    `${base(county, council)}/insatser/${interventionId}/delmal/${milestoneId}/ta-bort`,
  progressImport: (county: string, council: string): string => `${base(county, council)}/insatser/import`,
  progressTemplate: (county: string, council: string): string =>
    `${base(county, council)}/insatser/import/mall.csv`,
  handling: (county: string, council: string): string => `${base(county, council)}/hantering`,
  strategies: (county: string, council: string): string => `${base(county, council)}/strategier`,
  strategyGoals: (county: string, council: string, strategyId: string): string =>
    `${base(county, council)}/strategier/${strategyId}/mal`,
  yearPlan: (county: string, council: string, year?: number): string =>
    `${base(county, council)}/arshjul${year ? `?ar=${year}` : ''}`,
  /** one step of the year plan: the admin's form */
  yearStep: (county: string, council: string, stepId: string): string =>
    `${base(county, council)}/arshjul/${stepId}`,
  followUp: (county: string, council: string, year: number, format: 'html' | 'docx'): string =>
    `${base(county, council)}/uppfoljning/${year}.${format}`,
};

/** Slugs a council may not take: the addresses beside the councils' own under /{county}/rad/. */
export const RESERVED_COUNCIL_SLUGS: ReadonlySet<string> = new Set(['nytt', 'sammanslagning']);
