import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type SharpFactory from 'sharp';
import type { Config } from '../config.ts';
import type { Db, Executor } from '../db/client.ts';
import type { UserActor } from './authz.ts';
import { ValidationError } from './errors.ts';
import { FILE_KINDS, detectKind, isImageKind, kindsInWords, type FileKind } from './file-types.ts';
import { files } from './tables.ts';
import { isUuid } from './validation.ts';

export * from './file-types.ts';

// ---- The store: bytes by key -----------------------------------------------------------------------------

/**
 * Where files' bytes live: the disk under the data folder today, object storage (S3 and its kin) tomorrow, by
 * implementing these three. Keys are written once and never overwritten (a file never changes; a new version
 * is a new file), so a store needs no locking and any copy of it is exact. Metadata is in the `files` table.
 */
export interface FileStore {
  /** keeps bytes under a key (`<file id>/<variant>`) */
  put(key: string, bytes: Buffer): Promise<void>;
  /** the key's bytes as a stream, or undefined when the store has none */
  get(key: string): Promise<Readable | undefined>;
  /** removes a key's bytes; removing what is not there is no error */
  delete(key: string): Promise<void>;
}

const KEY_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** A key's segments, checked: nothing that could climb out of the store's folder. */
function segmentsOf(key: string): string[] {
  const segments = key.split('/');
  if (!segments.every((s) => KEY_SEGMENT.test(s) && s !== '..'))
    throw new Error(`Ogiltig filnyckel: ${JSON.stringify(key)}`);
  return segments;
}

/**
 * The file store on disk, in a folder (FILES_DIR, by default the data folder's `files/`): `ab/abcd…/w480`, a
 * folder per file under the first two characters of its id. A write goes to a temporary name, is flushed to
 * disk and then renamed, so a reader never meets half a file.
 */
export class DiskFileStore implements FileStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    const segments = segmentsOf(key);
    return path.join(this.dir, segments[0]!.slice(0, 2), ...segments);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, bytes, { flush: true });
    await fs.promises.rename(tmp, file);
  }

  async get(key: string): Promise<Readable | undefined> {
    try {
      const handle = await fs.promises.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.promises.rm(file, { force: true });
    // The file's folder goes with its last variant; a folder still holding one stays.
    await fs.promises.rmdir(path.dirname(file)).catch(() => undefined);
  }
}

// ---- Checking and preparing an upload ------------------------------------------------------------------

/** A file as it arrived in a multipart form (src/platform/uploads.ts): read whole, or cut at the size limit. */
export interface Upload {
  field: string;
  /** the name the sender's computer gave it (only shown, never trusted) */
  filename: string;
  bytes: Buffer;
  /** the file was larger than the limit and was cut: it is refused */
  truncated: boolean;
}

/** An upload field left empty: a browser sends the part with no name and no bytes. */
export const isEmptyUpload = (u: Upload | undefined): boolean =>
  !u || (u.filename === '' && u.bytes.length === 0 && !u.truncated);

/** The widths an image is offered at (srcset); only those narrower than the image are made. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** An image larger than this on its longer side is stored at this size (no page shows it larger). */
export const IMAGE_MAX_SIDE = 3200;
/** A picture of more pixels is refused before it is decoded (a small file can claim a huge image). */
const IMAGE_MAX_PIXELS = 50_000_000;

const megabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** What a field takes and what it is called in messages ("Bilden", "Dokumentet"). */
export interface UploadRule {
  /** the field's name in the form, where its message goes */
  field: string;
  kinds: readonly FileKind[];
  /** the field's name in a message, capitalised: "Bilden" */
  name: string;
}

/** The upload's kind when it is one the field takes and within the size; else the message beside the field. */
export function checkUpload(
  upload: Upload,
  rule: UploadRule,
  maxBytes: number,
): { kind: FileKind } | { error: string } {
  if (upload.truncated || upload.bytes.length > maxBytes)
    return { error: `${rule.name} är för stor: en fil får vara högst ${megabytes(maxBytes)}` };
  if (upload.bytes.length === 0) return { error: `${rule.name} är tom: välj en fil med innehåll` };
  const kind = detectKind(upload.bytes);
  if (!kind || !rule.kinds.includes(kind))
    return {
      error: `${rule.name} måste vara ${kindsInWords(rule.kinds)}; filen du valde är inte det (det är innehållet som avgör, inte filnamnet)`,
    };
  return { kind };
}

