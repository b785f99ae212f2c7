import { parse, type HTMLElement } from 'node-html-parser';
import type { App } from '../../src/app.ts';

export interface Page {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  doc: HTMLElement;
  location: string | undefined;
}

/**
 * A user agent over app.inject: keeps cookies, reads forms the way a browser without JavaScript does,
 * and posts them with their hidden fields (the CSRF token among them).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

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

  private toPage(res: { statusCode: number; headers: Page['headers']; body: string }): Page {
    this.remember(res.headers['set-cookie']);
    const location = res.headers.location;
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      doc: parse(res.body),
      location: typeof location === 'string' ? location : undefined,
    };
  }

  async get(url: string): Promise<Page> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    return this.toPage(res);
  }

  /** Follows redirects like a browser (303 → GET). */
  async follow(page: Page, max = 5): Promise<Page> {
    let current = page;
    for (let i = 0; i < max && current.location && current.status >= 300 && current.status < 400; i++) {
      current = await this.get(current.location);
    }
    return current;
  }

  async post(url: string, fields: Record<string, string | string[]>): Promise<Page> {
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
    return this.toPage(res);
  }

  /** Opens a page, fills the POST form (the one with that action, or the page's main form) and submits it. */
  async submit(pageUrl: string, fields: Record<string, string | string[]>, action?: string): Promise<Page> {
    const page = await this.get(pageUrl);
    if (page.status !== 200) throw new Error(`GET ${pageUrl} gav ${page.status}`);
    return this.submitOn(page, fields, action);
  }

  async submitOn(page: Page, fields: Record<string, string | string[]>, action?: string): Promise<Page> {
    const forms = page.doc
      .querySelectorAll('main form[method="post"]')
      .filter((f) => action === undefined || f.getAttribute('action') === action);
    const form = forms[0];
    if (!form) throw new Error(`Inget formulär ${action ?? ''} på sidan`);
    const values: Record<string, string | string[]> = {};
    for (const input of form.querySelectorAll('input[type="hidden"]')) {
      values[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
    }
    return this.post(form.getAttribute('action')!, { ...values, ...fields });
  }

  async login(email: string, password: string): Promise<Page> {
    const page = await this.submit('/logga-in', { email, password });
    if (page.status !== 303) throw new Error(`Inloggningen som ${email} misslyckades (${page.status})`);
    return page;
  }
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
