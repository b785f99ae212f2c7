import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COUNTIES, findCountyBySlug, type CountyRecord } from './tenancy.ts';
import { CONTENT_SLOT, KeptRenders, type Kept } from './kept-renders.ts';
import {
  NO_BANNERS,
  type CountySupport,
  type PageBanners,
  type PageContext,
  type Flash,
  type NavItem,
} from './page-context.ts';
import { ANONYMOUS, type Actor, type Policies, type RouteAccess, type UserActor } from './authz.ts';
import { AppError, ConflictError, NotFoundError, RateLimitedError, ValidationError } from './errors.ts';
import { parseLocale, translator, type Locale, type Translate } from './i18n.ts';
import { formValues, type FormState } from './validation.ts';
import { contentDisposition, downloadTypeOf } from './exports/download.ts';
import { keepPostedForm } from './kept-forms.ts';

export const SESSION_COOKIE = 'sid';
/** The signed cookie holding a browser's CSRF secret (@fastify/csrf-protection's cookieKey). */
export const CSRF_COOKIE = 'csrf';
const FLASH_COOKIE = 'flash';
const LOCALE_COOKIE = 'lang';
/** Visitors whose kept-page CSRF token is kept (see keptPageToken): some 2 MB at most. */
const KEPT_TOKENS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
    locale: Locale;
    /** the county named in the URL (:county), resolved by the access check */
    county: CountyRecord | undefined;
    flash: Flash | undefined;
    /** the warning banners in force for the county in the address, loaded once per request */
    banners: PageBanners;
    /** the county board's support contact for the county in the address, loaded once per request */
    support: CountySupport | undefined;
  }
  interface FastifyInstance {
    /** the main navigation for an actor, from the modules' entries */
    navigation: (actor: Actor, t: Translate) => readonly NavItem[];
    /** the one vocabulary of actions, from every module's policies */
    policies: Policies;
    /** the service's public address (config.publicUrl), if known */
    publicUrl: string | undefined;
  }
  interface FastifyReply {
    /** sends a rendered page as HTML */
    html(page: JSX.Element, status?: number): Promise<FastifyReply>;
    /**
     * sends a page that is the same for every anonymous visitor of its address (the start page, a county's
     * public page): rendered once per language and path, only its forms' CSRF token put in per request.
     * `render` may depend on nothing but the context and data that never changes while the server runs, or
     * else `version` must name what it depends on (a page with places left: the event's fingerprint).
     * Anonymous visitors get an ETag and `Cache-Control: private, no-cache`: their browser may keep the page
     * but asks again each time, and is answered 304 while the page (and its CSRF token) is the same.
     */
    publicPage(render: (ctx: PageContext) => JSX.Element, opts?: { version?: string }): Promise<FastifyReply>;
    /**
     * sends a kept rendering inside this request's page shell: `shell` renders the page with CONTENT_SLOT
     * where the content goes, for this request's context (whose CSRF token the content's forms get too).
     */
    keptHtml(shell: (ctx: PageContext) => JSX.Element, kept: Kept<unknown>): Promise<FastifyReply>;
    /**
     * sends a page whose content is rendered once per key (what it is made from and what the viewer may do)
     * and kept in `kept`, inside this request's own shell (see keptHtml).
     */
    keptPage(
      kept: KeptRenders<undefined>,
      key: string,
      shell: (ctx: PageContext) => JSX.Element,
      content: (csrfToken: string) => JSX.Element,
    ): Promise<FastifyReply>;
    /** sends a file to save: the MIME type from the extension (unless given), the name, never cached */
    download(body: Buffer | string, file: { filename: string; type?: string }): FastifyReply;
    /** stores a message shown on the next page */
    setFlash(flash: Flash): void;
  }
}

/** The county in the URL; unknown slugs are 404. */
export function requireCounty(req: FastifyRequest): CountyRecord {
  const county = req.county ?? findCountyBySlug((req.params as { county?: string }).county);
  if (!county) throw new NotFoundError();
  return county;
}

/** Asks the policies that guard the routes: may the actor take this action in the URL's county? */
export function allowedInCounty(req: FastifyRequest, action: string): boolean {
  return req.server.policies.can(req.actor, action, { countyCode: requireCounty(req).code });
}

/** Asks the policies that guard the routes: may the actor take this action (one without a county)? */
export function allowedGlobally(req: FastifyRequest, action: string): boolean {
  return req.server.policies.canGlobal(req.actor, action);
}

export function requireUser(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw new NotFoundError();
  return req.actor;
}

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  return contextWithToken(req, reply.generateCsrf());
}

