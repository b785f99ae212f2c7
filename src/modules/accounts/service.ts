import { z } from 'zod';
import { hash, verify } from '@node-rs/argon2';
import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ANONYMOUS, isUser, type Actor, type UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, RateLimitedError, ValidationError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { parseLocale } from '../../platform/i18n.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { countyInvitableRoles, roleLabels, type Role } from '../../platform/roles.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { findOrganisation, type Organisation } from '../reference/index.ts';
import { accountsPolicy } from './policy.ts';
import * as repo from './repository.ts';
import type { InviteInput } from './schemas.ts';

/** A session ends after 8 hours without use (sliding), and 12 hours after sign-in whatever the use. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const SESSION_TOUCH_MS = 5 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Failed sign-ins allowed per address, and per client address (many people share an office's IP). */
const LOGIN_PER_EMAIL = { max: 8, windowSeconds: 15 * 60 };
const LOGIN_PER_IP = { max: 100, windowSeconds: 15 * 60 };
const RESET_PER_EMAIL = { max: 3, windowSeconds: 60 * 60 };
const RESET_PER_IP = { max: 20, windowSeconds: 60 * 60 };
/** One sign-in link per lock of an address. */
const LOGIN_LINK_PER_EMAIL = { max: 1, windowSeconds: LOGIN_PER_EMAIL.windowSeconds };

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id (m=19 MiB, t=2, p=1), the OWASP baseline.
  return hash(password);
}

// Verified against when the e-mail is unknown, so a miss takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function login(
  deps: Deps,
  input: { email: string; password: string },
  clientKey: string,
): Promise<{ userId: string; sessionToken: string }> {
  // Only failures count, so an office of colleagues behind one address is never locked out by signing in.
  await deps.rateLimiter.check(`login:ip:${clientKey}`, LOGIN_PER_IP);
  try {
    await deps.rateLimiter.check(`login:email:${input.email}`, LOGIN_PER_EMAIL);
  } catch (err) {
    if (err instanceof RateLimitedError) throw await lockedOut(deps, input.email, err);
    throw err;
  }
  const user = await repo.findUserByEmail(deps.db, input.email);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok =
    user?.passwordHash && !user.disabledAt
      ? await verify(user.passwordHash, input.password)
      : (await verify(await dummyHash, input.password), false);
  if (!ok || !user) {
    await deps.rateLimiter.record(`login:ip:${clientKey}`, LOGIN_PER_IP);
    await deps.rateLimiter.record(`login:email:${input.email}`, LOGIN_PER_EMAIL);
    throw new ValidationError({ email: 'Fel e-postadress eller lösenord' });
  }
  await deps.rateLimiter.reset(`login:email:${input.email}`);
  const sessionToken = await startSession(deps.db, user.id);
  return { userId: user.id, sessionToken };
}

export async function startSession(db: Db, userId: string): Promise<string> {
  const { token, hash: idHash } = newToken();
  await repo.insertSession(db, { idHash, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  return token;
}

/** The actor behind a session cookie; anonymous for a missing, expired or unknown session. */
export async function resolveSession(db: Db, token: string | undefined): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const idHash = hashToken(token);
  const session = await repo.findSessionActor(db, idHash, SESSION_ABSOLUTE_MS / 1000);
  if (!session) return ANONYMOUS;
  if (Date.now() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await repo.touchSession(db, idHash, SESSION_TTL_MS / 1000, SESSION_ABSOLUTE_MS / 1000);
  }
  return {
    kind: 'user',
    id: session.userId,
    email: session.email,
    name: session.name,
    memberships: session.memberships,
  };
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(db, hashToken(token));
}

export const PASSWORD_RESET_JOB = 'accounts.password-reset';
export const LOGIN_LINK_JOB = 'accounts.login-link';

/**
 * Answers at once and the same way whether or not the address is known: the request is queued and the
 * look-up happens in the background, so neither the page nor its timing tells anybody who has an account.
 */
export async function requestPasswordReset(deps: Deps, email: string, clientKey: string): Promise<void> {
  await deps.rateLimiter.hit(`reset:ip:${clientKey}`, RESET_PER_IP);
  await deps.rateLimiter.hit(`reset:email:${email}`, RESET_PER_EMAIL);
  await enqueueJob(deps.db, PASSWORD_RESET_JOB, { email });
}

/** The two single-use links: how long each lives, where it leads, what the audit log calls sending it. */
const LINKS = {
  reset: { ttlMs: RESET_TTL_MS, path: '/aterstall-losenord', audit: 'password_reset.requested' },
  login: { ttlMs: LOGIN_LINK_TTL_MS, path: '/inloggningslank', audit: 'login_link.sent' },
} as const;

/**
 * Mails a known, active address a single-use link: to set a new password (valid one hour), or to sign its
 * owner in while passwords are locked (valid 15 minutes). Any other address gets nothing.
 */
async function mailLink(ctx: ModuleContext, email: string, purpose: repo.TokenPurpose): Promise<void> {
  const user = await repo.findUserByEmail(ctx.db, email);
  if (!user || user.disabledAt) return;
  const link = LINKS[purpose];
  const { token, hash: tokenHash } = newToken();
  const url = `${ctx.config.publicUrl}${link.path}/${token}`;
  const mail = { to: user.email, locale: parseLocale(user.locale) };
  await ctx.db.transaction(async (tx) => {
    await repo.insertPasswordReset(tx, {
      tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + link.ttlMs),
      purpose,
    });
    if (purpose === 'reset')
      await enqueueTemplatedMail(tx, {
        ...mail,
        template: 'accounts.password-reset',
        vars: { name: user.name, url },
      });
    else
      await enqueueTemplatedMail(tx, {
        ...mail,
        template: 'accounts.login-link',
        vars: { name: user.name, url, minutes: link.ttlMs / 60_000 },
      });
    await recordAudit(tx, { actorId: user.id, action: link.audit, entityType: 'user', entityId: user.id });
  });
}

