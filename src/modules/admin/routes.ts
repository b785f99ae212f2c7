import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { handleForm, pageContext, requireUser } from '../../platform/http.ts';
import { parseForm } from '../../platform/validation.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import { addableOrganisationTypes, newOrganisationSchema } from '../reference/index.ts';
import { mailDirOf, readMailbox, readMailboxEntry } from '../../platform/mail.ts';
import { access } from '../../platform/authz.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { listAllUsers } from '../accounts/index.ts';
import { countReferenceData } from '../reference/index.ts';
import { createOrganisation, listOrganisationsSorted } from '../reference/index.ts';
import { COUNTIES } from '../../platform/tenancy.ts';
import { organisationTypes } from '../reference/index.ts';
import { organisationTypeLabel } from '../workspace/index.ts';
import * as repo from './repository.ts';
import { describeAudit, entityTypeLabel, idsToName, valueChanges, type AuditNames } from './audit-text.ts';
import { answerChangePlaces, type Answers, type Definition } from '../forms/index.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import {
  AdminHomePage,
  AuditPage,
  type AuditEntry,
  MailboxPage,
  MailMessagePage,
  NewOrganisationPage,
  OrganisationsPage,
  UsersPage,
} from './views/pages.tsx';

const orgFilterSchema = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  type: z.enum(organisationTypes).optional().catch(undefined),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  )
  .optional()
  .catch(undefined);

/** The audit log's filters (a GET form: the address can be kept and shared); anything malformed is dropped. */
const auditFilterSchema = z.object({
  vem: z.uuid().optional().catch(undefined),
  lan: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  objekt: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  id: z.string().min(1).max(100).optional().catch(undefined),
  fran: day,
  till: day,
  sida: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof auditFilterSchema>;

/** A row as the page shows it: the sentence, the place and the changes, each value whole. */
function auditEntry(
  r: repo.AuditRow,
  answers: { definition: Definition; before: Answers; after: Answers } | undefined,
  names: AuditNames,
): AuditEntry {
  const county = r.countyCode ? (findCountyByCode(r.countyCode)?.name ?? r.countyCode) : null;
  const changes = answers
    ? answerChangePlaces(answers.definition, answers.before, answers.after)
    : valueChanges(r.before, r.after, { entityType: r.entityType, names, areaLabels: r.areaLabels });
  return {
    id: r.id,
    occurredAt: r.occurredAt,
    sentence: describeAudit({
      actorName: r.actorName || r.actorEmail,
      countyName: county,
      action: r.action,
      entityType: r.entityType,
      before: r.before,
      after: r.after,
      subject: { name: r.entityName, context: r.entityContext },
    }),
    actorEmail: r.actorEmail,
    county,
    entityType: r.entityType,
    entityId: r.entityId,
    context: r.entityContext,
    action: r.action,
    changes,
  };
}

export function registerAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const system = { config: { access: access.global('system.administer') } };
  const fileMailbox = !deps.config.smtpUrl;

  app.get('/admin', system, async (req, reply) => {
    const [counts, users, queue] = await Promise.all([
      countReferenceData(deps.db),
      listAllUsers(deps.db),
      repo.queueStats(deps.db),
    ]);
    return reply.html(
      AdminHomePage({
        ctx: pageContext(req, reply),
        counts: { ...counts, users: users.length },
        queue,
        fileMailbox,
      }),
    );
  });

  app.get('/admin/organisationer', system, async (req, reply) => {
    const filter = orgFilterSchema.parse(req.query ?? {});
    const organisations = await listOrganisationsSorted(deps.db, {
      countyCode: filter.county,
      type: filter.type,
    });
    return reply.html(
      OrganisationsPage({
        ctx: pageContext(req, reply),
        organisations,
        countyOptions: COUNTIES.map((c) => ({ value: c.code, label: c.name })),
        typeOptions: organisationTypes.map((t) => ({ value: t, label: organisationTypeLabel(t) })),
        filter: { county: filter.county ?? '', type: filter.type ?? '' },
      }),
    );
  });

  const newOrganisationPage = (req: FastifyRequest, reply: FastifyReply, form: FormState) =>
    NewOrganisationPage({
      ctx: pageContext(req, reply),
      form,
      typeOptions: addableOrganisationTypes.map((t) => ({ value: t, label: organisationTypeLabel(t) })),
      countyOptions: [
        { value: '', label: 'Nationell' },
        ...COUNTIES.map((c) => ({ value: c.code, label: c.name })),
      ],
    });

  app.get('/admin/organisationer/ny', system, async (req, reply) =>
    reply.html(newOrganisationPage(req, reply, emptyForm())),
  );

  app.post('/admin/organisationer/ny', system, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => newOrganisationPage(req, reply, form),
      async () => {
        const input = parseForm(newOrganisationSchema, req.body);
        const org = await createOrganisation(deps.db, requireUser(req).id, input);
        reply.setFlash({ kind: 'success', text: `${org.name} är tillagd.` });
        return reply.redirect('/admin/organisationer', 303);
      },
    ),
  );

  app.get('/admin/anvandare', system, async (req, reply) =>
    reply.html(UsersPage({ ctx: pageContext(req, reply), users: await listAllUsers(deps.db) })),
  );

  app.get('/admin/e-post', system, async (req, reply) =>
    reply.html(
      MailboxPage({
        ctx: pageContext(req, reply),
        messages: await readMailbox(mailDirOf(deps.config.dataDir)),
      }),
    ),
  );

  app.get<{ Params: { id: string } }>('/admin/e-post/:id', system, async (req, reply) => {
    const message = await readMailboxEntry(mailDirOf(deps.config.dataDir), req.params.id);
    if (!message) throw new NotFoundError();
    return reply.html(MailMessagePage({ ctx: pageContext(req, reply), message }));
  });

  app.get('/admin/granskningslogg', system, async (req, reply) => {
    const query = auditFilterSchema.parse(req.query ?? {});
    const filter: repo.AuditFilter = {
      actorId: query.vem,
      countyCode: query.lan,
      entityType: query.objekt,
      entityId: query.id,
      from: query.fran,
      to: query.till,
    };
    const page = query.sida ?? 1;
    const [{ rows, hasNext }, choices] = await Promise.all([
      repo.listAudit(deps.db, filter, page),
      repo.auditFilterChoices(deps.db),
    ]);
    const [changes, names] = await Promise.all([
      repo.responseChangesOf(deps.db, rows),
      repo.auditNames(deps.db, idsToName(rows)),
    ]);
    return reply.html(
      AuditPage({
        ctx: pageContext(req, reply),
        rows: rows.map((r) => auditEntry(r, changes.get(r.id), names)),
        filter: query,
        choices: {
          actors: choices.actors.map((a) => ({
            value: a.id,
            label: a.name ? `${a.name} (${a.email})` : a.email,
          })),
          counties: COUNTIES.map((c) => ({ value: c.code, label: c.name })),
          entityTypes: choices.entityTypes.map((t) => ({ value: t, label: entityTypeLabel(t) })),
        },
        page,
        hasNext,
      }),
    );
  });
}
