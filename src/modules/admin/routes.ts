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
import {
  AdminHomePage,
  AuditPage,
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

  app.get('/admin/granskningslogg', system, async (req, reply) =>
    reply.html(AuditPage({ ctx: pageContext(req, reply), rows: await repo.listAudit(deps.db) })),
  );
}
