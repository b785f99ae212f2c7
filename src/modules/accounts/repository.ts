import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Membership } from '../../platform/authz.ts';
import type { Role } from '../../platform/roles.ts';
import { organisations } from '../reference/index.ts';
import { invitations, memberships, passwordResets, sessions, users } from './tables.ts';

export type User = typeof users.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(
  db: Executor,
  values: { email: string; name: string; passwordHash: string | null },
): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  return row!;
}

export async function updatePassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function updateUserName(db: Executor, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function insertMembership(
  db: Executor,
  values: { userId: string; organisationId: string; role: Role; countyCode: string | null },
): Promise<{ id: string; created: boolean }> {
  const [row] = await db
    .insert(memberships)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return row ? { id: row.id, created: true } : { id: '', created: false };
}

/** Whether the person already holds the role in the organisation. */
export async function hasMembership(
  db: Executor,
  userId: string,
  organisationId: string,
  role: Role,
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, role),
      ),
    );
  return row !== undefined;
}

export interface CountyMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  organisationName: string;
  hasPassword: boolean;
}

export async function listCountyMembers(db: Executor, countyCode: string): Promise<CountyMember[]> {
  return countyMembers(db, { countyCode });
}

// The county's people page asks these on every view: built once.
const countyMembers = prepared('accounts_county_members', (db) =>
  db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      organisationName: organisations.name,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.countyCode, sql.placeholder('countyCode')))
    .orderBy(asc(organisations.name), asc(users.name)),
);

export async function listAllUsers(
  db: Executor,
): Promise<Array<{ id: string; name: string; email: string; createdAt: Date }>> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

// Sessions

export async function insertSession(
  db: Executor,
  values: { idHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** Slides a session's expiry forward by the idle time, never past its absolute end (created + absolute). */
export async function touchSession(
  db: Executor,
  idHash: string,
  idleSeconds: number,
  absoluteSeconds: number,
): Promise<void> {
  await db
    .update(sessions)
    .set({
      lastSeenAt: sql`now()`,
      expiresAt: sql`least(now() + make_interval(secs => ${idleSeconds}), ${sessions.createdAt} + make_interval(secs => ${absoluteSeconds}))`,
    })
    .where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// Password resets

export type TokenPurpose = 'reset' | 'login';

/** A single-use link: to set a new password ('reset'), or to sign a locked-out owner in once ('login'). */
export async function insertPasswordReset(
  db: Executor,
  values: { tokenHash: string; userId: string; expiresAt: Date; purpose?: TokenPurpose },
): Promise<void> {
  await db.insert(passwordResets).values(values);
}

/** Spends every unused link of the user (after a reset, the other links must stop working). */
export async function spendPasswordResets(db: Executor, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

const liveLink = (tokenHash: string, purpose: TokenPurpose) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    eq(passwordResets.purpose, purpose),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, sql`now()`),
  );

/** Marks a live link used and returns its user; undefined for unknown, used, expired or other-purpose links. */
export async function consumePasswordReset(
  db: Executor,
  tokenHash: string,
  purpose: TokenPurpose = 'reset',
): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(liveLink(tokenHash, purpose))
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

export async function isPasswordResetLive(
  db: Executor,
  tokenHash: string,
  purpose: TokenPurpose = 'reset',
): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(liveLink(tokenHash, purpose));
  return row !== undefined;
}

// Invitations

export async function insertInvitation(
  db: Executor,
  values: typeof invitations.$inferInsert,
): Promise<Invitation> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function findLiveInvitation(
  db: Executor,
  tokenHash: string,
): Promise<(Invitation & { organisationName: string }) | undefined> {
  const [row] = await db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  return row ? { ...row.invitation, organisationName: row.organisationName } : undefined;
}

export async function markInvitationAccepted(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function listPendingInvitations(
  db: Executor,
  countyCode: string,
): Promise<Array<Invitation & { organisationName: string }>> {
  const rows = await pendingInvitations(db, { countyCode });
  return rows.map((r) => ({ ...r.invitation, organisationName: r.organisationName }));
}

const pendingInvitations = prepared('accounts_pending_invitations', (db) =>
  db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.countyCode, sql.placeholder('countyCode')),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(invitations.createdAt)),
);

/** Removes what is no longer needed: expired sessions, spent reset tokens, old invitations (personal data). */
export async function purgeExpired(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, sql`now()`), sql`${passwordResets.usedAt} is not null`));
  await db.delete(invitations).where(lt(invitations.expiresAt, sql`now() - interval '30 days'`));
}

/**
 * A live session with its user and every membership, in one query: it runs on every signed-in request.
 * Undefined for an unknown or expired session or a disabled user.
 */
