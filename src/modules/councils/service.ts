import { z } from 'zod';
import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { attachFile, detachFile } from '../../platform/files.ts';
import { isUser, type Actor, type UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { stockholmDate } from '../../platform/time.ts';
import { fields, freeSlug, isUuid, parseForm, SLUG } from '../../platform/validation.ts';
import { listOrganisationsByIds } from '../reference/index.ts';
import * as lifecycle from './lifecycle.ts';
import { logoView, MEMBER_LOGO, MEMBER_LOGO_OWNER } from './logos.ts';
import { authorize, councilsPolicy, decide, type BodySeatResource, type CouncilResource } from './policy.ts';
import { prioritiesOf } from './priorities-repository.ts';
import * as docs from './documents-repository.ts';
import * as repo from './repository.ts';
import type { BodyRow, CouncilRow, RepresentativeRow } from './repository.ts';
import { representativeRoles } from './tables.ts';
import { RESERVED_COUNCIL_SLUGS } from './urls.ts';

/**
 * Councils: forming, merging and dissolving them, their member organisations, their bodies (a tree under the
 * council itself) and the people who represent the members in each body. Every change that a council's state
 * decides locks the council first and asks the rule (policy.ts → lifecycle.ts) again under the lock; every
 * change is in the audit log.
 */

const DATE = fields.date({ a: 'datum', the: 'datumet' });

export const councilInputSchema = z.object({
  name: fields.requiredText('Ange ett namn', 200, 'Namnet'),
  slug: z
    .string()
    .trim()
    .max(60, 'Adressen får vara högst 60 tecken')
    .refine((v) => v === '' || SLUG.test(v), {
      message: 'Adressen får bara ha små bokstäver a–z, siffror och bindestreck',
    })
    .default(''),
  purpose: fields.optionalText(10_000, 'Syfte'),
  vision: fields.optionalText(10_000, 'Vision'),
  secretariatEmail: fields.optionalEmail(),
  subjectTag: fields.optionalText(100, 'Ämnesmärkning'),
  formedOn: fields.date({ a: 'när rådet bildades', the: 'datumet då rådet bildades' }),
});
export type CouncilInput = z.input<typeof councilInputSchema>;

export const bodyInputSchema = z.object({
  kind: z.enum(lifecycle.bodyKinds, { message: 'Välj vilken sorts grupp det är' }),
  name: fields.requiredText('Ange ett namn', 200, 'Namnet'),
  commission: fields.optionalText(10_000, 'Uppdrag'),
  reportsToId: z.string().trim().default(''),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});
export type BodyInput = z.input<typeof bodyInputSchema>;

export const representativeInputSchema = z.object({
  organisationId: z.string({ error: 'Välj organisation' }).trim().min(1, 'Välj organisation'),
  name: fields.requiredText('Ange ett namn', 200, 'Namnet'),
  title: fields.optionalText(200, 'Befattning'),
  email: fields.optionalEmail(),
  role: z.enum(representativeRoles, { message: 'Välj roll' }),
});
export type RepresentativeInput = z.input<typeof representativeInputSchema>;

export const resourceOf = (c: CouncilRow): CouncilResource => ({
  id: c.id,
  countyCode: c.countyCode,
  status: c.status,
});

/**
 * Locks a council of the county for a change its state decides (another county's or a missing one is 404):
 * every change to a council or its work starts here, then asks its rule under the lock.
 */
export async function lockCountyCouncil(
  tx: Executor,
  countyCode: string,
  councilId: string,
): Promise<CouncilRow> {
  const [council] = await repo.lockCouncils(tx, [councilId]);
  if (!council || council.countyCode !== countyCode) throw new NotFoundError();
  return council;
}

/**
 * Locks the council within its county (another county's or a missing one is 404) and asks the rule of it
 * under the lock.
 */
export async function lockCouncilFor(
  tx: Executor,
  actor: UserActor,
  rule: 'council.edit' | 'council.dissolve',
  countyCode: string,
  councilId: string,
): Promise<CouncilRow> {
  const council = await lockCountyCouncil(tx, countyCode, councilId);
  authorize(actor, rule, resourceOf(council));
  return council;
}

/**
 * Locks the council within its county (as lockCouncilFor) to answer for one of its member organisations: the
 * county's admins for any, a council member for their own organisation, while the council is active.
 */
export async function lockCouncilToAnswer(
  tx: Executor,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  organisationId: string,
): Promise<CouncilRow> {
  const council = await lockCountyCouncil(tx, countyCode, councilId);
  authorize(actor, 'council.answer', { ...resourceOf(council), organisationId });
  return council;
}

/** Records a change to a council (its work too: meetings, decisions, documents, priorities), in its county. */
export function auditCouncil(
  tx: Executor,
  actor: UserActor,
  council: Pick<CouncilRow, 'id' | 'countyCode'>,
  entry: { action: string; before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(tx, {
    actorId: actor.id,
    countyCode: council.countyCode,
    entityType: 'council',
    entityId: council.id,
    ...entry,
  });
}

async function uniqueSlug(db: Executor, countyCode: string, wanted: string, name: string, exceptId?: string) {
  if (RESERVED_COUNCIL_SLUGS.has(wanted))
    throw new ValidationError({ slug: `Adressen ”${wanted}” används av tjänsten själv: välj en annan` });
  return freeSlug(
    wanted,
    name,
    'rad',
    async (slug) =>
      RESERVED_COUNCIL_SLUGS.has(slug) || (await repo.slugTaken(db, countyCode, slug, exceptId)),
    'Ett annat råd i länet har redan den adressen',
  );
}

const councilColumns = (input: z.output<typeof councilInputSchema>) => ({
  name: input.name,
  purpose: input.purpose,
  vision: input.vision,
  secretariatEmail: input.secretariatEmail || null,
  subjectTag: input.subjectTag,
  formedOn: input.formedOn,
});

/**
 * Forms a council in the county, convened by the county board: the council itself is its first body, and the
 * county board its first, convening member.
 */
export async function formCouncil(
  db: Db,
  actor: UserActor,
  countyCode: string,
  raw: CouncilInput,
  opts: { conveningOrganisationId: string },
): Promise<CouncilRow> {
  if (!councilsPolicy['council.manage'](actor, { countyCode })) throw new NotFoundError();
  const input = parseForm(councilInputSchema, raw);
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, countyCode, input.slug, input.name);
    const council = await repo.insertCouncil(tx, { countyCode, slug, ...councilColumns(input) });
    await repo.insertBody(tx, { councilId: council.id, kind: 'council', name: council.name });
    await repo.addMembers(tx, council.id, [
      { organisationId: opts.conveningOrganisationId, joinedOn: input.formedOn, convenes: true },
    ]);
    await auditCouncil(tx, actor, council, {
      action: 'council.formed',
      after: { name: council.name, slug: council.slug, formedOn: council.formedOn },
    });
    return council;
  });
}

