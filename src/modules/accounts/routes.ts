import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import {
  clientKey,
  handleForm,
  pageContext,
  requireCounty,
  requireUser,
  safeLocalPath,
  setSessionCookie,
  SESSION_COOKIE,
} from '../../platform/http.ts';
import { hasKeptForm } from '../../platform/kept-forms.ts';
import { identityOf, KeptRenders } from '../../platform/kept-renders.ts';
import { roleLabels, countyInvitableRoles } from '../../platform/roles.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/validation.ts';
import { access } from '../../platform/authz.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import { startPathFor } from '../../platform/navigation.ts';
import { listOrganisationsSorted } from '../reference/index.ts';
import { accountsPolicy } from './policy.ts';
import {
  acceptInvitationSchema,
  existingAccountSchema,
  inviteSchema,
  loginSchema,
  newPasswordSchema,
  resetRequestSchema,
} from './schemas.ts';
import * as accounts from './service.ts';
import {
  ForgotPasswordPage,
  LoginPage,
  LoginLinkPage,
  NewPasswordPage,
  ResetSentPage,
} from './views/auth-pages.tsx';
import { ExistingAccountInvitationPage } from './views/invitation-page.tsx';
import { PeopleContent, PeoplePage, PeopleShell } from './views/people-page.tsx';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SESSION_MAX_AGE = accounts.SESSION_TTL_MS / 1000;

