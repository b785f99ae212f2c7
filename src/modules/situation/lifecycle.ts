import type { Verdict } from '../../platform/authz.ts';

/** `true`, or the reason it may not be done. */
export type { Verdict };

/**
 * The state rules of lägesbild in one place: when a response may be saved, returned, approved or reopened,
 * when an occasion is open for answers, and when a regional picture may still change. Pure functions of
 * the states and the time; each answers `true` or, when not, why — a Swedish sentence that a service throws
 * as a ConflictError and a page shows where a button is absent. Who may act is policy.ts's business.
 */

export interface OccasionDates {
  opensAt: Date;
  deadlineAt: Date;
  locksAt: Date;
}

export interface ResponseState {
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  /** the county opened answering again after the deadline */
  reopened: boolean;
}

export interface PictureState {
  status: 'draft' | 'submitted';
}

/** The national coordinator's compilation of an occasion of a national round (null: nothing saved yet). */
export interface NationalState {
  closedAt: Date | null;
}
type MaybeNational = NationalState | null | undefined;

/** Not yet started (null), or a response in one of its states. */
type MaybeResponse = ResponseState | null | undefined;
/** No picture yet (a draft to be), or the county's regional picture of the occasion. */
type MaybePicture = PictureState | null | undefined;

const reason = {
  notOpened: 'Rapporteringen har inte öppnat ännu.',
  pastDeadline: 'Sista svarsdag har passerat. Kontakta länsstyrelsen om ni behöver lämna svar.',
  locked: 'Tillfället är låst; svaren kan inte längre ändras.',
  approved: 'Svaret är godkänt av länsstyrelsen och låst.',
  submitted: 'Svaret är inskickat. Länsstyrelsen kan återlämna det för komplettering.',
  pictureSubmitted:
    'Länsstyrelsen har redan skickat in länets lägesbild för det här tillfället; svaret kan inte längre ändras.',
  notSubmitted: 'Bara ett inskickat svar kan godkännas eller återlämnas.',
  notReopenable: 'Bara ett svar som inte är inskickat kan öppnas för svar igen.',
  alreadyReopened: 'Svaret är redan öppnat för svar efter sista svarsdag.',
  beforeDeadline: 'Sista svarsdag har inte passerat; de svarande kan redan svara.',
  regionalSubmitted: 'Den regionala lägesbilden är redan inskickad.',
  notSent: 'Den regionala lägesbilden är inte inskickad; det finns inget att återkalla.',
  nationalClosed:
    'Den nationella samordnaren har stängt den nationella sammanställningen; kontakta samordnaren om något behöver ändras.',
  nationalAlreadyClosed: 'Den nationella sammanställningen är redan stängd.',
} as const;

// ---- Occasion ----------------------------------------------------------------------------------

/**
 * Whether answering is open: from the opening date to the deadline, and after it until the lock date
 * where the county reopened the response. The one encoding of "open", for the form and the assignment list.
 */
export function answeringOpen(
  occasion: OccasionDates,
  response: Pick<ResponseState, 'reopened'> | null | undefined,
  now = new Date(),
): Verdict {
  if (now < occasion.opensAt) return reason.notOpened;
  if (now > occasion.locksAt) return reason.locked;
  if (now > occasion.deadlineAt && !response?.reopened) return reason.pastDeadline;
  return true;
}

/** The county may still act on responses (review, reopen) until the lock date. */
export function occasionUnlocked(occasion: OccasionDates, now = new Date()): Verdict {
  return now > occasion.locksAt ? reason.locked : true;
}

// ---- Regional picture ---------------------------------------------------------------------------

/** Submitted is final: what the national coordinator received does not change. */
export const isPictureFinal = (picture: MaybePicture): boolean => picture?.status === 'submitted';

/** The analyst writes summaries and chooses quotes while the picture is a draft. */
export function pictureMayEdit(picture: MaybePicture): Verdict {
  return isPictureFinal(picture) ? reason.regionalSubmitted : true;
}

/** The national compilation is closed: what the counties sent is final, and nothing more is received. */
export const isNationalClosed = (national: MaybeNational): boolean => Boolean(national?.closedAt);

/**
 * A draft is sent once, while the national compilation (of a national round) is open; after a recall it may be
 * sent again.
 */
export function pictureMaySubmit(picture: MaybePicture, national?: MaybeNational): Verdict {
  if (isPictureFinal(picture)) return reason.regionalSubmitted;
  return isNationalClosed(national) ? reason.nationalClosed : true;
}

/** The county may take back what it sent until the coordinator has closed the national compilation. */
export function pictureMayRecall(picture: MaybePicture, national?: MaybeNational): Verdict {
  if (!isPictureFinal(picture)) return reason.notSent;
  return isNationalClosed(national) ? reason.nationalClosed : true;
}

/** The coordinator writes the national summaries while the compilation is open. */
export function nationalMayEdit(national: MaybeNational): Verdict {
  return isNationalClosed(national) ? reason.nationalAlreadyClosed : true;
}

/** The coordinator closes the compilation once. */
export const nationalMayClose = nationalMayEdit;

// ---- Response ------------------------------------------------------------------------------------

/** Approved is final: nothing changes it, and it is not reopened. */
export const isResponseFinal = (response: MaybeResponse): boolean => response?.status === 'approved';

export interface ResponseContext {
  response: MaybeResponse;
  occasion: OccasionDates;
  /** the county's regional picture of the occasion */
  picture: MaybePicture;
  /** the round, where its state is at hand (a cancelled or closed round takes no answers) */
  round?: RoundState;
}

