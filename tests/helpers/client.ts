import { parse, type HTMLElement } from 'node-html-parser';
import type { App } from '../../src/app.ts';
import { multipartBody, type FilePart } from './files.ts';

export interface Page {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  doc: HTMLElement;
  location: string | undefined;
}

export interface RequestOptions {
  /**
   * Run `pageProblems` on an HTML answer and throw on any (default true). Opt out only for a page that is
   * meant to be broken, and say why beside the call.
   */
  checkPage?: boolean;
}

/** Thrown when a fetched page fails the checks every page must pass. */
export class PageCheckError extends Error {
  constructor(
    readonly page: Page,
    readonly problems: string[],
  ) {
    super(`${page.method} ${page.url} (${page.status}) klarar inte sidkontrollen: ${problems.join('; ')}`);
  }
}

/**
 * A user agent over app.inject: keeps cookies, reads forms the way a browser without JavaScript does,
 * and posts them with their hidden fields (the CSRF token among them). Every HTML page it receives is
 * checked with `pageProblems` (one h1, title, labels, form actions, CSRF tokens) unless the call opts out.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  /** Another client with the same cookies: the same session, but cookies it receives stay its own. */
  clone(): TestClient {
    const copy = new TestClient(this.app);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookie: string | string[] | number | undefined): void {
    const list = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
    for (const c of list) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private toPage(
    method: string,
    url: string,
    res: { statusCode: number; headers: Page['headers']; body: string },
    opts: RequestOptions,
  ): Page {
    this.remember(res.headers['set-cookie']);
    const location = res.headers.location;
    const page: Page = {
      method,
      url,
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      doc: parse(res.body),
      location: typeof location === 'string' ? location : undefined,
    };
    if (opts.checkPage !== false && isHtml(page)) {
      const problems = pageProblems(page.doc);
      if (problems.length > 0) throw new PageCheckError(page, problems);
    }
    return page;
  }

  async get(url: string, opts: RequestOptions = {}): Promise<Page> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    return this.toPage('GET', url, res, opts);
  }

  /** Follows redirects like a browser (303 → GET). */
  async follow(page: Page, max = 5, opts: RequestOptions = {}): Promise<Page> {
    let current = page;
    for (let i = 0; i < max && current.location && current.status >= 300 && current.status < 400; i++) {
      current = await this.get(current.location, opts);
    }
    return current;
  }

  async post(
    url: string,
    fields: Record<string, string | string[]>,
    opts: RequestOptions = {},
  ): Promise<Page> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    return this.toPage('POST', url, res, opts);
  }

  /** Posts a multipart form (`enctype="multipart/form-data"`) with its text fields and files, as a browser does. */
  async postMultipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: FilePart[],
    opts: RequestOptions = {},
  ): Promise<Page> {
    const { body, contentType } = multipartBody(fields, files);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': contentType },
      payload: body,
    });
    return this.toPage('POST', url, res, opts);
  }

  /** Opens a page, fills the POST form (the one with that action, or the page's main form) and submits it. */
  async submit(
    pageUrl: string,
    fields: Record<string, string | string[]>,
    action?: string,
    opts: RequestOptions = {},
  ): Promise<Page> {
    const page = await this.get(pageUrl, opts);
    if (page.status !== 200) throw new Error(`GET ${pageUrl} gav ${page.status}`);
    return this.submitOn(page, fields, action, opts);
  }

  async submitOn(
    page: Page,
    fields: Record<string, string | string[]>,
    action?: string,
    opts: RequestOptions = {},
  ): Promise<Page> {
    const forms = page.doc
      .querySelectorAll('main form[method="post"]')
      // A form's action may end in a fragment (where the page comes back to); the browser never sends it.
      .filter((f) => action === undefined || f.getAttribute('action')?.split('#')[0] === action);
    const form = forms[0];
    if (!form) throw new Error(`Inget formulär ${action ?? ''} på sidan`);
    const values: Record<string, string | string[]> = {};
    for (const input of form.querySelectorAll('input[type="hidden"]')) {
      values[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
    }
    return this.post(form.getAttribute('action')!.split('#')[0]!, { ...values, ...fields }, opts);
  }

  /** A CSRF token that fits this client's session, read from the language form every page carries. */
  async csrfToken(): Promise<string> {
    const page = await this.get('/');
    const token = page.doc.querySelector('form[action="/sprak"] input[name="_csrf"]')?.getAttribute('value');
    if (!token) throw new Error('Ingen CSRF-token på startsidan');
    return token;
  }

  async login(email: string, password: string): Promise<Page> {
    const page = await this.submit('/logga-in', { email, password });
    if (page.status !== 303) throw new Error(`Inloggningen som ${email} misslyckades (${page.status})`);
    return page;
  }
}

/** An HTML page with a body (redirects and downloads are not pages). */
export function isHtml(page: Pick<Page, 'headers' | 'body'>): boolean {
  return String(page.headers['content-type'] ?? '').startsWith('text/html') && page.body.length > 0;
}

/**
 * Checks what every rendered page must have: exactly one h1, a title that starts with it, a label for every
 * field, an action on every form and a CSRF token in every POST form. Returns the problems found.
 */
export function pageProblems(doc: HTMLElement): string[] {
  const problems: string[] = [];
  const h1s = doc.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1-rubriker`);
  const title = doc.querySelector('title')?.text.trim() ?? '';
  const h1 = h1s[0]?.text.trim().replace(/\s+/g, ' ') ?? '';
  if (!title.startsWith(h1)) problems.push(`titeln "${title}" börjar inte med h1 "${h1}"`);
  if (doc.querySelector('html')?.getAttribute('lang') === undefined) problems.push('html saknar lang');
  for (const field of doc.querySelectorAll('input, select, textarea')) {
    const type = field.getAttribute('type');
    if (type === 'hidden' || type === 'submit') continue;
    const id = field.getAttribute('id');
    const labelled =
      (id && doc.querySelector(`label[for="${id}"]`)) ||
      field.getAttribute('aria-label') ||
      field.closest('label');
    if (!labelled) problems.push(`fältet ${field.getAttribute('name') ?? '?'} saknar etikett`);
  }
  for (const form of doc.querySelectorAll('form')) {
    if (!form.getAttribute('action')) problems.push('ett formulär saknar action');
    if (
      (form.getAttribute('method') ?? 'get').toLowerCase() === 'post' &&
      !form.querySelector('input[name="_csrf"]')?.getAttribute('value')
    ) {
      problems.push(`formuläret ${form.getAttribute('action')} saknar CSRF-token`);
    }
  }
  return problems;
}
