import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext } from '../../../platform/http.ts';
import { findCountyByCode } from '../../../platform/tenancy.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { answerFormValues, definitionOfVersion } from '../../forms/index.ts';
import * as lifecycle from '../lifecycle.ts';
import * as repo from '../repository.ts';
import { registrationInputFrom } from '../schemas.ts';
import {
  acceptOffer,
  cancelRegistration,
  changeRegistration,
  declineOffer,
  eraseRegistration,
  findByPersonalToken,
  personalToken,
  publicEventOf,
} from '../service.ts';
import { countySlugOf, urls } from '../urls.ts';
import { municipalityGroupsOf } from './public.ts';
import {
  CancelConfirmPage,
  ErasedPage,
  EraseConfirmPage,
  LinkNotFoundPage,
  OfferPage,
  registrationFormValues,
  RegistrationPage,
  type OfferView,
  type RegistrationView,
} from '../views/registrant/pages.tsx';
import { ConfirmationPage } from '../views/public/confirmation.tsx';

/** Where the page says the registrant's data is gone (the personal link no longer works). */
export const ERASED_PATH = '/anmalan/borttagen';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/**
 * The registrant's own pages, reached by the links of their mails: the personal link (see, change, cancel,
 * erase) and the offer link (take a freed place). Public routes: the token is the permission. Every change
 * goes through the events services, which lock the event and ask lifecycle.ts again.
 */
