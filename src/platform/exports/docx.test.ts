import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  columnWidths,
  dataTable,
  heading,
  image,
  paragraph,
  quotation,
  renderDocument,
  textBlock,
  title,
} from './docx.ts';

// The smallest valid PNG: one transparent pixel.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function open(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footers: await Promise.all(footers.map(read)),
  };
}

describe('the Word building blocks', () => {
  it('make a document with a title, headings, text, a table with a header row and an image with alt text', async () => {
    const file = await renderDocument({
      title: 'Rapport om <något>',
      children: [
        title('Rapport om <något>'),
        heading('Första delen', 1),
        heading('Underrubrik', 2),
        paragraph('Vanlig text med å, ä och ö.'),
        ...textBlock('Rad ett\n\n  Rad två  ', 'Inget skrivet.'),
        ...textBlock('   ', 'Inget skrivet.'),
        dataTable(
          ['Kommun', 'Antal'],
          [
            ['Borås', '4'],
            ['Öckerö', '12'],
          ],
          { numeric: [1], weights: [3, 1] },
        ),
        image({
          png: PIXEL,
          width: 1200,
          height: 600,
          name: 'diagram-1',
          title: 'Diagram',
          description: 'Staplar.',
        }),
        ...quotation(' Ett citat. ', 'Borås stad'),
      ],
    });
    const { document } = await open(file);
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('Rapport om &lt;något&gt;');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('>Rad ett<');
    expect(document).toContain('>Rad två<');
    expect(document).toContain('>Inget skrivet.<');
    // the header row repeats on every page and is announced as such
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(document).toContain('<w:jc w:val="right"/>');
    // scaled down to the text column (600 px), aspect kept; 1 px = 9525 EMU
    expect(document).toContain(`cx="${600 * 9525}" cy="${300 * 9525}"`);
    expect(document).toContain('descr="Staplar."');
    expect(document).toContain('>”Ett citat.”<');
    expect(document).toContain('>– Borås stad<');
  });

  it('number the pages in the footer and set the language to Swedish', async () => {
    const { footers, styles } = await open(await renderDocument({ title: 'T', children: [paragraph('x')] }));
    expect(footers).toHaveLength(1);
    const footer = footers[0]!;
    expect(footer).toContain('Sida ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(styles).toContain('w:val="sv-SE"');
  });

  it('make every column at least as wide as its longest word, so Word breaks no word, and keep the page width', () => {
    const header = ['Åtgärd', 'Status', 'Målgrupp', 'Ansvarig', 'Startdatum', 'Rapporterad av'];
    const rows = [
      [
        'Samverkan kring våldsutsatta',
        'Vidtagen',
        'Ungdomar',
        'Socialförvaltningen',
        '2026-03-01',
        'Enköpings kommun',
      ],
    ];
    const widths = columnWidths(header, rows, [3.5, 1.8, 2, 2.4, 2.3, 2.4]);
    // 10 pt Arial: 110 twips a character on average, and the cell's margins
    const need = (word: string) => [...word].length * 110 + 200;
    expect(widths[3]).toBeGreaterThanOrEqual(need('Socialförvaltningen'));
    expect(widths[4]).toBeGreaterThanOrEqual(need('Startdatum'));
    expect(widths[1]).toBeGreaterThanOrEqual(need('Vidtagen'));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11906 - 2 * 1440);
    // Columns with room to spare keep their weights' order.
    expect(widths[0]).toBeGreaterThan(widths[2]!);
  });
});
