import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { compileRegionalPicture } from './compile.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';
import * as repo from './repository.ts';
import type { ChosenQuote } from './tables.ts';

/** Reads the analyst's form: summary_<area> texts and the chosen quotes (quote=<responseId>:<questionId>). */
export function readPictureForm(
  body: Record<string, unknown>,
  areas: string[],
  candidates: ChosenQuote[],
): { summaries: Record<string, string>; quotes: ChosenQuote[] } {
  const summaries: Record<string, string> = {};
  for (const a of areas) {
    const v = body[`summary_${a}`];
    if (typeof v === 'string' && v.trim()) summaries[a] = v.trim().slice(0, 20_000);
  }
  const chosen = new Set(([] as unknown[]).concat(body.quote ?? []).map(String));
  const quotes = candidates.filter((c) => chosen.has(`${c.responseId}:${c.questionId}`));
  return { summaries, quotes };
}

export async function saveRegionalPicture(
  db: Db,
  actor: UserActor,
  input: { occasionId: string; countyCode: string; body: Record<string, unknown>; submit: boolean },
): Promise<void> {
  if (!situationPolicy['picture.edit'](actor, { countyCode: input.countyCode })) throw new NotFoundError();
  if (input.submit && !situationPolicy['round.manage'](actor, { countyCode: input.countyCode }))
    throw new NotFoundError();
  const picture = await compileRegionalPicture(db, {
    occasionId: input.occasionId,
    countyCode: input.countyCode,
  });
  if (picture.status === 'submitted')
    throw new ConflictError('Den regionala lägesbilden är redan inskickad.');
  const { summaries, quotes } = readPictureForm(
    input.body,
    picture.areas.map((a) => a.key),
    picture.quoteCandidates,
  );
  await db.transaction(async (tx) => {
    const row = await repo.upsertRegionalPicture(tx, {
      occasionId: input.occasionId,
      countyCode: input.countyCode,
      summaries,
      quotes,
      updatedBy: actor.id,
    });
    // Submitted by someone else since the page was read: nothing is written.
    if (!row || (input.submit && !(await repo.markRegionalPictureSubmitted(tx, row.id)))) {
      throw new ConflictError('Den regionala lägesbilden är redan inskickad.');
    }
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: input.countyCode,
      action: input.submit ? 'regional_picture.submitted' : 'regional_picture.saved',
      entityType: 'regional_picture',
      entityId: row.id,
      before: { summaries: picture.summaries, quotes: picture.quotes.length },
      after: { summaries, quotes: quotes.length },
    });
  });
}

export async function saveNationalSummaries(
  db: Db,
  actor: UserActor,
  input: { occasionId: string; areas: string[]; body: Record<string, unknown> },
): Promise<void> {
  if (!situationGlobalPolicy['national.coordinate'](actor)) throw new NotFoundError();
  const { summaries } = readPictureForm(input.body, input.areas, []);
  await db.transaction(async (tx) => {
    const before = await repo.findNationalPicture(tx, input.occasionId);
    await repo.upsertNationalPicture(tx, { occasionId: input.occasionId, summaries, updatedBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'national_picture.saved',
      entityType: 'national_picture',
      entityId: input.occasionId,
      before: before?.summaries ?? null,
      after: summaries,
    });
  });
}