function contextWithToken(req: FastifyRequest, csrfToken: string): PageContext {
  const t = translator(req.locale);
  const county = req.county ?? findCountyBySlug((req.params as { county?: string } | undefined)?.county);
  return {
    locale: req.locale,
    t,
    actor: req.actor,
    csrfToken,
    path: req.url.split('?')[0] ?? '/',
    flash: req.flash,
    nav: req.server.navigation(req.actor, t),
    counties: COUNTIES.map((c) => ({ slug: c.slug, name: c.name })),
    currentCounty: county ? { slug: county.slug, name: county.name } : undefined,
    banners: req.banners.banners,
    support: req.support,
    publicUrl: req.server.publicUrl,
  };
}

/** Only local paths are followed after login or a language switch (no open redirect). */
export function safeLocalPath(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : fallback;
}

/** The local path of the page a request came from (its Referer, on this host), if the browser said. */
function refererPath(req: FastifyRequest): string | undefined {
  if (!req.headers.referer) return undefined;
  try {
    const from = new URL(req.headers.referer);
    return from.host === req.host ? safeLocalPath(`${from.pathname}${from.search}`) : undefined;
  } catch {
    return undefined;
  }
}

export function clientKey(req: FastifyRequest): string {
  return req.ip;
}

/**
 * Runs a form's action; on invalid input the same page is rendered again with status 400, an error summary,
 * the messages beside the fields and the user's input kept. A conflict with the resource's state (already
 * submitted, changed by someone else) shows the same page with its reason in the error summary and 409; a
 * rate limit shows as a form error with 429.
 */
export async function handleForm(
  req: FastifyRequest,
  reply: FastifyReply,
  render: (form: FormState) => JSX.Element,
  action: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await action();
  } catch (err) {
    const values = formValues(req.body);
    if (err instanceof ValidationError) return reply.html(render({ values, errors: err.fieldErrors }), 400);
    if (err instanceof ConflictError)
      return reply.html(render({ values, errors: { _form: err.message } }), 409);
    if (err instanceof RateLimitedError) {
      reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.html(render({ values, errors: { _form: err.message } }), 429);
    }
    throw err;
  }
}

export interface HttpOptions {
  secureCookies: 'auto' | boolean;
  resolveSession: (token: string | undefined) => Promise<Actor>;
  policies: Policies;
  /** the main navigation for an actor (built by the composition root from the modules' entries) */
  navigation: (actor: Actor, t: Translate) => readonly NavItem[];
  /**
   * the warning banners in force for a county (undefined: outside any county), from the module that keeps them;
   * asked once per request, so it should answer from memory (kept until its tables change or a banner's time)
   */
  banners?: (countyCode: string | undefined) => Promise<PageBanners>;
  /**
   * the county board's support contact for a county, for every page's footer in its room; asked once per
   * request inside a county, so it should answer from memory
   */
  support?: (countyCode: string) => Promise<CountySupport>;
  /** the service's public address (config.publicUrl), for canonical and shared links */
  publicUrl?: string | undefined;
  /** the error page (the UI layer's), for 404s and refused or failed requests */
  errorPage: (props: { ctx: PageContext; status: number; message?: string | undefined }) => JSX.Element;
}

