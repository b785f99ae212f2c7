import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { compileRegionalPicture, snapshotOf } from './compile.ts';
import { authorize, situationGlobalPolicy } from './policy.ts';
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

/**
 * Saves the analyst's summaries and quotes, or submits the picture. The picture row is locked and its state
 * asked under the lock, so a save racing the submit either lands before it or is refused; the submit
 * compiles under the same lock and stores what it sends (the snapshot), which responses — locking the same
 * row first — can no longer change.
 */
export async function saveRegionalPicture(
  db: Db,
  actor: UserActor,
  input: { occasionId: string; countyCode: string; body: Record<string, unknown>; submit: boolean },
): Promise<void> {
  const action = input.submit ? 'picture.submit' : 'picture.save';
  await db.transaction(async (tx) => {
    const row = await repo.lockRegionalPicture(tx, input.occasionId, input.countyCode);
    authorize(actor, action, { countyCode: input.countyCode, picture: row });
    const compiled = await compileRegionalPicture(tx, {
      occasionId: input.occasionId,
      countyCode: input.countyCode,
    });
    const { summaries, quotes } = readPictureForm(
      input.body,
      compiled.areas.map((a) => a.key),
      compiled.quoteCandidates,
    );
    await repo.updateRegionalPicture(tx, row.id, { summaries, quotes, updatedBy: actor.id });
    if (input.submit) {
      const at = new Date();
      const sent = snapshotOf({ ...compiled, status: 'submitted', submittedAt: at, summaries, quotes });
      await repo.markRegionalPictureSubmitted(tx, row.id, sent, at);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: input.countyCode,
      action: input.submit ? 'regional_picture.submitted' : 'regional_picture.saved',
      entityType: 'regional_picture',
      entityId: row.id,
      before: { summaries: row.summaries, quotes: row.quotes.length },
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