export function registerRegistrantRoutes(app: FastifyInstance, deps: Deps): void {
  const pub = { config: { access: access.public() } };

  /** An unknown or erased link: a 404 that says what may have happened. */
  const notFound = (req: FastifyRequest, reply: FastifyReply, offer = false) =>
    reply.html(LinkNotFoundPage({ ctx: pageContext(req, reply), offer }), 404);

  /** The registration the personal link names, as its pages show it; undefined for an unknown link. */
  async function loadRegistration(token: string): Promise<RegistrationView | undefined> {
    const found = await findByPersonalToken(deps.db, token);
    if (!found) return undefined;
    const { registration, event } = found;
    const now = new Date();
    const [position, definition] = await Promise.all([
      registration.status === 'waiting'
        ? repo.waitingPosition(deps.db, event.id, registration.seq)
        : Promise.resolve(undefined),
      registration.questionnaireVersionId
        ? definitionOfVersion(deps.db, registration.questionnaireVersionId)
        : Promise.resolve(undefined),
    ]);
    return {
      event: publicEventOf(event),
      registration,
      position,
      definition,
      path: urls.registration(token),
      mayChange: lifecycle.registrationMayChange(registration, event, now),
      mayCancel: lifecycle.registrationMayCancel(registration, event, now),
      retentionDays: deps.config.eventRetentionDays,
      municipalityGroups: municipalityGroupsOf(event.countyCode),
      now,
    };
  }

  /** The stored details as the change form's values. */
  const storedForm = (v: RegistrationView): FormState =>
    emptyForm(
      registrationFormValues(
        v.registration,
        v.definition
          ? answerFormValues(v.definition, { answers: v.registration.answers, invalidInput: {} })
          : {},
      ),
    );

  /** A refused form's page, with the registration as it stands now (a conflict may have changed it). */
  const again = async (token: string, v: RegistrationView, page: (now: RegistrationView) => JSX.Element) =>
    page((await loadRegistration(token)) ?? v);

  /** Renders the page for a personal link, or the 404 when the link is unknown. */
  async function withRegistration(
    req: TokenRequest,
    reply: FastifyReply,
    page: (v: RegistrationView) => Promise<FastifyReply>,
  ): Promise<FastifyReply> {
    const v = await loadRegistration(req.params.token);
    return v ? page(v) : notFound(req, reply);
  }

  app.get<{ Params: { token: string } }>('/anmalan/:token', pub, async (req, reply) =>
    withRegistration(req, reply, (v) =>
      reply.html(RegistrationPage({ ctx: pageContext(req, reply), v, form: storedForm(v) })),
    ),
  );

  // The receipt right after registering: a place or the waiting list, and that a mail is coming. Once the
  // registration has moved on (offered, cancelled), the personal page says where it stands.
  app.get<{ Params: { token: string } }>('/anmalan/:token/tack', pub, async (req, reply) =>
    withRegistration(req, reply, async (v) => {
      const { status, email } = v.registration;
      if ((status !== 'confirmed' && status !== 'waiting') || !email) return reply.redirect(v.path, 303);
      const county = findCountyByCode(v.event.countyCode)!;
      return reply.html(
        ConfirmationPage({
          ctx: pageContext(req, reply),
          county: { slug: county.slug, name: county.name },
          event: v.event,
          status,
          position: v.position,
          email,
          manageUrl: v.path,
        }),
      );
    }),
  );

  app.post<{ Params: { token: string } }>('/anmalan/:token', pub, async (req, reply) =>
    withRegistration(req, reply, (v) =>
      handleForm(
        req,
        reply,
        (form) =>
          again(req.params.token, v, (now) =>
            RegistrationPage({ ctx: pageContext(req, reply), v: now, form }),
          ),
        async () => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          await changeRegistration(deps, req.params.token, registrationInputFrom(body));
          reply.setFlash({ kind: 'success', text: 'Dina uppgifter är ändrade.' });
          return reply.redirect(v.path, 303);
        },
      ),
    ),
  );

  app.get<{ Params: { token: string } }>('/anmalan/:token/avboka', pub, async (req, reply) =>
    withRegistration(req, reply, (v) =>
      reply.html(CancelConfirmPage({ ctx: pageContext(req, reply), v, form: emptyForm() })),
    ),
  );

  app.post<{ Params: { token: string } }>('/anmalan/:token/avboka', pub, async (req, reply) =>
    withRegistration(req, reply, (v) =>
      handleForm(
        req,
        reply,
        (form) =>
          again(req.params.token, v, (now) =>
            CancelConfirmPage({ ctx: pageContext(req, reply), v: now, form }),
          ),
        async () => {
          await cancelRegistration(deps, req.params.token);
          reply.setFlash({
            kind: 'success',
            text: 'Din anmälan är avbokad. En bekräftelse har skickats till din e-post.',
          });
          return reply.redirect(v.path, 303);
        },
      ),
    ),
  );

  app.get<{ Params: { token: string } }>('/anmalan/:token/ta-bort', pub, async (req, reply) =>
    withRegistration(req, reply, (v) =>
      reply.html(EraseConfirmPage({ ctx: pageContext(req, reply), v, form: emptyForm() })),
    ),
  );

  app.post<{ Params: { token: string } }>('/anmalan/:token/ta-bort', pub, async (req, reply) =>
    withRegistration(req, reply, async () => {
      try {
        await eraseRegistration(deps, req.params.token);
      } catch (err) {
        // Erased meanwhile (a second click): the data is gone all the same.
        if (!(err instanceof NotFoundError)) throw err;
      }
      return reply.redirect(ERASED_PATH, 303);
    }),
  );

  app.get(ERASED_PATH, pub, async (req, reply) => reply.html(ErasedPage({ ctx: pageContext(req, reply) })));

  // ---- The offer of a freed place ---------------------------------------------------------------------

  /** The offer the link names, as its page shows it; undefined for an unknown link. */
  async function loadOffer(token: string): Promise<OfferView | undefined> {
    if (!token || token.length > 200) return undefined;
    const registration = await repo.findRegistrationByOfferTokenHash(deps.db, hashToken(token));
    if (!registration) return undefined;
    const event = await repo.findEventById(deps.db, registration.eventId);
    if (!event) return undefined;
    const now = new Date();
    return {
      event: publicEventOf(event),
      registration,
      mayAccept: lifecycle.offerMayAccept(registration, event, now),
      path: urls.offer(token),
      registrationPath: urls.registration(personalToken(deps.config.sessionSecret, registration.id)),
      now,
    };
  }

  app.get<{ Params: { token: string } }>('/anmalan/erbjudande/:token', pub, async (req, reply) => {
    const v = await loadOffer(req.params.token);
    if (!v) return notFound(req, reply, true);
    return reply.html(OfferPage({ ctx: pageContext(req, reply), v, form: emptyForm() }));
  });

  /**
   * An answer to an offer (take it, or decline it): the offer the link names, then the action; refused (the
   * offer lapsed or was answered meanwhile), the offer's page as it stands now, saying why.
   */
  const answerOffer =
    (act: (req: TokenRequest, reply: FastifyReply, v: OfferView) => Promise<FastifyReply>) =>
    async (req: TokenRequest, reply: FastifyReply) => {
      const v = await loadOffer(req.params.token);
      if (!v) return notFound(req, reply, true);
      return handleForm(
        req,
        reply,
        () =>
          loadOffer(req.params.token).then((now) =>
            OfferPage({ ctx: pageContext(req, reply), v: now ?? v, form: emptyForm() }),
          ),
        () => act(req, reply, v),
      );
    };

  app.post<{ Params: { token: string } }>(
    '/anmalan/erbjudande/:token',
    pub,
    answerOffer(async (req, reply, v) => {
      const { outcome } = await acceptOffer(deps, req.params.token);
      reply.setFlash({
        kind: 'success',
        text:
          outcome === 'confirmed'
            ? 'Platsen är din. En bekräftelse med kalenderfil skickas till din e-post.'
            : 'Platsen var redan bekräftad. Du behöver inte göra något mer.',
      });
      return reply.redirect(v.path, 303);
    }),
  );

  // Declining: the place goes on to the next in line at once; the visitor lands on the event's page.
  app.post<{ Params: { token: string } }>(
    '/anmalan/erbjudande/:token/avsta',
    pub,
    answerOffer(async (req, reply, v) => {
      await declineOffer(deps, req.params.token);
      reply.setFlash({
        kind: 'success',
        text: 'Du har tackat nej till platsen. Den går vidare till nästa på väntelistan. Tack för att du sa till!',
      });
      return reply.redirect(urls.event(countySlugOf(v.event.countyCode), v.event.slug), 303);
    }),
  );
}