export function registerHttp(app: FastifyInstance, opts: HttpOptions): void {
  app.decorate('navigation', opts.navigation);
  app.decorate('policies', opts.policies);
  const ErrorPage = opts.errorPage;
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('locale', 'sv');
  app.decorateRequest('county', undefined);
  app.decorateRequest('flash', undefined);
  app.decorateRequest('banners', null as never);

  app.decorate('publicUrl', opts.publicUrl);
  app.decorateRequest('support', undefined);
  app.decorateReply('html', async function (this: FastifyReply, page: JSX.Element, status = 200) {
    // Encoded here in one pass: given the string, Fastify would measure it (flattening the rendering's many
    // joined pieces) and Node would then encode it again.
    const body = Buffer.from(await page, 'utf8');
    return this.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  });
  const publicPages = new KeptRenders(8 * 2 ** 20);
  app.decorateReply(
    'publicPage',
    async function (
      this: FastifyReply,
      render: (ctx: PageContext) => JSX.Element,
      options: { version?: string } = {},
    ) {
      const req = this.request;
      if (req.actor.kind !== 'anonymous' || req.flash) return this.html(render(pageContext(req, this)));
      const key = `${req.locale}\0${req.url.split('?')[0] ?? '/'}\0${options.version ?? ''}\0${req.banners.version}\0${req.support?.version ?? ''}`;
      const page = await publicPages.get(key, async (slot) => ({
        meta: undefined,
        html: await render(contextWithToken(req, slot)),
      }));
      const token = keptPageToken(this);
      // The page's bytes are its rendering and this visitor's token: the tag names both, so a browser that
      // has them is told 304 and sent nothing (a new token, after a new CSRF cookie, is a new page).
      const etag = `W/"${createHash('sha1').update(fingerprintOf(page)).update(token).digest('base64url').slice(0, 27)}"`;
      this.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Cookie');
      if (matchesEtag(req.headers['if-none-match'], etag)) return this.code(304).send();
      return this.type('text/html; charset=utf-8').send(Buffer.concat(page.bytes(token)));
    },
  );
  /** A kept rendering's hash, made once while it is kept (its bytes never change). */
  const fingerprints = new WeakMap<object, string>();
  function fingerprintOf(page: Kept<unknown>): string {
    let made = fingerprints.get(page);
    if (made === undefined) {
      const hash = createHash('sha1');
      for (const part of page.bytes('')) hash.update(part);
      made = hash.digest('base64url');
      fingerprints.set(page, made);
    }
    return made;
  }
  /**
   * The CSRF token a kept public page carries, kept per CSRF cookie (the signed secret a browser sends): a
   * visitor who opens public pages again and again costs a lookup instead of checking the cookie's signature
   * and hashing a new token every time. A token is valid for its secret whenever it was made, and is given only
   * to whoever sends that cookie (as generateCsrf gives it); it is kept only for a cookie whose signature holds,
   * never for one a new secret replaces. These pages hold nothing a visitor sent, so a token that stays the same
   * across responses cannot be read from their compressed sizes (BREACH). Bounded: the oldest go first.
   */
  const keptTokens = new Map<string, string>();
  function keptPageToken(reply: FastifyReply): string {
    const cookie = reply.request.cookies[CSRF_COOKIE];
    if (!cookie) return reply.generateCsrf();
    let token = keptTokens.get(cookie);
    if (token === undefined) {
      const valid = reply.unsignCookie(cookie).valid;
      token = reply.generateCsrf();
      if (!valid) return token;
      keptTokens.set(cookie, token);
      if (keptTokens.size > KEPT_TOKENS) keptTokens.delete(keptTokens.keys().next().value!);
    }
    return token;
  }
  app.decorateReply(
    'keptHtml',
    async function (this: FastifyReply, shell: (ctx: PageContext) => JSX.Element, kept: Kept<unknown>) {
      const ctx = pageContext(this.request, this);
      const csrfToken = ctx.csrfToken;
      const [head, tail, ...more] = (await shell(ctx)).split(CONTENT_SLOT);
      if (tail === undefined || more.length > 0)
        throw new Error('keptHtml: the shell must hold one content slot');
      const body = Buffer.concat([
        Buffer.from(head!, 'utf8'),
        ...kept.bytes(csrfToken),
        Buffer.from(tail, 'utf8'),
      ]);
      return this.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
    },
  );
  app.decorateReply(
    'keptPage',
    async function (
      this: FastifyReply,
      kept: KeptRenders<undefined>,
      key: string,
      shell: (ctx: PageContext) => JSX.Element,
      content: (csrfToken: string) => JSX.Element,
    ) {
      const page = await kept.get(key, async (csrfToken) => ({
        meta: undefined,
        html: await content(csrfToken),
      }));
      return this.keptHtml(shell, page);
    },
  );
  app.decorateReply(
    'download',
    function (this: FastifyReply, body: Buffer | string, file: { filename: string; type?: string }) {
      return this.type(file.type ?? downloadTypeOf(file.filename))
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
  app.decorateReply('setFlash', function (this: FastifyReply, flash: Flash) {
    this.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: opts.secureCookies,
      maxAge: 60,
    });
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = ANONYMOUS;
    req.banners = NO_BANNERS;
    req.support = undefined;
    if (req.url.startsWith('/static/')) return;
    req.locale = parseLocale(req.cookies[LOCALE_COOKIE]);
    const raw = req.cookies[SESSION_COOKIE];
    req.sessionToken = raw ? (req.unsignCookie(raw).value ?? undefined) : undefined;
    req.actor = await opts.resolveSession(req.sessionToken);
    // The county is the address's first segment (also for a 404 inside a county's pages).
    const county = findCountyBySlug(req.url.split(/[/?#]/, 2)[1]);
    if (opts.banners) req.banners = await opts.banners(county?.code);
    if (opts.support && county) req.support = await opts.support(county.code);
    const flash = req.cookies[FLASH_COOKIE];
    if (flash && req.method === 'GET') {
      const value = req.unsignCookie(flash).value;
      try {
        req.flash = value ? (JSON.parse(value) as Flash) : undefined;
      } catch {
        req.flash = undefined;
      }
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
  });

  // CSRF for every state-changing request, then the route's declared access.
  app.addHook('preHandler', async (req, reply) => {
    const access: RouteAccess | undefined = req.routeOptions.config.access;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.routeOptions.config.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
    // No route matched: the 404 handler answers, and it needs no access declaration.
    if (req.routeOptions.url === undefined) return;
    if (!access) throw new Error(`Route ${req.routeOptions.url} saknar behörighetsdeklaration`);
    if (access.kind === 'public') return;
    if (access.kind === 'county') {
      const county = findCountyBySlug((req.params as { county?: string }).county);
      if (!county) throw new NotFoundError();
      req.county = county;
    }
    if (req.actor.kind !== 'user') {
      // After signing in one comes back: to the page asked for, or to the page a refused form was sent from
      // (its Referer where the browser sends one, else the form's own address where that is a page too).
      const ownPage =
        req.routeOptions.url && req.server.hasRoute({ url: req.routeOptions.url, method: 'GET' });
      const next =
        req.method === 'GET' ? req.url : (refererPath(req) ?? (ownPage ? req.url.split('?')[0]! : '/'));
      const login = `/logga-in?next=${encodeURIComponent(next)}`;
      // A script that asked for JSON (the answer form's autosave) is told the session has ended.
      if (String(req.headers.accept ?? '').includes('application/json'))
        return reply.code(401).send({
          ok: false,
          sessionEnded: true,
          loginUrl: login,
          errors: { _form: 'Du är inte längre inloggad.' },
        });
      // A form that opts in keeps what was posted until its sender has signed in again.
      await keepPostedForm(req, reply, next);
      return reply.redirect(login, 303);
    }
    if (
      access.kind === 'county' &&
      !opts.policies.can(req.actor, access.action, { countyCode: req.county!.code })
    ) {
      // Another county's pages answer as if they did not exist.
      throw new NotFoundError();
    }
    if (access.kind === 'global' && !opts.policies.canGlobal(req.actor, access.action)) {
      throw new AppError('forbidden', 403, 'Du har inte behörighet till den här sidan');
    }
  });

  app.setNotFoundHandler(async (req, reply) =>
    reply.html(ErrorPage({ ctx: pageContext(req, reply), status: 404 }), 404),
  );

  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string }, req, reply) => {
    let status = err instanceof AppError ? err.statusCode : (err.statusCode ?? 500);
    if (status < 400 || status > 599) status = 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else
      req.log.info(
        { code: err.code ?? (err instanceof AppError ? err.id : undefined), statusCode: status },
        'request refused',
      );
    if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfterSeconds));
    const message =
      err instanceof AppError && status !== 500 && !(err instanceof ValidationError)
        ? err.message
        : undefined;
    const known = [400, 403, 404, 409, 413, 415, 429].includes(status) ? status : status >= 500 ? 500 : 400;
    if (req.url.startsWith('/api/') || req.url === '/readyz') {
      return reply
        .code(known)
        .send({ error: known === 500 ? 'internal_error' : err instanceof AppError ? err.id : 'error' });
    }
    // A script that asked for JSON (the answer form's autosave) gets JSON it can show, never an HTML page.
    if (String(req.headers.accept ?? '').includes('application/json')) {
      return reply.code(known).send({
        ok: false,
        errors: { _form: message ?? errorText(known) },
      });
    }
    return reply.html(ErrorPage({ ctx: safeContext(req, reply), status: known, message }), known);
  });
}

