import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { RateLimitedError } from './errors.ts';
import type { FormBody } from './input.ts';
import type { RateLimiter } from './rate-limit.ts';
import { keptForms } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';

const KEPT_FORM_COOKIE = 'kept';
/** How long a kept form waits for its sender to sign in again. */
export const KEPT_FORM_TTL_SECONDS = 2 * 3600;
/** Forms kept per client address and hour: a bound on what an anonymous sender can make the server store. */
const KEEP_LIMIT = { max: 20, windowSeconds: 3600 };

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A form whose text must survive a session that ended while it was filled in: posted without a session
     * (with a valid CSRF token), its fields are kept and its page takes them after signing in
     * (`takeKeptForm`), to be handled as that user's own post.
     */
    keepOnSessionEnd?: boolean;
  }
  interface FastifyInstance {
    keptForms: KeptForms;
  }
}

const pathOf = (url: string): string => url.split(/[?#]/)[0] ?? '/';

/**
 * Forms posted after the session ended, kept server-side until their sender has signed in again: "saved on
 * return" for a browser without JavaScript. The browser holds only a random token in a signed, httpOnly
 * cookie; the table holds its hash. A kept form is taken once, only on the page it returns to and for the
 * address it was posted to, and never outlives KEPT_FORM_TTL_SECONDS. Its fields are never logged.
 */
export class KeptForms {
  constructor(
    private readonly db: Db,
    private readonly rateLimiter: RateLimiter,
    private readonly secureCookies: 'auto' | boolean,
  ) {}

  private tokenOf(req: FastifyRequest): string | undefined {
    const raw = req.cookies[KEPT_FORM_COOKIE];
    return raw ? (req.unsignCookie(raw).value ?? undefined) : undefined;
  }

  /** Whether this browser has a kept form waiting (the sign-in page says so). */
  waiting(req: FastifyRequest): boolean {
    return this.tokenOf(req) !== undefined;
  }

  /**
   * Keeps the posted fields (the CSRF token aside) for the page `returnTo`; one kept form per browser, the
   * newest. Returns false, keeping nothing, when the sender has kept too many.
   */
  async keep(req: FastifyRequest, reply: FastifyReply, returnTo: string): Promise<boolean> {
    try {
      await this.rateLimiter.hit(`kept-form:${req.ip}`, KEEP_LIMIT);
    } catch (err) {
      if (err instanceof RateLimitedError) return false;
      throw err;
    }
    const fields: FormBody = { ...((req.body ?? {}) as FormBody) };
    delete fields._csrf;
    const previous = this.tokenOf(req);
    const { token, hash } = newToken();
    await this.db.transaction(async (tx) => {
      if (previous) await tx.delete(keptForms).where(eq(keptForms.tokenHash, hashToken(previous)));
      await tx.insert(keptForms).values({
        tokenHash: hash,
        path: pathOf(returnTo),
        action: pathOf(req.url),
        fields,
        expiresAt: sql`now() + make_interval(secs => ${KEPT_FORM_TTL_SECONDS})`,
      });
    });
    reply.setCookie(KEPT_FORM_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: this.secureCookies,
      maxAge: KEPT_FORM_TTL_SECONDS,
    });
    return true;
  }

  /**
   * The fields kept by this browser for the page being shown, posted to `action`; deleted as they are taken,
   * so they are handled once. Undefined when there are none, they were for another page or they expired.
   */
  async take(req: FastifyRequest, reply: FastifyReply, action: string): Promise<FormBody | undefined> {
    const token = this.tokenOf(req);
    if (!token) return undefined;
    const [row] = await this.db
      .delete(keptForms)
      .where(
        and(
          eq(keptForms.tokenHash, hashToken(token)),
          eq(keptForms.path, pathOf(req.url)),
          eq(keptForms.action, pathOf(action)),
          gt(keptForms.expiresAt, sql`now()`),
        ),
      )
      .returning({ fields: keptForms.fields });
    if (!row) return undefined;
    reply.clearCookie(KEPT_FORM_COOKIE, { path: '/' });
    return row.fields as FormBody;
  }

  /** Deletes expired kept forms (the job runner's periodic clean-up): what was typed is kept no longer. */
  static async purge(db: Db): Promise<void> {
    await db.delete(keptForms).where(lt(keptForms.expiresAt, sql`now()`));
  }
}

/**
 * Called by the access check when a route that opts in (`keepOnSessionEnd`) is posted without a session:
 * keeps the fields for the page the sender returns to after signing in.
 */
export async function keepPostedForm(req: FastifyRequest, reply: FastifyReply, next: string): Promise<void> {
  if (req.method !== 'POST' || !req.routeOptions.config.keepOnSessionEnd) return;
  await req.server.keptForms.keep(req, reply, next);
}

/** The fields this browser kept for the page being shown, posted to `action`; taken once (see KeptForms). */
export function takeKeptForm(
  req: FastifyRequest,
  reply: FastifyReply,
  action: string,
): Promise<FormBody | undefined> {
  return req.server.keptForms.take(req, reply, action);
}

/** Whether this browser has a kept form waiting for its sender to sign in again. */
export function hasKeptForm(req: FastifyRequest): boolean {
  return req.server.keptForms.waiting(req);
}
