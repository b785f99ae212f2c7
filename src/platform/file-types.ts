import { inflateRawSync } from 'node:zlib';

/**
 * The kinds of file the platform takes, each recognised by its bytes (never by its name or the type the
 * browser claimed): a renamed program or text file is none of them.
 */
export const FILE_KINDS = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    label: 'Word-dokument (.docx)',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    label: 'Excel-fil (.xlsx)',
  },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG-bild' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG-bild' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export const IMAGE_KINDS = ['png', 'jpeg'] as const satisfies readonly FileKind[];
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx'] as const satisfies readonly FileKind[];
export const ALL_KINDS = [...DOCUMENT_KINDS, ...IMAGE_KINDS] as const satisfies readonly FileKind[];

export const isImageKind = (kind: FileKind): kind is (typeof IMAGE_KINDS)[number] =>
  (IMAGE_KINDS as readonly FileKind[]).includes(kind);

/** "en PDF, ett Word-dokument (.docx) eller en PNG-bild": the kinds a field takes, for its hint and message. */
export function kindsInWords(kinds: readonly FileKind[]): string {
  const words = kinds.map((k) => `${k === 'docx' || k === 'xlsx' ? 'ett' : 'en'} ${FILE_KINDS[k].label}`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words.at(-1)!}`;
}

/**
 * The main part an Office Open XML package's [Content_Types].xml must name for it to be that kind. A
 * macro-enabled workbook or document (.xlsm, .docm) names another content type and is refused.
 */
const OOXML_MAIN = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
} as const;

/** [Content_Types].xml is a few kilobytes; a larger one (a zip bomb's) is not read. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The kind of file these bytes are, or undefined for anything the platform does not take. */
export function detectKind(bytes: Buffer): FileKind | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (isPdf(bytes)) return 'pdf';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return ooxmlKind(bytes);
  return undefined;
}

/** "%PDF-1.x" at the start and "%%EOF" at the end (after trailing white space), as every PDF writer leaves. */
function isPdf(bytes: Buffer): boolean {
  if (!/^%PDF-\d\.\d/.test(bytes.subarray(0, 8).toString('latin1'))) return false;
  return bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF', 0, 'latin1');
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a zip file's central directory; undefined when it is not a readable zip. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record: in the last 22 + 65 535 (a comment's largest) bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, uncompressed (stored or deflated), or undefined when it cannot be read within the limit. */
function readEntry(bytes: Buffer, entry: ZipEntry, limit: number): Buffer | undefined {
  if (entry.size > limit) return undefined;
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return undefined;
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch {
    return undefined;
  }
}

/** docx or xlsx: a zip whose [Content_Types].xml names the kind's main part, and that part is in the zip. */
function ooxmlKind(bytes: Buffer): FileKind | undefined {
  const entries = zipEntries(bytes);
  const types = entries?.find((e) => e.name === '[Content_Types].xml');
  if (!entries || !types) return undefined;
  const xml = readEntry(bytes, types, MAX_CONTENT_TYPES_BYTES)?.toString('utf8');
  if (!xml) return undefined;
  for (const kind of ['docx', 'xlsx'] as const) {
    for (const override of xml.match(/<Override\b[^>]*>/g) ?? []) {
      const type = /ContentType="([^"]*)"/.exec(override)?.[1];
      const part = /PartName="\/?([^"]*)"/.exec(override)?.[1];
      if (type === OOXML_MAIN[kind] && part && entries.some((e) => e.name === part)) return kind;
    }
  }
  return undefined;
}