/** Changes a council's texts and address while it is active. */
export async function editCouncil(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: CouncilInput,
): Promise<CouncilRow> {
  const input = parseForm(councilInputSchema, raw);
  return db.transaction(async (tx) => {
    const before = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const slug = await uniqueSlug(tx, countyCode, input.slug || before.slug, input.name, before.id);
    const council = await repo.updateCouncil(tx, before.id, { slug, ...councilColumns(input) });
    await auditCouncil(tx, actor, council, {
      action: 'council.edited',
      before: { name: before.name, slug: before.slug },
      after: { name: council.name, slug: council.slug },
    });
    return council;
  });
}

/**
 * Merges two or more active councils of the county into a new one (seed 003): the new council has every
 * member the merged ones had (each from the day of the merger, the convening one still convening); the merged
 * councils end that day, point to the new one and keep their history.
 */
export async function mergeCouncils(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilIds: string[],
  raw: CouncilInput,
): Promise<CouncilRow> {
  const input = parseForm(councilInputSchema, raw);
  if (!councilIds.every(isUuid)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const merged = await repo.lockCouncils(tx, [...new Set(councilIds)]);
    if (merged.length !== new Set(councilIds).size || merged.some((c) => c.countyCode !== countyCode))
      throw new NotFoundError();
    authorize(actor, 'council.merge', {
      countyCode,
      councils: councilIds.map((id) => resourceOf(merged.find((c) => c.id === id)!)),
    });
    const slug = await uniqueSlug(tx, countyCode, input.slug, input.name);
    const council = await repo.insertCouncil(tx, { countyCode, slug, ...councilColumns(input) });
    await repo.insertBody(tx, { councilId: council.id, kind: 'council', name: council.name });
    const members = new Map<string, boolean>();
    for (const c of merged) {
      for (const m of await repo.listMembers(tx, c.id))
        members.set(m.organisationId, (members.get(m.organisationId) ?? false) || m.convenes);
    }
    await repo.addMembers(
      tx,
      council.id,
      [...members].map(([organisationId, convenes]) => ({
        organisationId,
        joinedOn: input.formedOn,
        convenes,
      })),
    );
    for (const c of merged) {
      await repo.updateCouncil(tx, c.id, {
        status: 'merged',
        endedOn: input.formedOn,
        mergedIntoId: council.id,
      });
    }
    await auditCouncil(tx, actor, council, {
      action: 'council.merged',
      before: { mergedCouncils: merged.map((c) => c.name) },
      after: {
        name: council.name,
        slug: council.slug,
        formedOn: council.formedOn,
        memberCount: members.size,
      },
    });
    return council;
  });
}

