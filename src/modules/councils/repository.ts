import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { files } from '../../platform/tables.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { users } from '../accounts/index.ts';
import { organisations } from '../reference/index.ts';
import { councilBodies, councilMembers, councilRepresentatives, councils } from './tables.ts';

export type CouncilRow = typeof councils.$inferSelect;
export type BodyRow = typeof councilBodies.$inferSelect;
export type RepresentativeRow = typeof councilRepresentatives.$inferSelect;

export interface MemberView {
  /** the membership's own id (its address in the work room) */
  id: string;
  organisationId: string;
  name: string;
  type: (typeof organisations.$inferSelect)['type'];
  joinedOn: string;
  leftOn: string | null;
  convenes: boolean;
  /** the logo in the file store, when the council has one for the member */
  logoFileId: string | null;
}

export async function insertCouncil(tx: Executor, values: typeof councils.$inferInsert): Promise<CouncilRow> {
  const [row] = await tx.insert(councils).values(values).returning();
  return row!;
}

export async function updateCouncil(
  tx: Executor,
  id: string,
  values: Partial<typeof councils.$inferInsert>,
): Promise<CouncilRow> {
  const [row] = await tx
    .update(councils)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(councils.id, id))
    .returning();
  return row!;
}

export async function findCouncil(db: Executor, id: string): Promise<CouncilRow | undefined> {
  const [row] = await db.select().from(councils).where(eq(councils.id, id));
  return row;
}

export async function findCouncilBySlug(
  db: Executor,
  countyCode: string,
  slug: string,
): Promise<CouncilRow | undefined> {
  const [row] = await db
    .select()
    .from(councils)
    .where(and(eq(councils.countyCode, countyCode), eq(councils.slug, slug)));
  return row;
}

/** Locks councils for a change that their states decide, in one order (by id) so two changes never deadlock. */
export async function lockCouncils(tx: Executor, ids: string[]): Promise<CouncilRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(councils).where(inArray(councils.id, ids)).orderBy(asc(councils.id)).for('update');
}

export async function slugTaken(db: Executor, countyCode: string, slug: string, exceptId?: string) {
  const [row] = await db
    .select({ id: councils.id })
    .from(councils)
    .where(
      and(
        eq(councils.countyCode, countyCode),
        eq(councils.slug, slug),
        exceptId ? ne(councils.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

/** The county's councils, active first, then by name. */
export function listCouncils(db: Executor, countyCode: string): Promise<CouncilRow[]> {
  return db
    .select()
    .from(councils)
    .where(eq(councils.countyCode, countyCode))
    .orderBy(sql`${councils.status} <> 'active'`, asc(councils.name));
}

/** The councils merged into this one: its history. */
export function listMergedInto(db: Executor, councilId: string): Promise<CouncilRow[]> {
  return db.select().from(councils).where(eq(councils.mergedIntoId, councilId)).orderBy(asc(councils.name));
}

const memberColumns = {
  id: councilMembers.id,
  organisationId: councilMembers.organisationId,
  name: organisations.name,
  type: organisations.type,
  joinedOn: councilMembers.joinedOn,
  leftOn: councilMembers.leftOn,
  convenes: councilMembers.convenes,
  logoFileId: councilMembers.logoFileId,
};

/** One membership of a council by its id (with the organisation's name); another council's is undefined. */
export async function findMember(
  db: Executor,
  councilId: string,
  memberId: string,
): Promise<MemberView | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(councilMembers)
    .innerJoin(organisations, eq(organisations.id, councilMembers.organisationId))
    .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId)));
  return row;
}

/** The membership whose logo a file is (for the file store's question whether it is shown). */
export async function findMemberByLogo(
  db: Executor,
  fileId: string,
): Promise<{ id: string; councilId: string } | undefined> {
  const [row] = await db
    .select({ id: councilMembers.id, councilId: councilMembers.councilId })
    .from(councilMembers)
    .where(eq(councilMembers.logoFileId, fileId));
  return row;
}

/** The members' logos (file rows) by id. */
export function listLogoFiles(db: Executor, fileIds: string[]): Promise<Array<typeof files.$inferSelect>> {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db.select().from(files).where(inArray(files.id, fileIds));
}

export async function setMemberLogo(tx: Executor, memberId: string, fileId: string | null): Promise<void> {
  await tx.update(councilMembers).set({ logoFileId: fileId }).where(eq(councilMembers.id, memberId));
}

/** The member organisations, the convening one first, then by Swedish name; those who left too when asked. */
export async function listMembers(
  db: Executor,
  councilId: string,
  opts: { withFormer?: boolean } = {},
): Promise<MemberView[]> {
  const members = await db
    .select(memberColumns)
    .from(councilMembers)
    .innerJoin(organisations, eq(organisations.id, councilMembers.organisationId))
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        opts.withFormer ? undefined : isNull(councilMembers.leftOn),
      ),
    )
    .orderBy(sql`${councilMembers.convenes} desc`, asc(organisations.name));
  // PGlite has no ICU: å, ä, ö in Swedish order is applied here, for every list and select of members.
  return members.sort(
    (a, b) => Number(b.convenes) - Number(a.convenes) || swedishCollator.compare(a.name, b.name),
  );
}