interface Prepared {
  /** the bytes stored as the file itself: an image re-encoded (its metadata, GPS included, left out) */
  original: Buffer;
  width: number | null;
  height: number | null;
  variants: Map<number, Buffer>;
}

/** sharp (libvips, some 26 MB resident) loads with the first image uploaded, not at every start. */
let sharpLoaded: Promise<typeof SharpFactory> | undefined;
const loadSharp = () => (sharpLoaded ??= import('sharp').then((m) => m.default));

/**
 * An image turned upright (by its EXIF orientation), re-encoded in its own format at most IMAGE_MAX_SIDE on its
 * longer side, and scaled to each of IMAGE_WIDTHS narrower than itself (never enlarged). Re-encoding drops
 * every piece of metadata — camera, time, GPS position — as sharp writes none unless asked to.
 */
async function prepareImage(bytes: Buffer, kind: 'png' | 'jpeg'): Promise<Prepared> {
  const sharp = await loadSharp();
  const pipeline = (width?: number) => {
    const image = sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error' })
      .timeout({ seconds: 30 })
      .rotate();
    const sized = width
      ? image.resize({ width, withoutEnlargement: true })
      : image.resize({
          width: IMAGE_MAX_SIDE,
          height: IMAGE_MAX_SIDE,
          fit: 'inside',
          withoutEnlargement: true,
        });
    return kind === 'jpeg'
      ? sized.jpeg({ quality: 82, mozjpeg: true })
      : sized.png({ compressionLevel: 9, adaptiveFiltering: true });
  };
  const { data, info } = await pipeline().toBuffer({ resolveWithObject: true });
  const variants = new Map<number, Buffer>();
  for (const width of IMAGE_WIDTHS.filter((w) => w < info.width)) {
    variants.set(width, await pipeline(width).toBuffer());
  }
  return { original: data, width: info.width, height: info.height, variants };
}

// ---- Owners: who decides whether a file is public ------------------------------------------------------------

export type FileRow = typeof files.$inferSelect;

/**
 * What a module that owns files tells the platform, for one owner kind ('event', later 'council-document',
 * 'page'): whether a file of that kind is public now (the event published), and who else may see it while
 * it is not (the county's organisers). A module declares its owners in its descriptor (`fileOwners`).
 */
export interface FileOwner {
  /** whether anyone may see the file now; asked only for files marked public */
  isPublic(db: Db, file: FileRow): Promise<boolean>;
  /** whether a signed-in person may see the file while it is not public */
  mayView(db: Db, file: FileRow, actor: UserActor): Promise<boolean>;
}

/** The variant a URL names: the file itself or one of its narrower copies. */
export type Variant = 'original' | `w${number}`;

const keyOf = (id: string, variant: Variant): string => `${id}/${variant}`;

/** The variants of a file that are stored. */
export const variantsOf = (file: Pick<FileRow, 'variantWidths'>): Variant[] => [
  'original',
  ...file.variantWidths.map((w): Variant => `w${w}`),
];