/** Dissolves an active council on a date; its members, bodies and history stay as they were. */
export async function dissolveCouncil(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  endedOn: string,
  now: Date = new Date(),
): Promise<CouncilRow> {
  const { date } = parseForm(z.object({ date: DATE }), { date: endedOn });
  return db.transaction(async (tx) => {
    const before = await lockCouncilFor(tx, actor, 'council.dissolve', countyCode, councilId);
    if (date < before.formedOn)
      throw new ValidationError({ date: 'Rådet kan inte upplösas innan det bildades' });
    // The council ends at once (its status changes now): a date to come would show a dissolved council as active till then.
    if (date > stockholmDate(now))
      throw new ValidationError({
        date: 'Ange dagens datum eller ett tidigare: rådet upplöses när du skickar',
      });
    const council = await repo.updateCouncil(tx, before.id, { status: 'dissolved', endedOn: date });
    await auditCouncil(tx, actor, council, {
      action: 'council.dissolved',
      after: { endedOn: date },
    });
    return council;
  });
}

/** Adds member organisations (any type, any county: national agencies too) to an active council. */
export async function addMembers(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  organisationIds: string[],
  joinedOn: string,
): Promise<number> {
  const { date } = parseForm(z.object({ date: DATE }), { date: joinedOn });
  const ids = [...new Set(organisationIds)];
  const known = ids.every(isUuid) ? await listOrganisationsByIds(db, ids) : [];
  if (ids.length === 0 || known.length !== ids.length)
    throw new ValidationError({ organisationIds: 'Välj organisationer i listan' });
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const added = await repo.addMembers(
      tx,
      council.id,
      ids.map((organisationId) => ({ organisationId, joinedOn: date })),
    );
    await auditCouncil(tx, actor, council, {
      action: 'council.members_added',
      after: { members: known.map((o) => o.name), joinedOn: date },
    });
    return added;
  });
}

/** An organisation leaves an active council on a date; it stays in the council's history. */
export async function endMembership(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  organisationId: string,
  leftOn: string,
  now: Date = new Date(),
): Promise<void> {
  const { date } = parseForm(z.object({ date: DATE }), { date: leftOn });
  await db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const member = (await repo.listMembers(tx, council.id)).find((m) => m.organisationId === organisationId);
    if (!member) throw new NotFoundError();
    if (date < member.joinedOn)
      throw new ValidationError({ date: 'Medlemskapet kan inte avslutas innan det började' });
    // It ends at once (the member moves to the former members now), so not on a day to come.
    if (date > stockholmDate(now))
      throw new ValidationError({
        date: 'Ange dagens datum eller ett tidigare: medlemskapet avslutas när du skickar',
      });
    if (!(await repo.endMembership(tx, council.id, organisationId, date))) throw new NotFoundError();
    await auditCouncil(tx, actor, council, {
      action: 'council.member_left',
      after: { organisationId, leftOn: date },
    });
  });
}