const emailOf = (payload: unknown): string => {
  const email = (payload as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : '';
};

/** The background jobs behind the two "we have sent you a link" answers. */
export const accountJobs = (ctx: ModuleContext) => ({
  [PASSWORD_RESET_JOB]: (payload: unknown) => mailLink(ctx, emailOf(payload), 'reset'),
  [LOGIN_LINK_JOB]: (payload: unknown) => mailLink(ctx, emailOf(payload), 'login'),
});

/**
 * The answer to a sign-in while the address is locked after too many wrong passwords: how long the lock lasts,
 * and (once per lock) a single-use sign-in link to the address, so the real owner is never locked out.
 */
async function lockedOut(deps: Deps, email: string, lock: RateLimitedError): Promise<RateLimitedError> {
  try {
    await deps.rateLimiter.hit(`loginlink:email:${email}`, LOGIN_LINK_PER_EMAIL);
    await enqueueJob(deps.db, LOGIN_LINK_JOB, { email });
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
  }
  const minutes = Math.max(1, Math.ceil(lock.retryAfterSeconds / 60));
  return new RateLimitedError(
    lock.retryAfterSeconds,
    `För många felaktiga försök med den här adressen: inloggning med lösenord är spärrad i ${minutes} ${
      minutes === 1 ? 'minut' : 'minuter'
    } till. Om adressen har ett konto har vi skickat en engångslänk dit som loggar in dig direkt.`,
  );
}

export async function isLoginLinkLive(db: Db, token: string): Promise<boolean> {
  return repo.isPasswordResetLive(db, hashToken(token), 'login');
}

/** Signs in with a single-use link from a lock-out mail; the lock on the address is lifted. */
export async function signInWithLink(deps: Deps, token: string): Promise<{ sessionToken: string }> {
  const user = await deps.db.transaction(async (tx) => {
    const userId = await repo.consumePasswordReset(tx, hashToken(token), 'login');
    const found = userId ? await repo.findUserById(tx, userId) : undefined;
    if (!found || found.disabledAt)
      throw new NotFoundError('Länken är ogiltig, redan använd eller har gått ut');
    await recordAudit(tx, {
      actorId: found.id,
      action: 'login_link.used',
      entityType: 'user',
      entityId: found.id,
    });
    return found;
  });
  await deps.rateLimiter.reset(`login:email:${user.email}`);
  return { sessionToken: await startSession(deps.db, user.id) };
}

export async function isResetTokenLive(db: Db, token: string): Promise<boolean> {
  return repo.isPasswordResetLive(db, hashToken(token));
}

/** Sets a new password from a reset link; that link and every other unused one are spent, every session ends. */
export async function resetPassword(deps: Deps, token: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const userId = await repo.consumePasswordReset(tx, hashToken(token));
    if (!userId) throw new NotFoundError('Länken är ogiltig eller har gått ut');
    await repo.spendPasswordResets(tx, userId);
    await repo.updatePassword(tx, userId, passwordHash);
    await repo.deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      actorId: userId,
      action: 'password.reset',
      entityType: 'user',
      entityId: userId,
    });
    return userId;
  });
}

/** Which organisations of a county may be given which roles by invitation. */
export function rolesAllowedFor(org: Organisation): Role[] {
  if (org.type === 'county_board') return [...countyInvitableRoles];
  return ['reporter', 'council_member'];
}

