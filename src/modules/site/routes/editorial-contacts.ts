import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { trimmedTextOf, bodyOf } from '../../../platform/input.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import { swedishCollator } from '../../../platform/i18n.ts';
import { createContact, editContact, replaceContact, type ContactInput } from '../contacts.ts';
import { findContact } from '../pages-repository.ts';
import { listContactRows } from '../repository.ts';
import { urls } from '../urls.ts';
import { ContactFormPage, ContactsPage, ReplaceContactPage } from '../views/editorial-contacts.tsx';

type CountyParams = { Params: { county: string } };
type ContactParams = { Params: { county: string; contactId: string } };

const edit = { config: { access: access.county('site.edit') } };
const countyOf = (req: FastifyRequest) => {
  const c = requireCounty(req);
  return { slug: c.slug, name: c.name };
};

/** The county's contacts: the list, a new one, changing one, and replacing one who leaves. */
export function registerEditorialContactRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const sorted = async (countyCode: string) =>
    (await listContactRows(db, countyCode)).sort((a, b) => swedishCollator.compare(a.name, b.name));
  const contactOf = async (req: FastifyRequest<ContactParams>) => {
    const contact = await findContact(db, requireCounty(req).code, req.params.contactId);
    if (!contact) throw new NotFoundError();
    return contact;
  };
  const toList = (req: FastifyRequest, reply: FastifyReply, text: string) => {
    reply.setFlash({ kind: 'success', text });
    return reply.redirect(urls.contacts(requireCounty(req).slug), 303);
  };

  app.get<CountyParams>('/:county/redaktion/kontakter', edit, async (req, reply) =>
    reply.html(
      ContactsPage({
        ctx: pageContext(req, reply),
        county: countyOf(req),
        contacts: await sorted(requireCounty(req).code),
      }),
    ),
  );

  const newForm = (req: FastifyRequest, reply: FastifyReply, form: FormState) =>
    ContactFormPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      action: urls.newContact(requireCounty(req).slug),
      title: 'Ny kontakt',
      form,
    });
  app.get<CountyParams>('/:county/redaktion/kontakter/ny', edit, async (req, reply) =>
    reply.html(newForm(req, reply, emptyForm({ kind: 'person' }))),
  );
  app.post<CountyParams>('/:county/redaktion/kontakter/ny', edit, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => newForm(req, reply, form),
      async () => {
        const c = await createContact(
          db,
          requireUser(req),
          requireCounty(req).code,
          bodyOf(req) as ContactInput,
        );
        return toList(req, reply, `Kontakten ${c.name} är tillagd.`);
      },
    ),
  );

  const editForm = (req: FastifyRequest<ContactParams>, reply: FastifyReply, form: FormState) =>
    ContactFormPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      action: urls.editContact(requireCounty(req).slug, req.params.contactId),
      title: 'Ändra kontakten',
      form,
    });
  app.get<ContactParams>('/:county/redaktion/kontakter/:contactId', edit, async (req, reply) => {
    const c = await contactOf(req);
    return reply.html(
      editForm(
        req,
        reply,
        emptyForm({ kind: c.kind, name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '' }),
      ),
    );
  });
  app.post<ContactParams>('/:county/redaktion/kontakter/:contactId', edit, async (req, reply) => {
    await contactOf(req);
    return handleForm(
      req,
      reply,
      (form) => editForm(req, reply, form),
      async () => {
        const c = await editContact(
          db,
          requireUser(req),
          requireCounty(req).code,
          req.params.contactId,
          bodyOf(req) as ContactInput,
        );
        return toList(req, reply, `Kontakten ${c.name} är ändrad.`);
      },
    );
  });

  const replaceForm = async (req: FastifyRequest<ContactParams>, reply: FastifyReply, form: FormState) => {
    const contact = await contactOf(req);
    const all = await sorted(contact.countyCode);
    return ReplaceContactPage({
      ctx: pageContext(req, reply),
      county: countyOf(req),
      contact,
      choices: all.filter((c) => !c.leftAt && c.id !== contact.id),
      form,
    });
  };
  app.get<ContactParams>('/:county/redaktion/kontakter/:contactId/ersatt', edit, async (req, reply) =>
    reply.html(replaceForm(req, reply, emptyForm())),
  );
  app.post<ContactParams>('/:county/redaktion/kontakter/:contactId/ersatt', edit, async (req, reply) => {
    await contactOf(req);
    return handleForm(
      req,
      reply,
      (form) => replaceForm(req, reply, form),
      async () => {
        const c = await replaceContact(
          db,
          requireUser(req),
          requireCounty(req).code,
          req.params.contactId,
          trimmedTextOf(bodyOf(req), 'replacementId'),
        );
        return toList(req, reply, `${c.name} är ersatt på alla sidor.`);
      },
    );
  });
}
