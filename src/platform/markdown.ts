import MarkdownIt from 'markdown-it';
import type { ImageSources } from './files.ts';

/**
 * Markdown written by officials (an event's description, a series' text) as HTML for a page. Raw HTML in the
 * text is never passed on: markdown-it with `html: false` writes it as text, escaped. Links keep only
 * http(s), mailto and tel addresses and those within the site (markdown-it already refuses javascript:,
 * vbscript:, file: and data:). An image is shown only where the caller offers it, and only as one of this
 * platform's own files (`/filer/{id}/…`) with its alt text; any other image is its alt text (the content
 * security policy allows no other host, and a file another page owns may not be public). Headings start at
 * h2 (the page's title is its one h1) and every element carries the GOV.UK class it would have in a view.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: false, typographer: false });

const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const headingClass: Record<string, string> = {
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
};

const classOf: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  link_open: 'govuk-link',
  blockquote_open: 'govuk-inset-text',
  table_open: 'govuk-table',
  thead_open: 'govuk-table__head',
  tbody_open: 'govuk-table__body',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
};

md.core.ruler.push('govuk', (state) => {
  const walk = (tokens: typeof state.tokens) => {
    for (const token of tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        // # is the page's second level: h1 → h2, … at most h6.
        const level = Math.min(6, Number(token.tag.slice(1)) + 1);
        token.tag = `h${level}`;
        if (token.type === 'heading_open') token.attrJoin('class', headingClass[token.tag]!);
      } else if (classOf[token.type]) token.attrJoin('class', classOf[token.type]!);
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'noopener noreferrer');
      }
      if (token.children) walk(token.children);
    }
  };
  walk(state.tokens);
});

/** The address of one of this platform's files (or of an image's narrower copy), with the file's id. */
const PLATFORM_FILE =
  /^\/filer\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(?:w\d+\/)?[a-z0-9-]+\.[a-z]{2,5}$/;

/** The platform file an image address names, or null for any other address. */
export function platformFileIdOf(src: string): string | null {
  return PLATFORM_FILE.exec(src.trim())?.[1] ?? null;
}

/** Offers the images a text may show: a file's sources by its id, or undefined where it may not be shown. */
export type ImageOffer = (fileId: string) => ImageSources | undefined;

type RenderEnv = Record<string, unknown> & { images?: ImageOffer };

const { escapeHtml } = md.utils;
type Token = ReturnType<typeof md.parse>[number];

/** An image's alt text: the words inside its brackets, without their marks. */
const altOf = (token: Token): string =>
  token.children ? md.renderer.renderInlineAsText(token.children, md.options, {}) : token.content;

md.renderer.rules.image = (tokens, idx, _options, env?: RenderEnv) => {
  const token = tokens[idx]!;
  const alt = altOf(token);
  const fileId = platformFileIdOf(String(token.attrGet('src') ?? ''));
  const sources = fileId && alt.trim() ? env?.images?.(fileId) : undefined;
  if (!sources) return escapeHtml(alt);
  return (
    `<img class="sv-body-image" src="${escapeHtml(sources.src)}" srcset="${escapeHtml(sources.srcset)}"` +
    ` sizes="(min-width: 641px) 640px, 100vw" width="${sources.width}" height="${sources.height}"` +
    ` alt="${escapeHtml(alt)}" loading="lazy">`
  );
};

/**
 * The Markdown as HTML that is safe to put in a page as it is (its name marks it so for the XSS scan). Images
 * are shown only as `images` offers them; without it every image is its alt text.
 */
export function safeMarkdown(text: string, options: { images?: ImageOffer } = {}): string {
  if (!text.trim()) return '';
  return md.render(text, { images: options.images } satisfies RenderEnv);
}

/** The images a text asks for, in order: their address, the platform file it names (or null), their alt text. */
export function markdownImagesOf(text: string): Array<{ src: string; fileId: string | null; alt: string }> {
  const found: Array<{ src: string; fileId: string | null; alt: string }> = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') {
        const src = String(token.attrGet('src') ?? '');
        found.push({ src, fileId: platformFileIdOf(src), alt: altOf(token).trim() });
      }
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(text, {}));
  return found;
}
