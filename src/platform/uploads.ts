import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { AppError } from './errors.ts';
import type { Upload } from './files.ts';
import { BadInputError, INPUT_LIMITS } from './input.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes files: a multipart form (`enctype="multipart/form-data"`). Every other route answers 415
     * to one, before reading it.
     */
    uploads?: boolean;
  }
  interface FastifyRequest {
    /** the files of a multipart form, in the order sent; null for any other body */
    uploads: Upload[] | null;
  }
}

/** The most files one form may carry. */
export const MAX_UPLOAD_FILES = 5;

const isMultipartType = (req: FastifyRequest): boolean =>
  /^multipart\/form-data\b/i.test(String(req.headers['content-type'] ?? ''));

/** The first file sent in a field, if any (an empty file field arrives as an upload with no name and no bytes). */
export function uploadOf(req: FastifyRequest, field: string): Upload | undefined {
  return req.uploads?.find((u) => u.field === field);
}

/**
 * Reads a multipart form: its text fields into the form shape (repeated names as lists) and its files into
 * memory, each cut at `maxFileBytes` (the cut file is marked and refused beside its field, the rest of the
 * form still read so the page comes back with the input kept). Text fields are held to the same limits as
 * any form (INPUT_LIMITS), and then cleaned by the input gate like any other body.
 */
async function readMultipart(
  req: FastifyRequest,
  maxFileBytes: number,
): Promise<{ fields: Record<string, unknown>; uploads: Upload[] }> {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const uploads: Upload[] = [];
  try {
    const parts = req.parts({
      limits: {
        fileSize: maxFileBytes,
        files: MAX_UPLOAD_FILES,
        fields: INPUT_LIMITS.fields,
        parts: INPUT_LIMITS.fields + MAX_UPLOAD_FILES,
        // A JavaScript character is at most three bytes of UTF-8 (a pair of them, four).
        fieldSize: INPUT_LIMITS.chars * 3,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        uploads.push({
          field: part.fieldname,
          filename: part.filename,
          bytes: Buffer.concat(chunks),
          truncated: part.file.truncated,
        });
        continue;
      }
      if (part.valueTruncated)
        throw new BadInputError(
          `Fältet ${part.fieldname} är för långt (högst ${INPUT_LIMITS.chars} tecken).`,
          413,
        );
      const before: unknown = fields[part.fieldname];
      const value: unknown = part.value;
      fields[part.fieldname] =
        before === undefined
          ? value
          : Array.isArray(before)
            ? [...(before as unknown[]), value]
            : [before, value];
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The parser's own refusals: too many fields, parts or files (413); a broken or cut-off body (400).
    if ((err as { statusCode?: number }).statusCode === 413)
      throw new BadInputError(
        `Formuläret har för många fält eller filer (högst ${INPUT_LIMITS.fields} fält och ${MAX_UPLOAD_FILES} filer).`,
        413,
      );
    throw new BadInputError('Formuläret kunde inte läsas: det kom inte fram i sin helhet. Försök igen.');
  }
  return { fields, uploads };
}

/**
 * Multipart forms, for the routes that declare `uploads: true` only. Another route is answered 415 before its
 * body is read, as before there was any upload; so is a body far beyond what a form of files can hold (by
 * its declared length), rather than reading it only to refuse it. A multipart form's text fields become the
 * request's body before the input gate (`registerInputGate`, registered after this) holds them to the limits
 * and strips control characters, as it does every form; then the CSRF check reads its token from them.
 */
export async function registerUploads(app: FastifyInstance, opts: { maxFileBytes: number }): Promise<void> {
  // A file over the limit is cut and marked (`truncated`), not thrown: it is refused beside its field.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: opts.maxFileBytes },
  });
  app.decorateRequest('uploads', null);
  const largestForm = MAX_UPLOAD_FILES * opts.maxFileBytes + 2 * 1024 * 1024;
  app.addHook('preParsing', async (req) => {
    if (!isMultipartType(req) || req.routeOptions.url === undefined) return;
    if (req.routeOptions.config.uploads !== true)
      throw new BadInputError('Formatet på det som skickades stöds inte här.', 415);
    if (Number(req.headers['content-length'] ?? 0) > largestForm)
      throw new BadInputError('Det som skickades var för stort.', 413);
  });
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const { fields, uploads } = await readMultipart(req, opts.maxFileBytes);
    req.uploads = uploads;
    req.body = fields;
  });
}
