import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Definition } from '../forms/index.ts';
import * as repo from './repository.ts';
import { definitionOf } from './rounds.ts';

/**
 * The one way a page or an action finds a round, an occasion, a respondent or a response: within the county
 * of the URL. A county sees national rounds and its own; anything missing, malformed or another county's is
 * a NotFoundError (404), so nothing tells that it exists.
 */

type County = { code: string };

/** Whether a county reaches the round: national rounds and its own. */
export function roundVisibleTo(r: Pick<repo.Round, 'scope' | 'countyCode'>, county: County): boolean {
  return r.scope === 'national' || r.countyCode === county.code;
}

async function round(db: Db, county: County, roundId: string): Promise<repo.Round> {
  const found = await repo.findRound(db, roundId);
  if (!found || !roundVisibleTo(found, county)) throw new NotFoundError();
  return found;
}

async function occasionOf(db: Db, r: repo.Round, occasionId: string): Promise<repo.Occasion> {
  const found = await repo.findOccasion(db, occasionId);
  if (!found || found.roundId !== r.id) throw new NotFoundError();
  return found;
}

async function occasion(
  db: Db,
  county: County,
  roundId: string,
  occasionId: string,
): Promise<{ round: repo.Round; occasion: repo.Occasion }> {
  const found = await repo.findOccasionInRound(db, roundId, occasionId);
  if (!found || !roundVisibleTo(found.round, county)) throw new NotFoundError();
  return found;
}

async function respondent(
  db: Db,
  county: County,
  r: repo.Round,
  organisationId: string,
): Promise<repo.RespondentView> {
  const found = (await repo.listRespondents(db, r.id, county.code)).find(
    (x) => x.organisationId === organisationId,
  );
  if (!found) throw new NotFoundError();
  return found;
}

export interface LoadedResponse extends repo.ResponseInPlace {
  definition: Definition;
}

async function response(db: Db, county: County, responseId: string): Promise<LoadedResponse> {
  const found = await repo.findResponseInPlace(db, responseId);
  if (!found || found.response.countyCode !== county.code || !roundVisibleTo(found.round, county))
    throw new NotFoundError();
  return { ...found, definition: await definitionOf(db, found.round) };
}

/** An occasion of a national round, as the national coordinator reaches it (no county in the URL). */
async function nationalOccasion(
  db: Db,
  roundId: string,
  occasionId: string,
): Promise<{ round: repo.Round; occasion: repo.Occasion }> {
  const found = await repo.findRound(db, roundId);
  if (!found || found.scope !== 'national') throw new NotFoundError();
  return { round: found, occasion: await occasionOf(db, found, occasionId) };
}

/** A national round, as the national coordinator reaches it; a county's round is 404 here. */
async function nationalRound(db: Db, roundId: string): Promise<repo.Round> {
  const found = await repo.findRound(db, roundId);
  if (!found || found.scope !== 'national') throw new NotFoundError();
  return found;
}

export const load = { round, occasion, respondent, response, nationalOccasion, nationalRound };
