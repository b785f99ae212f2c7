import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';

/**
 * Real files for upload tests, made by the libraries that write them: images by sharp, a Word document by
 * docx, a workbook by exceljs, a PDF written out by hand with a correct cross-reference table; and files that
 * must be refused whatever they are called (a program, a text file, a macro workbook, a zip).
 */

/** A photo-like image (a gradient, so it compresses like one) of the given size. */
export async function makeImage(
  kind: 'png' | 'jpeg',
  width: number,
  height: number,
  opts: { gps?: boolean; orientation?: number } = {},
): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128;
    }
  let image = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.gps)
    image = image.withExif({
      IFD0: { Make: 'Testkamera', Model: 'GPS 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 51/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '17/1 38/1 0/1',
      },
    });
  if (opts.orientation) image = image.withMetadata({ orientation: opts.orientation });
  return kind === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

export async function makeDocx(text = 'Samverkansplan 2026'): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(doc);
}

export async function makeXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Insatser');
  sheet.addRow(['Insats', 'Status']);
  sheet.addRow(['Föräldrastöd', 'pågår']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-page PDF with its text, every object's offset right in the xref table. */
export function makePdf(text = 'Protokoll'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The start of a Windows program (MZ header, PE signature) and random bytes: what "bild.png" may really be. */
export function makeExe(): Buffer {
  const header = Buffer.alloc(128);
  header.write('MZ', 0, 'latin1');
  header.writeUInt32LE(64, 60);
  header.write('PE\0\0', 64, 'latin1');
  return Buffer.concat([header, randomBytes(2048)]);
}

export const makeText = (): Buffer =>
  Buffer.from('Det här är bara text, fast filen heter dokument.pdf\n', 'utf8');

/** A zip with a [Content_Types].xml naming a macro-enabled workbook's main part (.xlsm): not an .xlsx. */
export async function makeXlsm(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
  );
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/vbaProject.bin', randomBytes(64));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A zip whose [Content_Types].xml names a Word main part that is not in it. */
export async function makeHollowDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface FilePart {
  field: string;
  filename: string;
  /** the type the browser claims (never trusted) */
  type?: string;
  bytes: Buffer;
}

/** A multipart/form-data body as a browser sends it: text fields, then files. */
export function multipartBody(
  fields: Record<string, string | string[]>,
  files: FilePart[] = [],
): { body: Buffer; contentType: string } {
  const boundary = `----samverkan${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`,
          'utf8',
        ),
      );
    }
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
