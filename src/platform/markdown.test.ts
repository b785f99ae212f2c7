import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { safeMarkdown } from './markdown.ts';

const html = (text: string) => parse(safeMarkdown(text));

describe('Markdown for pages', () => {
  it('writes headings from h2, lists, emphasis and links with the design system’s classes', () => {
    const doc = html(
      '# Program\n\nText med **fet** och *kursiv*.\n\n- ett\n- två\n\n1. första\n\n[SKR](https://skr.se)',
    );
    expect(doc.querySelector('h1')).toBeNull();
    expect(doc.querySelector('h2.govuk-heading-m')?.text).toBe('Program');
    expect(doc.querySelector('p.govuk-body strong')?.text).toBe('fet');
    expect(doc.querySelectorAll('ul.govuk-list--bullet li').map((li) => li.text)).toEqual(['ett', 'två']);
    expect(doc.querySelector('ol.govuk-list--number li')?.text).toBe('första');
    const link = doc.querySelector('a.govuk-link')!;
    expect(link.getAttribute('href')).toBe('https://skr.se');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('lets no raw HTML through: tags, attributes and scripts are text', () => {
    const doc = html(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> <a href="javascript:x">a</a> <iframe src="//evil"></iframe>',
    );
    expect(doc.querySelectorAll('script, img, iframe, [onerror]')).toEqual([]);
    expect(doc.querySelectorAll('a')).toEqual([]);
    expect(doc.text).toContain('<script>alert(1)</script>');
  });

  it('keeps only web, mail, phone and local links; no images from elsewhere', () => {
    const doc = html(
      '[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) [d](file:///etc/passwd) [e](//evil.example) ' +
        '[f](mailto:a@example.se) [g](tel:+4660000000) [h](/uppsala/kalender) ![bild](https://evil.example/x.png)',
    );
    expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:a@example.se',
      'tel:+4660000000',
      '/uppsala/kalender',
      'https://evil.example/x.png',
    ]);
    expect(doc.querySelector('img')).toBeNull();
  });

  it('an empty text is nothing', () => {
    expect(safeMarkdown('  \n ')).toBe('');
  });
});
