import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import type { Answers, Definition } from '../forms/index.ts';

export interface AuditRow {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  countyCode: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** the thing's own name, read from its table: an organisation, a round's title, an address */
  entityName: string | null;
  /** where the thing sits: a round and occasion */
  entityContext: string | null;
  /** for a picture: the labels of the areas its summaries are keyed by */
  areaLabels: Record<string, string>;
}

export interface AuditFilter {
  actorId?: string | undefined;
  countyCode?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** from this day, inclusive (YYYY-MM-DD, Swedish time) */
  from?: string | undefined;
  /** to this day, inclusive */
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

const auditWhere = (f: AuditFilter): SQL => {
  const parts: SQL[] = [sql`true`];
  if (f.actorId) parts.push(sql`a.actor_id = ${f.actorId}`);
  if (f.countyCode) parts.push(sql`a.county_code = ${f.countyCode}`);
  if (f.entityType) parts.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) parts.push(sql`a.entity_id = ${f.entityId}`);
  if (f.from) parts.push(sql`a.occurred_at >= (${f.from}::date)::timestamp at time zone 'Europe/Stockholm'`);
  if (f.to) parts.push(sql`a.occurred_at < (${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`);
  return sql.join(parts, sql` and `);
};

/**
 * One page of the audit log, newest first, with each row's actor and the name of what it acted on. The
 * names are read from the owning modules' tables by the entity's type: the log itself keeps only ids.
 */
