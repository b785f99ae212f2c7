import MarkdownIt from 'markdown-it';

/**
 * Markdown written by officials (an event's description, a series' text) as HTML for a page. Raw HTML in the
 * text is never passed on: markdown-it with `html: false` writes it as text, escaped. Links keep only
 * http(s), mailto and tel addresses and those within the site (markdown-it already refuses javascript:,
 * vbscript:, file: and data:); images are not taken (the page's own image has its alt text, and the content
 * security policy allows no other host). Headings start at h2 (the page's title is its one h1) and every
 * element carries the GOV.UK class it would have in a view.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: false, typographer: false });
md.disable(['image']);

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

/** The Markdown as HTML that is safe to put in a page as it is (its name marks it so for the XSS scan). */
export function safeMarkdown(text: string): string {
  if (!text.trim()) return '';
  return md.render(text);
}