/** The session's user and memberships: every signed-in request asks, so the query is prepared once. */
const sessionActorRows = prepared('accounts_session_actor', (db) =>
  db
    .select({
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      email: users.email,
      name: users.name,
      role: memberships.role,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationType: organisations.type,
      countyCode: memberships.countyCode,
      municipalityCode: organisations.municipalityCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(sessions.idHash, sql.placeholder('idHash')),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - make_interval(secs => ${sql.placeholder('absoluteSeconds')})`),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(memberships.createdAt)),
);

export async function findSessionActor(
  db: Executor,
  idHash: string,
  absoluteSeconds: number,
): Promise<
  { userId: string; email: string; name: string; lastSeenAt: Date; memberships: Membership[] } | undefined
> {
  const rows = await sessionActorRows(db, { idHash, absoluteSeconds });
  const first = rows[0];
  if (!first) return undefined;
  return {
    userId: first.userId,
    email: first.email,
    name: first.name,
    lastSeenAt: first.lastSeenAt,
    memberships: rows.flatMap((r) =>
      r.role && r.organisationId && r.organisationName && r.organisationType
        ? [
            {
              role: r.role,
              organisationId: r.organisationId,
              organisationName: r.organisationName,
              organisationType: r.organisationType,
              countyCode: r.countyCode,
              municipalityCode: r.municipalityCode,
            },
          ]
        : [],
    ),
  };
}

// Counts other capabilities' overview pages show (the county's work room, the national overview).

/** Distinct people with a role in each county (or in the one county named). */
export async function countPeopleByCounty(db: Executor, countyCode?: string): Promise<Map<string, number>> {
  const rows = countyCode ? await peopleInCounty(db, { countyCode }) : await peopleByCounty(db, {});
  return new Map(rows.filter((r) => r.countyCode !== null).map((r) => [r.countyCode!, Number(r.n)]));
}

const peopleCountColumns = {
  countyCode: memberships.countyCode,
  n: sql<number>`count(distinct ${memberships.userId})::int`,
};
const peopleByCounty = prepared('accounts_people_by_county', (db) =>
  db.select(peopleCountColumns).from(memberships).groupBy(memberships.countyCode),
);
const peopleInCounty = prepared('accounts_people_in_county', (db) =>
  db
    .select(peopleCountColumns)
    .from(memberships)
    .where(eq(memberships.countyCode, sql.placeholder('countyCode')))
    .groupBy(memberships.countyCode),
);

/** How many people hold the role in each organisation (organisations without any are absent). */
export async function countMembersByOrganisation(
  db: Executor,
  role: Role,
  countyCode?: string,
): Promise<Map<string, number>> {
  const rows = countyCode
    ? await membersByOrganisationInCounty(db, { role, countyCode })
    : await membersByOrganisation(db, { role });
  return new Map(rows.map((r) => [r.organisationId, Number(r.n)]));
}

const memberCountColumns = { organisationId: memberships.organisationId, n: sql<number>`count(*)::int` };
const membersByOrganisation = prepared('accounts_members_by_organisation', (db) =>
  db
    .select(memberCountColumns)
    .from(memberships)
    .where(eq(memberships.role, sql.placeholder('role')))
    .groupBy(memberships.organisationId),
);
const membersByOrganisationInCounty = prepared('accounts_members_by_organisation_in_county', (db) =>
  db
    .select(memberCountColumns)
    .from(memberships)
    .where(
      and(
        eq(memberships.role, sql.placeholder('role')),
        eq(memberships.countyCode, sql.placeholder('countyCode')),
      ),
    )
    .groupBy(memberships.organisationId),
);

export interface CountyRoster {
  /** the county's own organisations, each with how many people hold the role there */
  organisations: Array<{
    id: string;
    name: string;
    type: (typeof organisations.$inferSelect)['type'];
    municipalityCode: string | null;
    withRole: number;
  }>;
  /** distinct people with a role in the county */
  people: number;
  /** invitations to the county not yet accepted and not expired */
  invitations: number;
  /** when the first of those invitations expires (ms since the epoch; Infinity for none): the count changes then */
  invitationsValidUntil: number;
}

/**
 * The county's organisations with the holders of a role in each, its people and its open invitations: what
 * the county's work room shows, in one statement (one round trip instead of four). The work room asks it on
 * every view, so it is kept until organisations, memberships or invitations change, or the first pending
 * invitation it counts expires (see keptUntilChanged). Read it, never change it.
 */
export const countyRoster = keptUntilChanged(
  ['organisations', 'memberships', 'invitations'],
  readCountyRoster,
  (countyCode, role) => `${countyCode}\0${role}`,
  { maxEntries: 128, until: (roster) => roster.invitationsValidUntil },
);

async function readCountyRoster(db: Executor, countyCode: string, role: Role): Promise<CountyRoster> {
  const rows = await countyRosterRows(db, { countyCode, role });
  const first = rows[0];
  return {
    organisations: rows.flatMap((r) =>
      r.id && r.name && r.type
        ? [
            {
              id: r.id,
              name: r.name,
              type: r.type,
              municipalityCode: r.municipalityCode,
              withRole: Number(r.withRole),
            },
          ]
        : [],
    ),
    people: Number(first?.people ?? 0),
    invitations: Number(first?.invitations ?? 0),
    invitationsValidUntil: first?.nextExpiry ? new Date(first.nextExpiry).getTime() : Infinity,
  };
}

// One row per organisation (or one row of nulls where the county has none), the county's counts on each.
const countyRosterRows = prepared('accounts_county_roster', (db) =>
  db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      municipalityCode: organisations.municipalityCode,
      withRole: sql<number>`(select count(*)::int from ${memberships} m where m.organisation_id = ${organisations.id} and m.county_code = ${sql.placeholder('countyCode')} and m.role = ${sql.placeholder('role')})`,
      people: sql<number>`(select count(distinct m.user_id)::int from ${memberships} m where m.county_code = ${sql.placeholder('countyCode')})`,
      invitations: sql<number>`(select count(*)::int from ${invitations} i where i.county_code = ${sql.placeholder('countyCode')} and i.accepted_at is null and i.expires_at > now())`,
      nextExpiry: sql<
        string | Date | null
      >`(select min(i.expires_at) from ${invitations} i where i.county_code = ${sql.placeholder('countyCode')} and i.accepted_at is null and i.expires_at > now())`,
    })
    .from(sql`(values (1)) as one`)
    .leftJoin(organisations, eq(organisations.countyCode, sql.placeholder('countyCode'))),
);

/** The active people of an organisation with their roles, by name. */
export function listOrganisationPeople(
  db: Executor,
  organisationId: string,
): Promise<Array<{ name: string; role: Role }>> {
  return db
    .select({ name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
