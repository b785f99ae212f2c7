import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { tooLongMessage } from '../../platform/validation.ts';
import { compileRegionalPicture, snapshotOf } from './compile.ts';
import { authorize, decide } from './policy.ts';
import * as repo from './repository.ts';
import { urls } from './urls.ts';
import type { AreaRef } from './picture.ts';
import { TEXT_LIMITS } from './schemas.ts';
import type { ChosenQuote } from './tables.ts';

/**
 * Reads the analyst's form: summary_<area> texts and the chosen quotes (quote=<responseId>:<questionId>). A
 * summary over its limit is refused beside its field, naming its area; nothing is cut.
 */
export function readPictureForm(
  body: Record<string, unknown>,
  areas: AreaRef[],
  candidates: ChosenQuote[],
): { summaries: Record<string, string>; quotes: ChosenQuote[] } {
  const summaries: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const a of areas) {
    const v = body[`summary_${a.key}`];
    if (typeof v !== 'string' || !v.trim()) continue;
    const text = v.trim();
    if (text.length > TEXT_LIMITS.pictureSummary)
      errors[`summary_${a.key}`] = tooLongMessage(
        `Sammanfattningen av ${a.label}`,
        TEXT_LIMITS.pictureSummary,
        text.length,
      );
    else summaries[a.key] = text;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const chosen = new Set(([] as unknown[]).concat(body.quote ?? []).map(String));
  const quotes = candidates.filter((c) => chosen.has(`${c.responseId}:${c.questionId}`));
  return { summaries, quotes };
}

/**
 * Saves the analyst's summaries and quotes, or submits the picture. The picture row is locked and its state
 * asked under the lock, so a save racing the submit either lands before it or is refused; the submit
 * compiles under the same lock and stores what it sends (the snapshot), which responses — locking the same
 * row first — can no longer change. Without a body (the confirmation page's submit) the texts saved last
 * are sent.
 */
export async function saveRegionalPicture(
  db: Db,
  actor: UserActor,
  input: { occasionId: string; countyCode: string; body?: Record<string, unknown>; submit: boolean },
): Promise<void> {
  const action = input.submit ? 'picture.submit' : 'picture.save';
  await db.transaction(async (tx) => {
    const row = await repo.lockRegionalPicture(tx, input.occasionId, input.countyCode);
    const national = input.submit ? await lockNationalOf(tx, input.occasionId) : null;
    authorize(actor, action, { countyCode: input.countyCode, picture: row, national });
    const compiled = await compileRegionalPicture(tx, {
      occasionId: input.occasionId,
      countyCode: input.countyCode,
    });
    const { summaries, quotes } = readPictureForm(
      input.body ?? {
        ...Object.fromEntries(Object.entries(row.summaries).map(([k, v]) => [`summary_${k}`, v])),
        quote: row.quotes.map((q) => `${q.responseId}:${q.questionId}`),
      },
      compiled.areas,
      compiled.quoteCandidates,
    );
    await repo.updateRegionalPicture(tx, row.id, { summaries, quotes, updatedBy: actor.id });
    if (input.submit) {
      const at = new Date();
      const sent = snapshotOf({ ...compiled, status: 'submitted', submittedAt: at, summaries, quotes });
      await repo.markRegionalPictureSubmitted(tx, row.id, sent, at, actor.id);
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

/**
 * The national compilation a county's picture of the occasion goes to, locked after the county's own picture
 * (the order every transaction keeps); none for a county's own round.
 */
async function lockNationalOf(tx: Executor, occasionId: string) {
  const context = await repo.findOccasionContext(tx, occasionId);
  if (!context) throw new NotFoundError();
  return context.round.scope === 'national' ? repo.lockNationalPicture(tx, occasionId) : null;
}

/**
 * Takes a sent regional picture back to a draft, until the coordinator closes the national compilation. Both
 * rows are locked (the county's picture, then the national compilation, as the sending does) and the rule is
 * asked under the locks, so a recall racing the close either lands first — and the close sees the county
 * without a picture — or is refused. What was sent stays in the picture's history; the coordinators are told.
 */
export async function recallRegionalPicture(
  deps: Deps,
  actor: UserActor,
  input: { occasionId: string; countyCode: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockRegionalPicture(tx, input.occasionId, input.countyCode);
    const national = await lockNationalOf(tx, input.occasionId);
    authorize(actor, 'picture.recall', { countyCode: input.countyCode, picture: row, national });
    await repo.markRegionalPictureRecalled(tx, row.id, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: input.countyCode,
      action: 'regional_picture.recalled',
      entityType: 'regional_picture',
      entityId: row.id,
      before: { status: 'submitted', submittedAt: row.submittedAt?.toISOString() ?? null },
      after: { status: 'draft' },
    });
    if (!national) return;
    const { round, occasion } = (await repo.findOccasionContext(tx, input.occasionId))!;
    const county = findCountyByCode(input.countyCode)!;
    for (const email of await repo.coordinatorEmails(tx)) {
      await enqueueTemplatedMail(tx, {
        to: email,
        template: 'situation.picture-recalled',
        locale: 'sv',
        vars: {
          countyName: county.name,
          roundTitle: round.title,
          occasionLabel: occasion.label,
          recalledBy: actor.name,
          url: `${deps.config.publicUrl}${urls.national(round, occasion)}`,
        },
      });
    }
  });
}

/** Closes the national compilation: the counties' pictures as sent now are final; none can be recalled. */
export async function closeNationalPicture(db: Db, actor: UserActor, occasionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const national = await repo.lockNationalPicture(tx, occasionId);
    authorize(actor, 'national.close', { national });
    const sent = (await repo.listRegionalPictures(tx, occasionId))
      .filter((p) => p.status === 'submitted')
      .map((p) => p.countyCode)
      .sort();
    await repo.closeNationalPicture(tx, occasionId, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'national_picture.closed',
      entityType: 'national_picture',
      entityId: occasionId,
      before: { closed: false },
      after: { closed: true, counties: sent },
    });
  });
}

export async function saveNationalSummaries(
  db: Db,
  actor: UserActor,
  input: { occasionId: string; areas: AreaRef[]; body: Record<string, unknown> },
): Promise<void> {
  const role = decide(actor, 'national.save', { national: null });
  if (!role.allowed && role.refusal === 'role') throw new NotFoundError();
  const { summaries } = readPictureForm(input.body, input.areas, []);
  await db.transaction(async (tx) => {
    const before = await repo.lockNationalPicture(tx, input.occasionId);
    authorize(actor, 'national.save', { national: before });
    await repo.upsertNationalPicture(tx, { occasionId: input.occasionId, summaries, updatedBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'national_picture.saved',
      entityType: 'national_picture',
      entityId: input.occasionId,
      before: before.summaries,
      after: summaries,
    });
  });
}