export async function listAudit(
  db: Executor,
  filter: AuditFilter,
  page: number,
): Promise<{ rows: AuditRow[]; hasNext: boolean }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.occurred_at, a.actor_id, u.name as actor_name, u.email as actor_email, a.county_code,
      a.action, a.entity_type, a.entity_id, a.before, a.after,
      case a.entity_type
        when 'response' then (select o.name from responses r join organisations o on o.id = r.organisation_id
          where r.id::text = a.entity_id)
        when 'round' then (select title from rounds where id::text = a.entity_id)
        when 'questionnaire' then (select title from questionnaires where id::text = a.entity_id)
        when 'regional_picture' then (select c.name from regional_pictures p join counties c on c.code = p.county_code
          where p.id::text = a.entity_id)
        when 'national_picture' then (select r.title || ', ' || oc.label from occasions oc join rounds r on r.id = oc.round_id
          where oc.id::text = a.entity_id)
        when 'invitation' then (select i.email from invitations i where i.id::text = a.entity_id)
        when 'user' then (select coalesce(nullif(x.name, ''), x.email) from users x where x.id::text = a.entity_id)
        when 'organisation' then (select name from organisations where id::text = a.entity_id)
        when 'membership' then (select coalesce(nullif(x.name, ''), x.email) from memberships m
          join users x on x.id = m.user_id where m.id::text = a.entity_id)
        when 'boundaries' then (case a.entity_id when 'county' then 'länen' when 'municipality' then 'kommunerna' end)
        when 'event' then (select title from events where id::text = a.entity_id)
        when 'event_series' then (select title from event_series where id::text = a.entity_id)
        when 'council' then (select name from councils where id::text = a.entity_id)
        when 'site_news' then (select title from site_news where id::text = a.entity_id)
        when 'site_banner' then (select message from site_banners where id::text = a.entity_id)
        when 'event_registration' then (select e.title from event_registrations r join events e on e.id = r.event_id
          where r.id::text = a.entity_id)
      end as entity_name,
      case a.entity_type
        when 'response' then (select rd.title || ', ' || oc.label from responses r join occasions oc on oc.id = r.occasion_id
          join rounds rd on rd.id = oc.round_id where r.id::text = a.entity_id)
        when 'regional_picture' then (select rd.title || ', ' || oc.label from regional_pictures p
          join occasions oc on oc.id = p.occasion_id join rounds rd on rd.id = oc.round_id where p.id::text = a.entity_id)
      end as entity_context,
      case a.entity_type
        when 'regional_picture' then (select qv.definition->'areas' from regional_pictures p
          join occasions oc on oc.id = p.occasion_id join rounds rd on rd.id = oc.round_id
          join questionnaire_versions qv on qv.id = rd.questionnaire_version_id where p.id::text = a.entity_id)
        when 'national_picture' then (select qv.definition->'areas' from occasions oc
          join rounds rd on rd.id = oc.round_id
          join questionnaire_versions qv on qv.id = rd.questionnaire_version_id where oc.id::text = a.entity_id)
      end as area_labels
    from audit_log a left join users u on u.id = a.actor_id
    where ${auditWhere(filter)}
    order by a.id desc
    limit ${AUDIT_PAGE_SIZE + 1} offset ${(page - 1) * AUDIT_PAGE_SIZE}`,
  );
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: Number(r.id),
      occurredAt: new Date(r.occurred_at as string),
      actorId: (r.actor_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      actorEmail: (r.actor_email as string | null) ?? null,
      countyCode: (r.county_code as string | null) ?? null,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      before: parseJson(r.before),
      after: parseJson(r.after),
      entityName: (r.entity_name as string | null) ?? null,
      entityContext: (r.entity_context as string | null) ?? null,
      areaLabels: areaLabelsOf(parseJson(r.area_labels)),
    })),
    hasNext: rows.length > AUDIT_PAGE_SIZE,
  };
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

const areaLabelsOf = (areas: unknown): Record<string, string> =>
  Object.fromEntries(
    (Array.isArray(areas) ? (areas as Array<{ key?: unknown; label?: unknown }>) : [])
      .filter((a) => typeof a?.key === 'string' && typeof a.label === 'string')
      .map((a) => [a.key as string, a.label as string]),
  );

/** The names of the people and organisations the events' details name by id (ids not found are left out). */
export async function auditNames(
  db: Executor,
  ids: { users: string[]; organisations: string[] },
): Promise<{ users: Map<string, string>; organisations: Map<string, string> }> {
  const list = (xs: string[]) =>
    sql.join(
      xs.map((x) => sql`${x}`),
      sql`, `,
    );
  const [users, organisations] = await Promise.all([
    ids.users.length
      ? queryRows<{ id: string; name: string }>(
          db,
          sql`select id::text as id, coalesce(nullif(name, ''), email) as name from users
            where id::text in (${list(ids.users)})`,
        )
      : [],
    ids.organisations.length
      ? queryRows<{ id: string; name: string }>(
          db,
          sql`select id::text as id, name from organisations where id::text in (${list(ids.organisations)})`,
        )
      : [],
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
  };
}

/** The people and kinds of things that appear in the log, for its filters. */
export async function auditFilterChoices(
  db: Executor,
): Promise<{ actors: Array<{ id: string; name: string; email: string }>; entityTypes: string[] }> {
  const [actors, types] = await Promise.all([
    queryRows<{ id: string; name: string; email: string }>(
      db,
      sql`select u.id, u.name, u.email from users u
        where exists (select 1 from audit_log a where a.actor_id = u.id)
        order by u.name, u.email`,
    ),
    queryRows<{ entity_type: string }>(db, sql`select distinct entity_type from audit_log order by 1`),
  ]);
  return { actors, entityTypes: types.map((t) => t.entity_type) };
}

/**
 * The two saved states around each saved or submitted response in the rows, with the questions they answer:
 * the log names each changed answer by its place. Keyed by the audit row's id.
 */
export async function responseChangesOf(
  db: Executor,
  rows: AuditRow[],
): Promise<Map<number, { definition: Definition; before: Answers; after: Answers }>> {
  const wanted = rows.filter(
    (r) =>
      r.entityType === 'response' &&
      (r.action === 'response.saved' || r.action === 'response.submitted') &&
      typeof (r.after as { version?: unknown } | null)?.version === 'number',
  );
  const out = new Map<number, { definition: Definition; before: Answers; after: Answers }>();
  if (wanted.length === 0) return out;
  const found = await queryRows<{ audit_id: string; definition: unknown; before: unknown; after: unknown }>(
    db,
    sql`select w.audit_id, qv.definition,
        (select v.answers from response_versions v where v.response_id = r.id and v.version < w.version
          order by v.version desc limit 1) as before,
        (select v.answers from response_versions v where v.response_id = r.id and v.version = w.version) as after
      from (values ${sql.join(
        wanted.map(
          (r) => sql`(${String(r.id)}, ${r.entityId}, ${(r.after as { version: number }).version}::int)`,
        ),
        sql`, `,
      )}) as w(audit_id, response_id, version)
      join responses r on r.id::text = w.response_id
      join occasions oc on oc.id = r.occasion_id
      join rounds rd on rd.id = oc.round_id
      join questionnaire_versions qv on qv.id = rd.questionnaire_version_id`,
  );
  for (const f of found) {
    if (f.after === null || f.after === undefined) continue;
    out.set(Number(f.audit_id), {
      definition: parseJson(f.definition) as Definition,
      before: (parseJson(f.before) ?? {}) as Answers,
      after: parseJson(f.after) as Answers,
    });
  }
  return out;
}

export interface QueueStats {
  pending: number;
  failed: number;
  done: number;
}

export async function queueStats(db: Executor): Promise<QueueStats> {
  const result = await queryRows<unknown>(
    db,
    sql`select
    count(*) filter (where done_at is null and failed_at is null)::int as pending,
    count(*) filter (where failed_at is not null)::int as failed,
    count(*) filter (where done_at is not null)::int as done
    from jobs`,
  );
  const r = result[0] as { pending: number; failed: number; done: number };
  return { pending: Number(r.pending), failed: Number(r.failed), done: Number(r.done) };
}
