import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import * as repo from './repository.ts';
import {
  isResetTokenLive,
  resetPassword,
  resolveSession,
  SESSION_ABSOLUTE_MS,
  startSession,
} from './service.ts';
import { passwordResets, sessions } from './tables.ts';

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  /** Moves a session's sign-in back in time, as if it had been in use since then. */
  const signedInAgo = async (token: string, ms: number) =>
    t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - ms), lastSeenAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(sessions.idHash, hashToken(token)));

  it('ends 12 hours after sign-in however busy the session has been', async () => {
    const user = await createTestUser(t.database.db, 'county_admin');
    const token = await startSession(t.database.db, user.id);
    await signedInAgo(token, SESSION_ABSOLUTE_MS - 60_000);
    expect((await resolveSession(t.database.db, token)).kind).toBe('user');
    await signedInAgo(token, SESSION_ABSOLUTE_MS + 60_000);
    expect((await resolveSession(t.database.db, token)).kind).toBe('anonymous');
  });

  it('never slides its expiry past the absolute end', async () => {
    const user = await createTestUser(t.database.db, 'county_admin');
    const token = await startSession(t.database.db, user.id);
    await signedInAgo(token, SESSION_ABSOLUTE_MS - 60 * 60_000);
    await resolveSession(t.database.db, token); // last seen 10 minutes ago: the visit slides the expiry
    const [row] = await t.database.db
      .select({ expiresAt: sessions.expiresAt, createdAt: sessions.createdAt })
      .from(sessions)
      .where(eq(sessions.idHash, hashToken(token)));
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(
      row!.createdAt.getTime() + SESSION_ABSOLUTE_MS + 1000,
    );
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('password reset links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const link = async (userId: string) => {
    const { token, hash } = newToken();
    await repo.insertPasswordReset(t.database.db, {
      tokenHash: hash,
      userId,
      expiresAt: new Date(Date.now() + 60 * 60_000),
    });
    return token;
  };

  it('after one link is used, every other unused link of the account stops working', async () => {
    const user = await createTestUser(t.database.db, 'reporter');
    const [first, second, third] = [await link(user.id), await link(user.id), await link(user.id)];
    await resetPassword(t.app.deps, second, 'ett nytt långt lösenord');
    expect(await isResetTokenLive(t.database.db, first)).toBe(false);
    expect(await isResetTokenLive(t.database.db, third)).toBe(false);
    await expect(resetPassword(t.app.deps, first, 'ett annat långt lösenord')).rejects.toThrow(/ogiltig/);
    const live = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(sql`${passwordResets.userId} = ${user.id} and ${passwordResets.usedAt} is null`);
    expect(Number(live[0]!.n)).toBe(0);
  });
});
