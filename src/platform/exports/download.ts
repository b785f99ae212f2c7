/** The files the application offers for download, by extension. */
export const DOWNLOAD_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar; charset=utf-8',
  pdf: 'application/pdf',
} as const;

export type DownloadExtension = keyof typeof DOWNLOAD_TYPES;

/** The MIME type of a file name's extension; an extension not listed is a programming error. */
export function downloadTypeOf(filename: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext && Object.hasOwn(DOWNLOAD_TYPES, ext)) return DOWNLOAD_TYPES[ext as DownloadExtension];
  throw new Error(`Okänd filtyp för nedladdning: ${filename}`);
}

/** A file name without path, control characters or characters that break the header. */
function cleanName(filename: string): string {
  const base = filename.split(/[/\\]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    .filter((c) => c >= ' ' && c !== '\u007f' && c !== '"')
    .join('')
    .trim();
  return clean || 'fil';
}

/** Plain ASCII for old clients: å, ä, ö lose their marks, anything else unsafe becomes "_". */
function asciiName(filename: string): string {
  return filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
}

/** RFC 5987 value-chars: percent-encoded UTF-8, leaving only attr-char as it is. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` with an ASCII `filename` every client understands and the real name as `filename*`
 * (RFC 6266 / 5987), which browsers prefer: "Lägesbild Västra Götaland.docx" arrives with its å, ä and ö.
 * `inline` for a file the browser may show itself (an image, a PDF), named the same way if saved.
 */
export function contentDisposition(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name = cleanName(filename);
  const ascii = asciiName(name);
  return ascii === name
    ? `${disposition}; filename="${ascii}"`
    : `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