/** A readable last part of a file's address: the name it came with, plain, with its kind's extension. */
export function urlNameOf(file: Pick<FileRow, 'originalName' | 'kind'>): string {
  const base = file.originalName
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'fil'}.${FILE_KINDS[file.kind as FileKind].extension}`;
}

/** The name a file is saved under: the name it came with, its extension replaced by its kind's. */
export function downloadNameOf(file: Pick<FileRow, 'originalName' | 'kind'>): string {
  const base = file.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'fil';
  return `${base}.${FILE_KINDS[file.kind as FileKind].extension}`;
}

/** The address of a file (or of one of an image's narrower copies). */
export function fileUrl(
  file: Pick<FileRow, 'id' | 'originalName' | 'kind'>,
  variant: Variant = 'original',
): string {
  return variant === 'original'
    ? `/filer/${file.id}/${urlNameOf(file)}`
    : `/filer/${file.id}/${variant}/${urlNameOf(file)}`;
}

/** What an `<img>` needs to let the browser pick the width it shows: `src`, `srcset`, `width`, `height`. */
export interface ImageSources {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/** The image's sources for srcset: each stored width and the image itself; `src` a middle width for old browsers. */
export function imageSources(
  file: Pick<FileRow, 'id' | 'originalName' | 'kind' | 'width' | 'height' | 'variantWidths'>,
): ImageSources {
  const width = file.width ?? 0;
  const height = file.height ?? 0;
  const candidates = [
    ...file.variantWidths.map((w) => ({ url: fileUrl(file, `w${w}`), w })),
    { url: fileUrl(file), w: width },
  ];
  const src = candidates.find((c) => c.w >= 960)?.url ?? fileUrl(file);
  return { src, srcset: candidates.map((c) => `${c.url} ${c.w}w`).join(', '), width, height };
}

// ---- The files: metadata and bytes together ------------------------------------------------------------

/** An unattached file lives this long (a form that failed elsewhere can still use it), then it is deleted. */
export const DETACHED_LIFETIME_MS = 24 * 3600 * 1000;

export interface StageOptions extends UploadRule {
  ownerKind: string;
  countyCode: string | null;
  actorId: string;
  /** false: an internal file, never public whatever its owner's state */
  public: boolean;
}

/** The owner a service attaches a file to, inside its transaction. */
export interface Attachment {
  ownerKind: string;
  ownerId: string;
  countyCode: string | null;
  /** the one who saves: only their own unattached uploads (or the owner's own file) may be attached */
  actorId: string;
  /** the kinds the owner takes (an event's image: png or jpeg) */
  kinds: readonly FileKind[];
  /** the field the file came from, for the message when it cannot be attached */
  field: string;
}

/**
 * The platform's one file store for every capability (events' images, councils' documents, public pages'
 * files): uploads checked by content and size, images scaled and re-encoded, bytes in a FileStore, metadata in
 * `files`, each file's publicity decided by its owner's hook.
 */
export class Files {
  private readonly owners = new Map<string, FileOwner>();

  constructor(
    readonly db: Db,
    readonly store: FileStore,
    readonly maxBytes: number,
  ) {}

  /** Registers the hook of an owner kind (from the modules' descriptors, at start). */
  registerOwner(kind: string, owner: FileOwner): void {
    if (this.owners.has(kind)) throw new Error(`Filägaren ${kind} finns redan`);
    this.owners.set(kind, owner);
  }

  ownerOf(kind: string): FileOwner | undefined {
    return this.owners.get(kind);
  }

  /**
   * Checks an upload and keeps it, unattached, for the uploader: the form it came with may still fail
   * elsewhere, and is shown again with the file kept (its id in a hidden field). A service attaches it to its
   * owner when the form is saved (`attachFile`). Wrong kind, empty or too large: ValidationError on the field.
   */
  async stage(upload: Upload, opts: StageOptions): Promise<FileRow> {
    const checked = checkUpload(upload, opts, this.maxBytes);
    if ('error' in checked) throw new ValidationError({ [opts.field]: checked.error });
    const { kind } = checked;
    let prepared: Prepared;
    if (isImageKind(kind)) {
      try {
        prepared = await prepareImage(upload.bytes, kind);
      } catch {
        throw new ValidationError({
          [opts.field]: `${opts.name} kunde inte läsas som ${FILE_KINDS[kind].label}: filen är skadad eller för stor (högst ${IMAGE_MAX_PIXELS / 1_000_000} miljoner bildpunkter)`,
        });
      }
    } else prepared = { original: upload.bytes, width: null, height: null, variants: new Map() };

    const id = randomUUID();
    const keys: string[] = [];
    try {
      for (const [variant, bytes] of [
        ['original', prepared.original] as const,
        ...[...prepared.variants].map(([w, b]) => [`w${w}` as Variant, b] as const),
      ]) {
        keys.push(keyOf(id, variant));
        await this.store.put(keyOf(id, variant), bytes);
      }
      const [row] = await this.db
        .insert(files)
        .values({
          id,
          countyCode: opts.countyCode,
          ownerKind: opts.ownerKind,
          ownerId: null,
          kind,
          contentType: FILE_KINDS[kind].contentType,
          size: prepared.original.length,
          sha256: createHash('sha256').update(prepared.original).digest('hex'),
          originalName: cleanOriginalName(upload.filename),
          width: prepared.width,
          height: prepared.height,
          variantWidths: [...prepared.variants.keys()],
          public: opts.public,
          createdBy: opts.actorId,
          detachedAt: new Date(),
        })
        .returning();
      return row!;
    } catch (err) {
      await Promise.all(keys.map((k) => this.store.delete(k).catch(() => undefined)));
      throw err;
    }
  }

  /** A file's bytes (or one variant's) as a stream; undefined when the variant does not exist or is missing. */
  async open(file: FileRow, variant: Variant): Promise<Readable | undefined> {
    if (!variantsOf(file).includes(variant)) return undefined;
    return this.store.get(keyOf(file.id, variant));
  }

  /**
   * Deletes the files that have been unattached for longer than DETACHED_LIFETIME_MS (uploads whose form was
   * never saved, images replaced or removed): rows first, then their bytes. Run by the job runner.
   */
  async purgeDetached(now = new Date()): Promise<number> {
    const gone = await this.db
      .delete(files)
      .where(and(isNull(files.ownerId), lt(files.detachedAt, new Date(now.getTime() - DETACHED_LIFETIME_MS))))
      .returning({ id: files.id, variantWidths: files.variantWidths });
    for (const file of gone) {
      for (const variant of variantsOf(file)) await this.store.delete(keyOf(file.id, variant));
    }
    return gone.length;
  }
}

/** The sender's file name without its path or control characters, for display (at most 200 characters). */
function cleanOriginalName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim();
  return (clean || 'fil').slice(0, 200);
}

/** One file by id (any owner); a malformed id is simply not found. */
export async function findFile(db: Executor, id: string): Promise<FileRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return row;
}

/** The files attached to an owner, oldest first. */
export async function filesOf(db: Executor, ownerKind: string, ownerId: string): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerKind, ownerKind), eq(files.ownerId, ownerId)))
    .orderBy(files.createdAt);
}

/**
 * Attaches a file to its owner inside the owner's transaction: it must be of the owner's kind and county and
 * either the actor's own unattached upload or already the owner's. Anything else (an id from another form,
 * an upload already purged) is a ValidationError on the field: the file must be chosen again.
 */
export async function attachFile(tx: Executor, fileId: string, to: Attachment): Promise<FileRow> {
  const [file] = isUuid(fileId)
    ? await tx.select().from(files).where(eq(files.id, fileId)).for('update')
    : [];
  const own =
    file &&
    file.ownerKind === to.ownerKind &&
    file.countyCode === to.countyCode &&
    to.kinds.includes(file.kind as FileKind) &&
    (file.ownerId === to.ownerId || (file.ownerId === null && file.createdBy === to.actorId));
  if (!file || !own) throw new ValidationError({ [to.field]: 'Filen finns inte längre: välj den igen' });
  if (file.ownerId === to.ownerId) return file;
  const [row] = await tx
    .update(files)
    .set({ ownerId: to.ownerId, detachedAt: null })
    .where(eq(files.id, file.id))
    .returning();
  return row!;
}

/**
 * Lets go of an owner's file (an image replaced or removed) inside the owner's transaction: it is no longer
 * shown anywhere, and the job runner deletes it with its bytes a day later (so a backup taken meanwhile
 * still finds them; see docs/architecture.md).
 */
/**
 * Marks an owner's files public or internal (a council's document made internal): an internal file is never
 * served to the public, whatever its owner's hook says.
 */
export async function setFilesPublic(
  tx: Executor,
  ownerKind: string,
  ownerIds: string[],
  isPublic: boolean,
): Promise<void> {
  if (ownerIds.length === 0) return;
  await tx
    .update(files)
    .set({ public: isPublic })
    .where(and(eq(files.ownerKind, ownerKind), inArray(files.ownerId, ownerIds)));
}

export async function detachFile(
  tx: Executor,
  fileId: string,
  owner: { kind: string; id: string },
): Promise<void> {
  if (!isUuid(fileId)) return;
  await tx
    .update(files)
    .set({ ownerId: null, detachedAt: sql`now()` })
    .where(and(eq(files.id, fileId), eq(files.ownerKind, owner.kind), eq(files.ownerId, owner.id)));
}

/** The application's file store: on disk in FILES_DIR (the data folder's files/ by default). */
export function createFiles(db: Db, config: Pick<Config, 'filesDir' | 'maxUploadBytes'>): Files {
  return new Files(db, new DiskFileStore(config.filesDir), config.maxUploadBytes);
}