export function registerAccountRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.publicUrl.startsWith('https://') ? true : 'auto';

  app.get('/logga-in', { config: { access: access.public() } }, async (req, reply) => {
    if (req.actor.kind === 'user') return reply.redirect(startPathFor(req.actor), 303);
    const next = (req.query as { next?: string }).next ?? '';
    return reply.html(
      LoginPage({ ctx: pageContext(req, reply), form: emptyForm({ next }), kept: hasKeptForm(req) }),
    );
  });

  app.post('/logga-in', { config: { access: access.public() } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => LoginPage({ ctx: pageContext(req, reply), form, kept: hasKeptForm(req) }),
      async () => {
        const input = parseForm(loginSchema, req.body);
        const { sessionToken } = await accounts.login(deps, input, clientKey(req));
        await accounts.logout(deps.db, req.sessionToken);
        setSessionCookie(reply, sessionToken, secure, SESSION_MAX_AGE);
        const actor = await accounts.resolveSession(deps.db, sessionToken);
        return reply.redirect(safeLocalPath(input.next, startPathFor(actor)), 303);
      },
    ),
  );

  app.post('/logga-ut', { config: { access: access.public() } }, async (req, reply) => {
    await accounts.logout(deps.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.setFlash({ kind: 'info', text: 'Du är utloggad.' });
    return reply.redirect('/', 303);
  });

  app.get('/start', { config: { access: access.signedIn() } }, async (req, reply) =>
    reply.redirect(startPathFor(req.actor), 303),
  );

  app.get('/glomt-losenord', { config: { access: access.public() } }, async (req, reply) =>
    reply.html(ForgotPasswordPage({ ctx: pageContext(req, reply), form: emptyForm() })),
  );

  app.post('/glomt-losenord', { config: { access: access.public() } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => ForgotPasswordPage({ ctx: pageContext(req, reply), form }),
      async () => {
        const { email } = parseForm(resetRequestSchema, req.body);
        await accounts.requestPasswordReset(deps, email, clientKey(req));
        return reply.html(ResetSentPage({ ctx: pageContext(req, reply) }));
      },
    ),
  );

  const resetPage = (req: FastifyRequest, reply: FastifyReply, token: string, form: FormState) =>
    NewPasswordPage({
      ctx: pageContext(req, reply),
      form,
      action: `/aterstall-losenord/${token}`,
      title: 'Välj nytt lösenord',
    });

  app.get<{ Params: { token: string } }>(
    '/aterstall-losenord/:token',
    { config: { access: access.public() } },
    async (req, reply) => {
      if (!(await accounts.isResetTokenLive(deps.db, req.params.token))) {
        throw new NotFoundError();
      }
      return reply.html(resetPage(req, reply, req.params.token, emptyForm()));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/aterstall-losenord/:token',
    { config: { access: access.public() } },
    async (req, reply) =>
      handleForm(
        req,
        reply,
        (form) => resetPage(req, reply, req.params.token, form),
        async () => {
          const { password } = parseForm(newPasswordSchema, req.body);
          await accounts.resetPassword(deps, req.params.token, password);
          reply.setFlash({
            kind: 'success',
            text: 'Ditt lösenord är bytt. Logga in med det nya lösenordet.',
          });
          return reply.redirect('/logga-in', 303);
        },
      ),
  );

  // A single-use sign-in link, mailed when passwords are locked for an address after too many wrong tries.
  app.get<{ Params: { token: string } }>(
    '/inloggningslank/:token',
    { config: { access: access.public() } },
    async (req, reply) => {
      if (!(await accounts.isLoginLinkLive(deps.db, req.params.token))) throw new NotFoundError();
      return reply.html(LoginLinkPage({ ctx: pageContext(req, reply), token: req.params.token }));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/inloggningslank/:token',
    { config: { access: access.public() } },
    async (req, reply) => {
      const { sessionToken } = await accounts.signInWithLink(deps, req.params.token);
      await accounts.logout(deps.db, req.sessionToken);
      setSessionCookie(reply, sessionToken, secure, SESSION_MAX_AGE);
      const actor = await accounts.resolveSession(deps.db, sessionToken);
      return reply.redirect(startPathFor(actor), 303);
    },
  );

  const invitationPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    form: FormState,
    intro: string,
  ) =>
    NewPasswordPage({
      ctx: pageContext(req, reply),
      form,
      action: `/inbjudan/${token}`,
      title: 'Välkommen till Samverkan',
      withName: true,
      intro,
    });

  const invitationIntro = (inv: { organisationName: string; role: keyof typeof roleLabels; email: string }) =>
    `Du har bjudits in som ${roleLabels[inv.role].sv.toLowerCase()} för ${inv.organisationName} med adressen ${inv.email}. Ange ditt namn och välj ett lösenord.`;

  type LiveInvitation = NonNullable<Awaited<ReturnType<typeof accounts.findInvitation>>>;
  /** The invitation's page: choose a name and password, or, for an address with an account, sign in. */
  const invitationView = (req: FastifyRequest, reply: FastifyReply, token: string, inv: LiveInvitation) =>
    inv.existingAccount
      ? (form: FormState) =>
          ExistingAccountInvitationPage({
            ctx: pageContext(req, reply),
            form,
            action: `/inbjudan/${token}`,
            email: inv.email,
            offer: `${roleLabels[inv.role].sv.toLowerCase()} för ${inv.organisationName}`,
          })
      : (form: FormState) => invitationPage(req, reply, token, form, invitationIntro(inv));

  app.get<{ Params: { token: string } }>(
    '/inbjudan/:token',
    { config: { access: access.public() } },
    async (req, reply) => {
      const invitation = await accounts.findInvitation(deps.db, req.params.token);
      if (!invitation) throw new NotFoundError();
      return reply.html(invitationView(req, reply, req.params.token, invitation)(emptyForm()));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/inbjudan/:token',
    { config: { access: access.public() } },
    async (req, reply) => {
      const invitation = await accounts.findInvitation(deps.db, req.params.token);
      if (!invitation) throw new NotFoundError();
      return handleForm(req, reply, invitationView(req, reply, req.params.token, invitation), async () => {
        if (invitation.existingAccount) {
          const { password } = parseForm(existingAccountSchema, req.body);
          const { sessionToken } = await accounts.acceptInvitationSignedIn(
            deps,
            req.params.token,
            password,
            clientKey(req),
          );
          await accounts.logout(deps.db, req.sessionToken);
          setSessionCookie(reply, sessionToken, secure, SESSION_MAX_AGE);
          reply.setFlash({
            kind: 'success',
            text: `Inbjudan är mottagen: du är nu ${roleLabels[invitation.role].sv.toLowerCase()} för ${invitation.organisationName}.`,
          });
          return reply.redirect('/start', 303);
        }
        const input = parseForm(acceptInvitationSchema, req.body);
        const { sessionToken } = await accounts.acceptInvitation(deps, req.params.token, input);
        setSessionCookie(reply, sessionToken, secure, SESSION_MAX_AGE);
        reply.setFlash({ kind: 'success', text: 'Välkommen! Ditt konto är klart.' });
        return reply.redirect('/start', 303);
      });
    },
  );

  // A county's people and invitations.
  const peopleView = async (req: FastifyRequest) => {
    const county = requireCounty(req);
    const actor = requireUser(req);
    const [people, orgs] = await Promise.all([
      accounts.countyPeople(deps.db, county.code),
      listOrganisationsSorted(deps.db, { countyCode: county.code, includeNational: true }),
    ]);
    return {
      countyName: county.name,
      countySlug: county.slug,
      members: people.members,
      invitations: people.invitations,
      canInvite: accountsPolicy['people.invite'](actor, { countyCode: county.code }),
      organisations: orgs,
      organisationOptions: orgs.map((o) => ({ value: o.id, label: o.name })),
      roleOptions: countyInvitableRoles.map((r) => ({ value: r, label: roleLabels[r].sv })),
    };
  };

  // The content is rendered once per version of the people and organisations it lists (each kept as one object
  // until its tables change) and per whether the viewer may invite; each view renders only its shell.
  const keptPeoplePages = new KeptRenders(16 * 2 ** 20);
  app.get(
    '/:county/admin/personer',
    { config: { access: access.county('people.view') } },
    async (req, reply) => {
      const view = await peopleView(req);
      const key = [
        view.countySlug,
        view.canInvite,
        identityOf(view.members),
        identityOf(view.invitations),
        identityOf(view.organisations),
      ].join('\0');
      return reply.keptPage(
        keptPeoplePages,
        key,
        (ctx) => PeopleShell({ ctx, view }),
        (csrfToken) => PeopleContent({ view, form: emptyForm(), csrfToken }),
      );
    },
  );

  app.post(
    '/:county/admin/personer',
    { config: { access: access.county('people.invite') } },
    async (req, reply) => {
      const view = await peopleView(req);
      return handleForm(
        req,
        reply,
        (form) => PeoplePage({ ctx: pageContext(req, reply), view, form }),
        async () => {
          const input = parseForm(inviteSchema, req.body);
          const { existingAccount } = await accounts.inviteUser(
            deps,
            requireUser(req),
            requireCounty(req).code,
            input,
          );
          reply.setFlash({
            kind: 'success',
            text: existingAccount
              ? `${input.email} har redan ett konto. En inbjudan har skickats: rollen läggs till när personen loggar in med sitt lösenord via länken.`
              : `En inbjudan har skickats till ${input.email}.`,
          });
          return reply.redirect(`/${view.countySlug}/admin/personer`, 303);
        },
      );
    },
  );
}