export async function inviteUser(
  deps: Deps,
  actor: UserActor,
  countyCode: string,
  input: InviteInput,
): Promise<InvitationOutcome> {
  if (!accountsPolicy['people.invite'](actor, { countyCode })) throw new NotFoundError();
  return createInvitation(deps, { id: actor.id, name: actor.name }, countyCode, input);
}

/** What an invitation met: whether the address already has an account (it then signs in to accept). */
export interface InvitationOutcome {
  existingAccount: boolean;
}

/** An account someone can sign in to: it has a password and is not disabled. */
const isUsable = (user: { passwordHash: string | null; disabledAt: Date | null } | undefined): boolean =>
  Boolean(user?.passwordHash && !user.disabledAt);

/** Creates an invitation and its e-mail; the caller has authorized it (a county admin, or the CLI). */
export async function createInvitation(
  deps: Deps,
  inviter: { id: string | null; name: string },
  countyCode: string,
  input: InviteInput,
): Promise<InvitationOutcome> {
  const org = await findOrganisation(deps.db, input.organisationId);
  // National partners (countyCode null) may sit in a county's council; other counties' organisations may not.
  if (!org || (org.countyCode !== null && org.countyCode !== countyCode)) {
    throw new ValidationError({ organisationId: 'Välj en organisation i länet' });
  }
  if (!rolesAllowedFor(org).includes(input.role)) {
    throw new ValidationError({
      role: `Rollen ${roleLabels[input.role].sv.toLowerCase()} kan inte ges till ${org.name}`,
    });
  }
  const existing = await repo.findUserByEmail(deps.db, input.email);
  const existingAccount = isUsable(existing);
  if (existing && (await repo.hasMembership(deps.db, existing.id, org.id, input.role)))
    throw new ValidationError({
      email: `${input.email} har redan rollen ${roleLabels[input.role].sv.toLowerCase()} för ${org.name}`,
    });
  const { token, hash: tokenHash } = newToken();
  await deps.db.transaction(async (tx) => {
    const invitation = await repo.insertInvitation(tx, {
      tokenHash,
      email: input.email,
      organisationId: org.id,
      role: input.role,
      countyCode,
      invitedBy: inviter.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    // The invitee has no account yet, so no language of their own: Swedish, the service's language.
    await enqueueTemplatedMail(tx, {
      to: input.email,
      template: 'accounts.invitation',
      locale: 'sv',
      vars: {
        inviterName: inviter.name,
        role: input.role,
        organisationName: org.name,
        url: `${deps.config.publicUrl}/inbjudan/${token}`,
        existingAccount,
      },
    });
    await recordAudit(tx, {
      actorId: inviter.id,
      countyCode,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email: input.email, organisationId: org.id, role: input.role, existingAccount },
    });
  });
  return { existingAccount };
}

export async function findInvitation(db: Db, token: string) {
  const invitation = await repo.findLiveInvitation(db, hashToken(token));
  if (!invitation) return undefined;
  return { ...invitation, existingAccount: isUsable(await repo.findUserByEmail(db, invitation.email)) };
}

/** Accepts an invitation: creates the account (or adds the role to an existing one) and signs in. */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: { name: string; password: string },
): Promise<{ userId: string; sessionToken: string }> {
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    const invitation = await repo.findLiveInvitation(tx, hashToken(token));
    if (!invitation || !(await repo.markInvitationAccepted(tx, invitation.id))) {
      throw new NotFoundError('Inbjudan är ogiltig, redan använd eller har gått ut');
    }
    let user = await repo.findUserByEmail(tx, invitation.email);
    // An address with an account signs in with its own password (acceptInvitationSignedIn): choosing a
    // "new" password here must never open someone's existing account.
    if (isUsable(user)) throw new ValidationError({ _form: existingAccountMessage(invitation.email) });
    if (!user) {
      user = await repo.insertUser(tx, { email: invitation.email, name: input.name, passwordHash });
      await recordAudit(tx, {
        actorId: user.id,
        countyCode: invitation.countyCode,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, name: user.name },
      });
    } else if (!user.passwordHash) {
      await repo.updatePassword(tx, user.id, passwordHash);
    }
    const membership = await repo.insertMembership(tx, {
      userId: user.id,
      organisationId: invitation.organisationId,
      role: invitation.role,
      countyCode: invitation.countyCode,
    });
    await recordAudit(tx, {
      actorId: user.id,
      countyCode: invitation.countyCode,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      after: {
        membershipId: membership.id,
        role: invitation.role,
        organisationId: invitation.organisationId,
      },
    });
    return user.id;
  });
  return { userId, sessionToken: await startSession(deps.db, userId) };
}

