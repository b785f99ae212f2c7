import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, isUser, type Actor } from './authz.ts';
import { NotFoundError } from './errors.ts';
import { contentDisposition } from './exports/download.ts';
import {
  downloadNameOf,
  findFile,
  isImageKind,
  type FileKind,
  type FileRow,
  type Files,
  type Variant,
} from './files.ts';

/** A public file's bytes never change under its address (a new version is a new file): cached for a year. */
const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
/** A file shown only to those allowed: never kept by a browser or a proxy. */
const PRIVATE_CACHE = 'private, no-store';

/**
 * Whether the actor may see the file, and so how it is sent: 'public' when it is marked public and its owner
 * says so now (the event is published), 'private' for those the owner lets see it meanwhile (the county's
 * organisers) and for the uploader of a file not yet attached; otherwise not at all (404, as if it did not
 * exist: a link to an unpublished file is never public).
 */
export async function fileVisibility(
  files: Files,
  file: FileRow,
  actor: Actor,
): Promise<'public' | 'private' | undefined> {
  if (file.ownerId === null) return isUser(actor) && actor.id === file.createdBy ? 'private' : undefined;
  const owner = files.ownerOf(file.ownerKind);
  if (!owner) return undefined;
  if (file.public && (await owner.isPublic(files.db, file))) return 'public';
  if (isUser(actor) && (await owner.mayView(files.db, file, actor))) return 'private';
  return undefined;
}

/**
 * Files by address: `/filer/{id}/{name}` (the file) and `/filer/{id}/w{width}/{name}` (an image's narrower
 * copy). The name is only for the reader; the id decides. Public to anyone, with long caching and an ETag;
 * otherwise only to those the owner lets see it, never cached; to everyone else 404.
 */
export function registerFileRoutes(app: FastifyInstance, files: Files): void {
  const send = async (req: FastifyRequest, reply: FastifyReply, id: string, variant: Variant) => {
    const file = await findFile(files.db, id);
    const visibility = file && (await fileVisibility(files, file, req.actor));
    if (!file || !visibility) throw new NotFoundError();
    const etag = `"${file.sha256.slice(0, 32)}-${variant}"`;
    const cache = visibility === 'public' ? PUBLIC_CACHE : PRIVATE_CACHE;
    if (req.headers['if-none-match'] === etag)
      return reply.code(304).header('etag', etag).header('cache-control', cache).send();
    const stream = await files.open(file, variant);
    if (!stream) {
      req.log.warn({ fileId: file.id, variant }, 'file bytes missing from the store');
      throw new NotFoundError();
    }
    const kind = file.kind as FileKind;
    // The file itself is as long as recorded; a narrower copy's length is not kept, so it goes chunked.
    if (variant === 'original') reply.header('content-length', file.size);
    return reply
      .type(file.contentType)
      .header('etag', etag)
      .header('cache-control', cache)
      .header(
        'content-disposition',
        contentDisposition(
          downloadNameOf(file),
          isImageKind(kind) || kind === 'pdf' ? 'inline' : 'attachment',
        ),
      )
      .send(stream);
  };
  const config = { access: access.public() };
  app.get<{ Params: { id: string; name: string } }>('/filer/:id/:name', { config }, (req, reply) =>
    send(req, reply, req.params.id, 'original'),
  );
  app.get<{ Params: { id: string; variant: string; name: string } }>(
    '/filer/:id/:variant/:name',
    { config },
    (req, reply) => {
      if (!/^w\d{1,5}$/.test(req.params.variant)) throw new NotFoundError();
      return send(req, reply, req.params.id, req.params.variant as Variant);
    },
  );
}