/**
 * Gives a member of an active council its logo (the actor's own upload, staged by the form), in place of the
 * one it had: the old one is let go of (the file store deletes it a day later).
 */
export async function setMemberLogo(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  memberId: string,
  fileId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const member = isUuid(memberId) ? await repo.findMember(tx, council.id, memberId) : undefined;
    if (!member) throw new NotFoundError();
    if (member.logoFileId === fileId) return;
    if (member.logoFileId)
      await detachFile(tx, member.logoFileId, { kind: MEMBER_LOGO_OWNER, id: member.id });
    await attachFile(tx, fileId, {
      ownerKind: MEMBER_LOGO_OWNER,
      ownerId: member.id,
      countyCode: council.countyCode,
      actorId: actor.id,
      kinds: MEMBER_LOGO.kinds,
      field: MEMBER_LOGO.field,
    });
    await repo.setMemberLogo(tx, member.id, fileId);
    await auditCouncil(tx, actor, council, {
      action: 'council.member_logo_changed',
      after: { organisationId: member.organisationId },
    });
  });
}

/** Adds a body under an active council, reporting to one of its bodies (never in a circle). */
export async function addBody(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: BodyInput,
): Promise<BodyRow> {
  const input = parseForm(bodyInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const bodies = await repo.listBodies(tx, council.id);
    if (input.kind === 'council') throw new ValidationError({ kind: 'Rådet har redan sitt eget organ' });
    const verdict = lifecycle.bodyMayReportTo(
      { id: '', councilId: council.id, kind: input.kind },
      input.reportsToId || null,
      bodies,
    );
    if (verdict !== true) throw new ValidationError({ reportsToId: verdict });
    const body = await repo.insertBody(tx, {
      councilId: council.id,
      kind: input.kind,
      name: input.name,
      commission: input.commission,
      reportsToId: input.reportsToId,
      sortOrder: input.sortOrder,
    });
    await auditCouncil(tx, actor, council, {
      action: 'council.body_added',
      after: {
        body: body.name,
        bodyKind: body.kind,
        reportsTo: bodies.find((b) => b.id === body.reportsToId)?.name ?? '',
      },
    });
    return body;
  });
}

/** Moves a body to report to another body of the same council (the council locked: one move at a time). */
export async function moveBody(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  bodyId: string,
  reportsToId: string,
): Promise<BodyRow> {
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const bodies = await repo.listBodies(tx, council.id);
    const body = bodies.find((b) => b.id === bodyId);
    if (!body) throw new NotFoundError();
    const verdict = lifecycle.bodyMayReportTo(body, reportsToId || null, bodies);
    // Where it already reports: nothing moves, nothing to record.
    if (verdict === true && body.reportsToId === (reportsToId || null)) return body;
    if (verdict !== true) throw new ValidationError({ reportsToId: verdict });
    const moved = await repo.updateBody(tx, body.id, { reportsToId: reportsToId || null });
    await auditCouncil(tx, actor, council, {
      action: 'council.body_moved',
      before: { body: body.name, reportsTo: bodies.find((b) => b.id === body.reportsToId)?.name ?? '' },
      after: { body: body.name, reportsTo: bodies.find((b) => b.id === moved.reportsToId)?.name ?? '' },
    });
    return moved;
  });
}

/** Names a person who represents a member organisation in a body of an active council, with a role. */
export async function addRepresentative(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  bodyId: string,
  raw: RepresentativeInput,
) {
  const input = parseForm(representativeInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const bodies = await repo.listBodies(tx, council.id);
    if (!bodies.some((b) => b.id === bodyId)) throw new NotFoundError();
    const members = await repo.listMembers(tx, council.id);
    if (!members.some((m) => m.organisationId === input.organisationId))
      throw new ValidationError({ organisationId: 'Välj en av rådets medlemsorganisationer' });
    // One seat per address in a body (the form sent twice seats nobody twice); people without one may share a name.
    if (input.email) {
      const seated = await repo.listRepresentatives(tx, [bodyId]);
      if (seated.some((p) => p.email?.toLowerCase() === input.email.toLowerCase()))
        throw new ValidationError({ email: 'Det finns redan en person med den e-postadressen i gruppen' });
    }
    // A person with an account is that account's (the seat follows the account if the address changes).
    const userId = input.email ? ((await repo.findUserIdByEmail(tx, input.email)) ?? null) : null;
    const person = await repo.insertRepresentative(tx, {
      bodyId,
      organisationId: input.organisationId,
      name: input.name,
      title: input.title,
      email: input.email || null,
      role: input.role,
      userId,
    });
    // The audit log names the role and the organisation, not the person (personal data stays in its table).
    await auditCouncil(tx, actor, council, {
      action: 'council.representative_added',
      after: {
        body: bodies.find((b) => b.id === bodyId)!.name,
        organisationId: input.organisationId,
        councilRole: input.role,
      },
    });
    return person;
  });
}

