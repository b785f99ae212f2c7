/**
 * Every address of lägesbild, built in one place for routes, views and mails. The route patterns they
 * answer to are declared beside the handlers (routes/*.ts); the tests walk both.
 */

type CountyRef = { slug: string };
/** The changes of a round, each a page of its own (a form or a confirmation) and its POST. */
export type RoundChange = 'andra' | 'avsluta' | 'stall-in' | 'ta-bort';
type Ref = { id: string };

const county = (c: CountyRef) => `/${c.slug}/lagesbild`;
const round = (c: CountyRef, r: Ref) => `${county(c)}/${r.id}`;
const occasion = (c: CountyRef, r: Ref, o: Ref) => `${round(c, r)}/${o.id}`;
const response = (c: CountyRef, r: Ref) => `${county(c)}/svar/${r.id}`;
const national = '/nationellt/lagesbild';
const nationalOccasion = (r: Ref, o: Ref) => `${national}/${r.id}/${o.id}`;

export const urls = {
  // The county's rounds and their answers
  rounds: county,
  newRound: (c: CountyRef) => `${county(c)}/ny`,
  questionnaires: (c: CountyRef) => `${county(c)}/formular`,
  round,
  respondents: (c: CountyRef, r: Ref) => `${round(c, r)}/svarande`,
  /** a round's changes, on the county's pages (its own round) or the national ones (county: null) */
  roundChange: (c: CountyRef | null, r: Ref, change: RoundChange) =>
    `${c ? round(c, r) : `${national}/${r.id}`}/${change}`,
  occasion,
  reopenRespondent: (c: CountyRef, r: Ref, o: Ref, organisationId: string) =>
    `${occasion(c, r, o)}/oppna/${organisationId}`,
  answers: (c: CountyRef, r: Ref, o: Ref, format: 'xlsx' | 'csv') => `${occasion(c, r, o)}/svar.${format}`,
  regional: (c: CountyRef, r: Ref, o: Ref) => `${occasion(c, r, o)}/sammanstallning`,
  regionalDocx: (c: CountyRef, r: Ref, o: Ref) => `${occasion(c, r, o)}/sammanstallning.docx`,
  /** the confirmation page before the picture is sent, and where the sending is posted */
  submitRegional: (c: CountyRef, r: Ref, o: Ref) => `${occasion(c, r, o)}/sammanstallning/skicka`,
  recallRegional: (c: CountyRef, r: Ref, o: Ref) => `${occasion(c, r, o)}/sammanstallning/aterkalla`,

  // Review of one response
  response,
  approve: (c: CountyRef, r: Ref) => `${response(c, r)}/godkann`,
  giveBack: (c: CountyRef, r: Ref) => `${response(c, r)}/aterlamna`,
  reopen: (c: CountyRef, r: Ref) => `${response(c, r)}/oppna`,

  // Answering
  assignments: () => '/uppdrag',
  assignment: (occasionId: string, organisationId: string) => `/uppdrag/${occasionId}/${organisationId}`,
  /** one area (section) of the answer form, and the check-your-answers page before submitting */
  assignmentSection: (occasionId: string, organisationId: string, sectionId: string) =>
    `/uppdrag/${occasionId}/${organisationId}/avsnitt/${sectionId}`,
  assignmentCheck: (occasionId: string, organisationId: string) =>
    `/uppdrag/${occasionId}/${organisationId}/kontrollera`,

  // National
  nationalRounds: () => national,
  nationalRound: (r: Ref) => `${national}/${r.id}`,
  newNationalRound: () => `${national}/ny`,
  nationalQuestionnaires: () => '/nationellt/formular',
  national: nationalOccasion,
  nationalDocx: (r: Ref, o: Ref) => `${nationalOccasion(r, o)}.docx`,
  /** the confirmation page before the coordinator closes the compilation, and where the close is posted */
  closeNational: (r: Ref, o: Ref) => `${nationalOccasion(r, o)}/stang`,
  nationalAnswers: (r: Ref, o: Ref, format: 'xlsx' | 'csv') => `${nationalOccasion(r, o)}/svar.${format}`,
  nationalRegional: (r: Ref, o: Ref, c: CountyRef) => `${nationalOccasion(r, o)}/lan/${c.slug}`,
  nationalRegionalDocx: (r: Ref, o: Ref, c: CountyRef) => `${nationalOccasion(r, o)}/lan/${c.slug}.docx`,
} as const;