/** The respondent saves a draft or submits: a response not yet submitted, while answering is open. */
export function responseMaySave(
  { response, occasion, picture, round }: ResponseContext,
  now = new Date(),
): Verdict {
  if (isResponseFinal(response)) return reason.approved;
  if (response?.status === 'submitted') return reason.submitted;
  if (isPictureFinal(picture)) return reason.pictureSubmitted;
  const taking = round ? roundAcceptsAnswers(round) : true;
  if (taking !== true) return taking;
  return answeringOpen(occasion, response, now);
}

/** The county reviews a submitted response until the lock date and while its picture is a draft. */
function responseMayReview({ response, occasion, picture }: ResponseContext, now: Date): Verdict {
  if (isPictureFinal(picture)) return reason.pictureSubmitted;
  const unlocked = occasionUnlocked(occasion, now);
  if (unlocked !== true) return unlocked;
  return response?.status === 'submitted' ? true : reason.notSubmitted;
}

export const responseMayApprove = (r: ResponseContext, now = new Date()): Verdict =>
  responseMayReview(r, now);

/** Returning sends the response back to the respondent, who may then answer until the lock date. */
export const responseMayReturn = (r: ResponseContext, now = new Date()): Verdict => responseMayReview(r, now);

/**
 * After the deadline the county may open answering again for one respondent (started or not) until the
 * lock date, while the picture is a draft.
 */
export function responseMayReopen(
  { response, occasion, picture }: ResponseContext,
  now = new Date(),
): Verdict {
  if (isPictureFinal(picture)) return reason.pictureSubmitted;
  const unlocked = occasionUnlocked(occasion, now);
  if (unlocked !== true) return unlocked;
  if (response && response.status !== 'draft' && response.status !== 'returned') return reason.notReopenable;
  if (now <= occasion.deadlineAt) return reason.beforeDeadline;
  if (response?.reopened) return reason.alreadyReopened;
  return true;
}

// ---- Round -------------------------------------------------------------------------------------

/** The county chooses its respondents until it has submitted a regional picture of any of the round's occasions. */
export function respondentsMayChange(pictures: PictureState[]): Verdict {
  return pictures.some(isPictureFinal)
    ? 'Länets lägesbild är inskickad; de svarande kan inte längre ändras.'
    : true;
}

/** A round's own state: a trial round, closed early, cancelled. */
export interface RoundState {
  isTest: boolean;
  closedAt: Date | null;
  cancelledAt: Date | null;
}

/** A round as its changes see it: its state, its occasions' dates and whether anyone has started answering. */
export interface RoundContext {
  round: RoundState;
  occasions: OccasionDates[];
  /** a response exists to any of its occasions (a draft counts: someone has started) */
  answered: boolean;
}

const roundReason = {
  cancelled: 'Omgången är inställd.',
  closed: 'Omgången är avslutad; svar tas inte längre emot.',
  answered: 'Någon har redan börjat svara i omgången.',
  notTest: 'Bara en testomgång kan tas bort. En vanlig omgång kan ställas in så länge ingen har svarat.',
  nothingOpen: 'Alla tillfällen har redan passerat sista svarsdag.',
  occasionLocked: 'Tillfället är låst; dess datum kan inte längre ändras.',
  alreadyOpened: 'Tillfället har redan öppnat; öppningsdatumet kan inte ändras.',
} as const;

/** A cancelled round and a round closed early take no answers, whatever the occasions' dates say. */
export function roundAcceptsAnswers(round: RoundState): Verdict {
  if (round.cancelledAt) return roundReason.cancelled;
  if (round.closedAt) return roundReason.closed;
  return true;
}

/** The title and texts may change until the round is cancelled. */
export function roundMayEdit({ round }: Pick<RoundContext, 'round'>): Verdict {
  return round.cancelledAt ? roundReason.cancelled : true;
}

/** An occasion's deadline, lock date and reminder move while the round takes answers and the occasion is unlocked. */
export function occasionMayMove(round: RoundState, occasion: OccasionDates, now = new Date()): Verdict {
  const taking = roundAcceptsAnswers(round);
  if (taking !== true) return taking;
  return now > occasion.locksAt ? roundReason.occasionLocked : true;
}

/** Its opening date moves only before it has opened (after that, respondents have been told). */
export function occasionMayMoveOpening(
  round: RoundState,
  occasion: OccasionDates,
  now = new Date(),
): Verdict {
  const moves = occasionMayMove(round, occasion, now);
  if (moves !== true) return moves;
  return now >= occasion.opensAt ? roundReason.alreadyOpened : true;
}

/** A round that takes answers may get another occasion. */
export const roundMayAddOccasion = ({ round }: Pick<RoundContext, 'round'>): Verdict =>
  roundAcceptsAnswers(round);

/** Closing early ends answering now: for a round that takes answers and has an occasion before its deadline. */
export function roundMayClose({ round, occasions }: RoundContext, now = new Date()): Verdict {
  const taking = roundAcceptsAnswers(round);
  if (taking !== true) return taking;
  return occasions.some((o) => o.deadlineAt > now) ? true : roundReason.nothingOpen;
}

/** Cancelling is for a round nobody has started answering; it is kept, shown as cancelled. */
export function roundMayCancel({ round, answered }: RoundContext): Verdict {
  const taking = roundAcceptsAnswers(round);
  if (taking !== true) return taking;
  return answered ? roundReason.answered : true;
}

/** A test round is removed altogether while nobody has started answering (cancelled or not). */
export function roundMayRemove({ round, answered }: RoundContext): Verdict {
  if (!round.isTest) return roundReason.notTest;
  return answered ? roundReason.answered : true;
}