/** The person of a body of the council, locked with the council; another body's or council's is 404. */
async function lockRepresentative(
  tx: Executor,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  bodyId: string,
  personId: string,
) {
  const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
  const body = (await repo.listBodies(tx, council.id)).find((b) => b.id === bodyId);
  const person = body && isUuid(personId) ? await repo.findRepresentative(tx, body.id, personId) : undefined;
  if (!body || !person) throw new NotFoundError();
  return { council, body, person };
}

/** A person no longer represents their organisation in a body of an active council. */
export async function removeRepresentative(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  bodyId: string,
  personId: string,
): Promise<RepresentativeRow> {
  return db.transaction(async (tx) => {
    const { council, body, person } = await lockRepresentative(
      tx,
      actor,
      countyCode,
      councilId,
      bodyId,
      personId,
    );
    await repo.deleteRepresentative(tx, person.id);
    await auditCouncil(tx, actor, council, {
      action: 'council.representative_removed',
      before: { body: body.name, organisationId: person.organisationId, councilRole: person.role },
    });
    return person;
  });
}

const roleSchema = z.object({ role: representativeInputSchema.shape.role });

/** A person's role in a body of an active council changes (a member becomes the chair). */
export async function changeRepresentativeRole(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  bodyId: string,
  personId: string,
  raw: { role?: unknown },
): Promise<RepresentativeRow> {
  const { role } = parseForm(roleSchema, raw);
  return db.transaction(async (tx) => {
    const { council, body, person } = await lockRepresentative(
      tx,
      actor,
      countyCode,
      councilId,
      bodyId,
      personId,
    );
    const changed = await repo.updateRepresentative(tx, person.id, { role });
    await auditCouncil(tx, actor, council, {
      action: 'council.representative_role_changed',
      before: { body: body.name, organisationId: person.organisationId, councilRole: person.role },
      after: { body: body.name, organisationId: person.organisationId, councilRole: role },
    });
    return changed;
  });
}

/** A council with its history, members and bodies as a tree with their people: what its pages show. */
export async function councilOverview(db: Db, countyCode: string, councilId: string) {
  const council = await repo.findCouncil(db, councilId);
  if (!council || council.countyCode !== countyCode) throw new NotFoundError();
  return overviewOf(db, council);
}

/**
 * A council's public page by its address in the county, kept per process until a council, a member, a body,
 * a person, an organisation, a priority, an intervention area or an intervention changes (keptUntilChanged): the same object while kept, so the page rendered
 * from it is kept as long. Undefined for no such council.
 */
export const publicCouncil = keptUntilChanged(
  [
    'councils',
    'council_members',
    'council_bodies',
    'council_representatives',
    'organisations',
    'council_priorities',
    'council_intervention_areas',
    'council_interventions',
    'council_documents',
    'council_document_versions',
  ],
  async (db: Db, countyCode: string, slug: string) => {
    const council = await repo.findCouncilBySlug(db, countyCode, slug);
    if (!council) return undefined;
    const [overview, successor, priorities, documents] = await Promise.all([
      overviewOf(db, council),
      council.mergedIntoId ? repo.findCouncil(db, council.mergedIntoId) : Promise.resolve(undefined),
      // The priorities with their intervention areas, and the interventions the council shows as examples.
      prioritiesOf(db, council.id, { publicOnly: true }),
      publicDocuments(db, council.id),
    ]);
    return { ...overview, successor, priorities, documents };
  },
  (countyCode, slug) => `${countyCode}\0${slug}`,
  { maxEntries: 256 },
);
export type PublicCouncil = NonNullable<Awaited<ReturnType<typeof publicCouncil>>>;

