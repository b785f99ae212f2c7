import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { markdownImagesOf, platformFileIdOf, safeMarkdown } from './markdown.ts';

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

  it('keeps only web, mail, phone and local links; an image from elsewhere is its alt text', () => {
    const doc = html(
      '[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) [d](file:///etc/passwd) [e](//evil.example) ' +
        '[f](mailto:a@example.se) [g](tel:+4660000000) [h](/uppsala/kalender) ![en <b>bild</b>](https://evil.example/x.png)',
    );
    expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:a@example.se',
      'tel:+4660000000',
      '/uppsala/kalender',
    ]);
    expect(doc.querySelectorAll('img, b')).toEqual([]);
    expect(doc.text).toContain('en <b>bild</b>');
  });

  describe('images', () => {
    const id = '0b7c6a52-3f1e-4c55-9d2a-1f4e5a6b7c8d';
    const sources = {
      src: `/filer/${id}/karta.png`,
      srcset: `/filer/${id}/w480/karta.png 480w, /filer/${id}/karta.png 1200w`,
      width: 1200,
      height: 800,
    };
    const offered = (fileId: string) => (fileId === id ? sources : undefined);

    it('shows an offered platform file with its alt text, sizes and every width', () => {
      const doc = parse(
        safeMarkdown(`Se kartan:\n\n![Karta över länet](/filer/${id}/karta.png)`, { images: offered }),
      );
      const img = doc.querySelector('img.sv-body-image')!;
      expect(img.getAttribute('alt')).toBe('Karta över länet');
      expect(img.getAttribute('src')).toBe(sources.src);
      expect(img.getAttribute('srcset')).toBe(sources.srcset);
      expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1200', '800']);
      // a narrower copy's address names the same file
      const narrow = parse(safeMarkdown(`![Karta](/filer/${id}/w480/karta.png)`, { images: offered }));
      expect(narrow.querySelector('img')?.getAttribute('src')).toBe(sources.src);
    });

    it('shows the alt text instead where the file is not offered, has no alt text, or is not a platform file', () => {
      const other = 'ffffffff-3f1e-4c55-9d2a-1f4e5a6b7c8d';
      for (const text of [
        `![Annan sidas bild](/filer/${other}/x.png)`,
        `![Karta](/filer/${id}/karta.png)`, // not offered: no images option
        `![Karta](https://evil.example/filer/${id}/karta.png)`,
        `![Karta](/filer/${id}/karta.png" onerror="alert(1))`,
      ])
        expect(parse(safeMarkdown(text)).querySelector('img'), text).toBeNull();
      expect(
        parse(safeMarkdown(`![](/filer/${id}/karta.png)`, { images: offered })).querySelector('img'),
      ).toBeNull();
      expect(parse(safeMarkdown(`![Annan](/filer/${other}/x.png)`, { images: offered })).text.trim()).toBe(
        'Annan',
      );
    });

    it('lists the images a text asks for, with the platform file each names', () => {
      expect(
        markdownImagesOf(
          `# Rubrik\n\n- ![Karta *över* länet](/filer/${id}/karta.png)\n\n![](https://x.example/a.png)`,
        ),
      ).toEqual([
        { src: `/filer/${id}/karta.png`, fileId: id, alt: 'Karta över länet' },
        { src: 'https://x.example/a.png', fileId: null, alt: '' },
      ]);
      expect(platformFileIdOf(`/filer/${id}/w960/karta.jpg`)).toBe(id);
      expect(platformFileIdOf(`/filer/${id}/../../etc/passwd`)).toBeNull();
      expect(platformFileIdOf('/filer/inte-ett-id/a.png')).toBeNull();
    });
  });

  it('an empty text is nothing', () => {
    expect(safeMarkdown('  \n ')).toBe('');
  });
});