export const existingAccountMessage = (email: string): string =>
  `Det finns redan ett konto för ${email}. Logga in med kontots lösenord för att ta emot inbjudan.`;

/**
 * Accepts an invitation for an address that already has an account: the password is checked as at sign-in
 * (with the same limits and lock-out), then the role is added and the person signed in.
 */
export async function acceptInvitationSignedIn(
  deps: Deps,
  token: string,
  password: string,
  clientKey: string,
): Promise<{ userId: string; sessionToken: string }> {
  const invitation = await repo.findLiveInvitation(deps.db, hashToken(token));
  if (!invitation) throw new NotFoundError('Inbjudan är ogiltig, redan använd eller har gått ut');
  let signedIn: { userId: string; sessionToken: string };
  try {
    signedIn = await login(deps, { email: invitation.email, password }, clientKey);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError({ password: 'Fel lösenord' });
    throw err;
  }
  try {
    await deps.db.transaction(async (tx) => {
      const live = await repo.findLiveInvitation(tx, hashToken(token));
      if (!live || !(await repo.markInvitationAccepted(tx, live.id)))
        throw new NotFoundError('Inbjudan är ogiltig, redan använd eller har gått ut');
      const membership = await repo.insertMembership(tx, {
        userId: signedIn.userId,
        organisationId: live.organisationId,
        role: live.role,
        countyCode: live.countyCode,
      });
      await recordAudit(tx, {
        actorId: signedIn.userId,
        countyCode: live.countyCode,
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: live.id,
        after: {
          membershipId: membership.id,
          role: live.role,
          organisationId: live.organisationId,
          existingAccount: true,
        },
      });
    });
  } catch (err) {
    await logout(deps.db, signedIn.sessionToken);
    throw err;
  }
  return signedIn;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string | null;
  role: Role;
  organisationId: string;
  countyCode: string | null;
}

const passwordSchema = z.object({ password: fields.password() });

/** What `ensureUser` did: the CLI reports exactly this, never "created" for what already existed. */
export interface EnsureUserOutcome {
  id: string;
  userCreated: boolean;
  membershipCreated: boolean;
}

/**
 * Creates a user with one membership (the CLI and the demo seed); an existing user gets the membership added.
 * A password obeys the same policy as on the web; an existing user's password is never changed here.
 */
export async function ensureUser(
  db: Db,
  actorId: string | null,
  input: NewUserInput,
  opts: { passwordPolicy: boolean } = { passwordPolicy: true },
): Promise<EnsureUserOutcome> {
  if (opts.passwordPolicy && input.password !== null) parseForm(passwordSchema, { password: input.password });
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    let user = await repo.findUserByEmail(tx, input.email);
    const userCreated = !user;
    if (!user) {
      user = await repo.insertUser(tx, { email: input.email, name: input.name, passwordHash });
      await recordAudit(tx, {
        actorId,
        countyCode: input.countyCode,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, name: user.name },
      });
    }
    const membership = await repo.insertMembership(tx, {
      userId: user.id,
      organisationId: input.organisationId,
      role: input.role,
      countyCode: input.countyCode,
    });
    if (membership.created) {
      await recordAudit(tx, {
        actorId,
        countyCode: input.countyCode,
        action: 'membership.created',
        entityType: 'membership',
        entityId: membership.id,
        after: { userId: user.id, organisationId: input.organisationId, role: input.role },
      });
    }
    return { id: user.id, userCreated, membershipCreated: membership.created };
  });
}

/** The seeds' and tests' way in: the demo accounts' shared password "demo" is below the policy on purpose. */
export const createUser = async (db: Db, actorId: string | null, input: NewUserInput): Promise<string> =>
  (await ensureUser(db, actorId, input, { passwordPolicy: false })).id;

async function readCountyPeople(db: Db, countyCode: string) {
  const [members, invitations] = await Promise.all([
    repo.listCountyMembers(db, countyCode),
    repo.listPendingInvitations(db, countyCode),
  ]);
  return { members, invitations };
}

/**
 * The county's members and pending invitations, kept until people, memberships, organisations or invitations
 * change, or the first of the invitations shown expires (see keptUntilChanged). Read it, never change it.
 */
export const countyPeople = keptUntilChanged(
  ['users', 'memberships', 'organisations', 'invitations'],
  readCountyPeople,
  (countyCode) => countyCode,
  { maxEntries: 64, until: (v) => Math.min(...v.invitations.map((i) => i.expiresAt.getTime())) },
);

export const purgeExpiredAccounts = (db: Db): Promise<void> => repo.purgeExpired(db);
export { isUser };