/** The short Swedish text for a refused or failed request, where the error carries no message of its own. */
function errorText(status: number): string {
  if (status === 413) return 'Det som skickades var för stort.';
  if (status === 415) return 'Formatet på det som skickades stöds inte.';
  if (status === 403) return 'Du har inte behörighet, eller sidan har blivit för gammal: ladda om den.';
  if (status === 404) return 'Det du försökte ändra finns inte.';
  if (status >= 500) return 'Ett tekniskt fel uppstod; inget sparades. Försök igen om en stund.';
  return 'Uppgifterna kunde inte behandlas.';
}

/** A page context even when the error came before the request was fully set up. */
function safeContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  try {
    return pageContext(req, reply);
  } catch {
    const t = translator('sv');
    return {
      locale: 'sv',
      t,
      actor: ANONYMOUS,
      csrfToken: '',
      path: '/',
      flash: undefined,
      nav: req.server.navigation(ANONYMOUS, t),
      counties: COUNTIES.map((c) => ({ slug: c.slug, name: c.name })),
      currentCounty: undefined,
      banners: [],
      publicUrl: req.server.publicUrl,
    };
  }
}

/** Whether If-None-Match names this tag (compared weakly, as for GET; `*` names any). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: 'auto' | boolean,
  maxAgeSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: maxAgeSeconds,
  });
}

export function setLocaleCookie(reply: FastifyReply, locale: Locale, secure: 'auto' | boolean): void {
  reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
}