/** Adds the organisations as members (again, for one that had left); those already members stay as they are. */
export async function addMembers(
  tx: Executor,
  councilId: string,
  members: Array<{ organisationId: string; joinedOn: string; convenes?: boolean }>,
): Promise<number> {
  if (members.length === 0) return 0;
  const rows = await tx
    .insert(councilMembers)
    .values(members.map((m) => ({ councilId, ...m, convenes: m.convenes ?? false })))
    .onConflictDoUpdate({
      target: [councilMembers.councilId, councilMembers.organisationId],
      // Only one that had left joins again (from the new date); a standing member stays as it is.
      set: { leftOn: null, joinedOn: sql`excluded.joined_on` },
      setWhere: sql`council_members.left_on is not null`,
    })
    .returning({ id: councilMembers.id });
  return rows.length;
}

export async function endMembership(
  tx: Executor,
  councilId: string,
  organisationId: string,
  leftOn: string,
): Promise<boolean> {
  const rows = await tx
    .update(councilMembers)
    .set({ leftOn })
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        eq(councilMembers.organisationId, organisationId),
        isNull(councilMembers.leftOn),
      ),
    )
    .returning({ id: councilMembers.id });
  return rows.length > 0;
}

export function listBodies(db: Executor, councilId: string): Promise<BodyRow[]> {
  return db
    .select()
    .from(councilBodies)
    .where(eq(councilBodies.councilId, councilId))
    .orderBy(asc(councilBodies.sortOrder), asc(councilBodies.name));
}

export async function insertBody(tx: Executor, values: typeof councilBodies.$inferInsert): Promise<BodyRow> {
  const [row] = await tx.insert(councilBodies).values(values).returning();
  return row!;
}

export async function updateBody(
  tx: Executor,
  id: string,
  values: Partial<typeof councilBodies.$inferInsert>,
): Promise<BodyRow> {
  const [row] = await tx.update(councilBodies).set(values).where(eq(councilBodies.id, id)).returning();
  return row!;
}

export function listRepresentatives(db: Executor, bodyIds: string[]): Promise<RepresentativeRow[]> {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilRepresentatives)
    .where(inArray(councilRepresentatives.bodyId, bodyIds))
    .orderBy(asc(councilRepresentatives.role), asc(councilRepresentatives.name));
}

export async function insertRepresentative(
  tx: Executor,
  values: typeof councilRepresentatives.$inferInsert,
): Promise<RepresentativeRow> {
  const [row] = await tx.insert(councilRepresentatives).values(values).returning();
  return row!;
}

export async function findRepresentative(
  db: Executor,
  bodyId: string,
  id: string,
): Promise<RepresentativeRow | undefined> {
  const [row] = await db
    .select()
    .from(councilRepresentatives)
    .where(and(eq(councilRepresentatives.bodyId, bodyId), eq(councilRepresentatives.id, id)));
  return row;
}

export async function deleteRepresentative(tx: Executor, id: string): Promise<void> {
  await tx.delete(councilRepresentatives).where(eq(councilRepresentatives.id, id));
}

export async function updateRepresentative(
  tx: Executor,
  id: string,
  values: Partial<typeof councilRepresentatives.$inferInsert>,
): Promise<RepresentativeRow> {
  const [row] = await tx
    .update(councilRepresentatives)
    .set(values)
    .where(eq(councilRepresentatives.id, id))
    .returning();
  return row!;
}

/** The account a person's address belongs to, if any (addresses compared without regard to case). */
export async function findUserIdByEmail(db: Executor, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row?.id;
}

/**
 * The bodies of a council where a user is one of the people: by their account, or by their address when the
 * person was named before the account existed (addresses compared without regard to case).
 */
export async function bodiesSeating(
  db: Executor,
  councilId: string,
  user: { id: string; email: string },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bodyId: councilRepresentatives.bodyId })
    .from(councilRepresentatives)
    .innerJoin(councilBodies, eq(councilBodies.id, councilRepresentatives.bodyId))
    .where(
      and(
        eq(councilBodies.councilId, councilId),
        sql`(${councilRepresentatives.userId} = ${user.id} or lower(${councilRepresentatives.email}) = lower(${user.email}))`,
      ),
    );
  return rows.map((r) => r.bodyId);
}

/** The councils of a county where a user sits in at least one body. */
export async function councilsSeating(
  db: Executor,
  countyCode: string,
  user: { id: string; email: string },
): Promise<CouncilRow[]> {
  return db
    .selectDistinct({ council: councils })
    .from(councils)
    .innerJoin(councilBodies, eq(councilBodies.councilId, councils.id))
    .innerJoin(councilRepresentatives, eq(councilRepresentatives.bodyId, councilBodies.id))
    .where(
      and(
        eq(councils.countyCode, countyCode),
        sql`(${councilRepresentatives.userId} = ${user.id} or lower(${councilRepresentatives.email}) = lower(${user.email}))`,
      ),
    )
    .then((rows) => rows.map((r) => r.council));
}