/**
 * A county's councils as the public sees them listed (the county's start page): the active ones, by name, with
 * their public page's address. Kept per process until a council changes; the same array while kept.
 */
export const publicCouncilList = keptUntilChanged(
  ['councils'],
  async (db: Db, countyCode: string) =>
    (await repo.listCouncils(db, countyCode))
      .filter((c) => c.status === 'active')
      .sort((a, b) => swedishCollator.compare(a.name, b.name))
      .map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
  (countyCode) => countyCode,
);

/** The council's current public documents, each with its newest version (its file's link, size and type). */
async function publicDocuments(db: Db, councilId: string) {
  const shown = (await docs.listDocuments(db, councilId)).filter((d) => d.public && d.status === 'current');
  const versions = await docs.listVersions(
    db,
    shown.map((d) => d.id),
  );
  return shown.flatMap((d) => {
    const newest = versions.find((v) => v.documentId === d.id);
    return newest ? [{ ...d, newest }] : [];
  });
}

async function overviewOf(db: Db, council: CouncilRow) {
  const [members, bodies, mergedFrom] = await Promise.all([
    repo.listMembers(db, council.id, { withFormer: true }),
    repo.listBodies(db, council.id),
    repo.listMergedInto(db, council.id),
  ]);
  const people = await repo.listRepresentatives(
    db,
    bodies.map((b) => b.id),
  );
  const logos = new Map(
    (
      await repo.listLogoFiles(
        db,
        members.flatMap((m) => (m.logoFileId ? [m.logoFileId] : [])),
      )
    ).map((f) => [f.id, logoView(f)]),
  );
  const tree = lifecycle.bodyTree(
    bodies.map((b) => ({ ...b, people: people.filter((p) => p.bodyId === b.id) })),
  );
  return {
    council,
    members: members.map((m) => ({ ...m, logo: m.logoFileId ? logos.get(m.logoFileId) : undefined })),
    tree,
    mergedFrom,
  };
}

/**
 * The county's councils as a viewer sees them: every one (active first, then by name) for the county's
 * admins, the ones where they sit in a body for anyone else (a council member; an editor usually sits in none).
 */
export async function countyCouncils(db: Db, actor: UserActor, countyCode: string) {
  const manages = councilsPolicy['council.manage'](actor, { countyCode });
  const councils = manages
    ? await repo.listCouncils(db, countyCode)
    : await repo.councilsSeating(db, countyCode, actor);
  councils.sort(
    (a, b) =>
      Number(a.status !== 'active') - Number(b.status !== 'active') ||
      swedishCollator.compare(a.name, b.name),
  );
  return { manages, councils };
}

/**
 * A council's work room as one viewer sees it: the council by its address in the county, the bodies the viewer
 * sits in, and what they may do. A viewer who may not see its internal pages, another county's council and no
 * council by that address are all 404: nobody learns that an internal page exists.
 */
export async function councilRoom(db: Db, actor: Actor, countyCode: string, slug: string) {
  const council = await repo.findCouncilBySlug(db, countyCode, slug);
  if (!council || !isUser(actor)) throw new NotFoundError();
  const sitsIn = await repo.bodiesSeating(db, council.id, actor);
  const seat = { countyCode, sitsIn };
  if (!decide(actor, 'council.enter', seat).allowed) throw new NotFoundError();
  const resource = resourceOf(council);
  return {
    council,
    sitsIn,
    /** the county's admin: keeps every part of the council */
    manages: councilsPolicy['council.manage'](actor, seat),
    /** whether its texts, members, bodies and work may change now, and if not, why (the page says so) */
    editing: decide(actor, 'council.edit', resource),
    /** whether it may be dissolved now, and if not, why */
    dissolving: decide(actor, 'council.dissolve', resource),
    /** the resource to ask `council.body.view` of, for one body */
    bodySeat: (bodyId: string): BodySeatResource => ({ ...seat, bodyId }),
  };
}
export type CouncilRoom = Awaited<ReturnType<typeof councilRoom>>;
