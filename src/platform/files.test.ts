import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../tests/factories.ts';
import { buildTestApp, testConfig, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient } from '../../tests/helpers/client.ts';
import { testDatabase } from '../../tests/helpers/db.ts';
import {
  makeDocx,
  makeExe,
  makeHollowDocx,
  makeImage,
  makePdf,
  makeText,
  makeXlsm,
  makeXlsx,
  multipartBody,
} from '../../tests/helpers/files.ts';
import type { Db } from '../db/client.ts';
import { hasRole } from './authz.ts';
import { ValidationError } from './errors.ts';
import {
  attachFile,
  DETACHED_LIFETIME_MS,
  detachFile,
  detectKind,
  DiskFileStore,
  fileUrl,
  Files,
  findFile,
  IMAGE_KINDS,
  imageSources,
  type FileRow,
  type StageOptions,
  type Upload,
} from './files.ts';
import { files as filesTable } from './tables.ts';
import { uploadOf } from './uploads.ts';

const upload = (bytes: Buffer, filename: string, truncated = false): Upload => ({
  field: 'file',
  filename,
  bytes,
  truncated,
});

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-files-'));

describe('files recognised by their bytes, never by their names', () => {
  it('knows a PDF, a Word document, an Excel workbook, a PNG and a JPEG made by their own writers', async () => {
    expect(detectKind(makePdf())).toBe('pdf');
    expect(detectKind(await makeDocx())).toBe('docx');
    expect(detectKind(await makeXlsx())).toBe('xlsx');
    expect(detectKind(await makeImage('png', 20, 10))).toBe('png');
    expect(detectKind(await makeImage('jpeg', 20, 10))).toBe('jpeg');
  });

  it('knows none of a program, a text file, a macro workbook, a zip naming a part it lacks, or an empty file', async () => {
    expect(detectKind(makeExe())).toBeUndefined();
    expect(detectKind(makeText())).toBeUndefined();
    expect(detectKind(await makeXlsm())).toBeUndefined();
    expect(detectKind(await makeHollowDocx())).toBeUndefined();
    expect(
      detectKind(await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' })),
    ).toBeUndefined();
    expect(detectKind(Buffer.alloc(0))).toBeUndefined();
    // A PDF's first line without its end is a text file that starts like one.
    expect(detectKind(Buffer.from('%PDF-1.4\nnothing else here\n'))).toBeUndefined();
  });
});

describe('the file store on disk', () => {
  it('keeps, streams and removes bytes by key, and answers undefined for a key it lacks', async () => {
    const dir = tempDir();
    const store = new DiskFileStore(dir);
    const key = '0a1b2c3d-0000-4000-8000-000000000000/original';
    await store.put(key, Buffer.from('innehåll'));
    expect((await buffer((await store.get(key))!)).toString()).toBe('innehåll');
    expect(fs.readdirSync(path.join(dir, '0a'))).toEqual(['0a1b2c3d-0000-4000-8000-000000000000']);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
    await store.delete(key);
    // The file's folder goes with its last variant.
    expect(fs.readdirSync(path.join(dir, '0a'))).toEqual([]);
  });

  it('refuses a key that would climb out of its folder', async () => {
    const store = new DiskFileStore(tempDir());
    await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/Ogiltig filnyckel/);
    await expect(store.get('a/../../b')).rejects.toThrow(/Ogiltig filnyckel/);
  });
});

describe('uploads checked, prepared and kept', () => {
  let db: Db;
  let files: Files;
  let dir: string;
  let uploader: TestUser;
  let other: TestUser;
  const opts = (over: Partial<StageOptions> = {}): StageOptions => ({
    field: 'file',
    name: 'Filen',
    kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'],
    ownerKind: 'test',
    countyCode: '03',
    actorId: uploader.id,
    public: true,
    ...over,
  });
  const bytesOf = async (file: FileRow, variant: 'original' | `w${number}` = 'original') =>
    buffer((await files.open(file, variant))!);
  const refusal = async (u: Upload, over: Partial<StageOptions> = {}) => {
    const err = await files.stage(u, opts(over)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).fieldErrors;
  };

  beforeAll(async () => {
    db = (await testDatabase()).db;
    dir = tempDir();
    files = new Files(db, new DiskFileStore(dir), 1024 * 1024);
    uploader = await createTestUser(db, 'county_editor', { countyCode: '03' });
    other = await createTestUser(db, 'county_editor', { countyCode: '03' });
  });

  it('scales a photo to the widths narrower than itself and re-encodes it without its GPS position', async () => {
    const photo = await makeImage('jpeg', 2000, 1000, { gps: true });
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('Testkamera');
    const file = await files.stage(upload(photo, 'Sommarbild från Sundsvall.JPG'), opts());
    expect(file).toMatchObject({
      kind: 'jpeg',
      contentType: 'image/jpeg',
      width: 2000,
      height: 1000,
      variantWidths: [480, 960, 1600],
      ownerId: null,
      originalName: 'Sommarbild från Sundsvall.JPG',
      createdBy: uploader.id,
    });
    const stored = await bytesOf(file);
    expect(file.size).toBe(stored.length);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('Testkamera');
    for (const width of [480, 960, 1600]) {
      const variant = await sharp(await bytesOf(file, `w${width}`)).metadata();
      expect([variant.width, variant.height, variant.exif]).toEqual([width, width / 2, undefined]);
    }
    expect(imageSources(file)).toEqual({
      src: fileUrl(file, 'w960'),
      srcset: `${fileUrl(file, 'w480')} 480w, ${fileUrl(file, 'w960')} 960w, ${fileUrl(file, 'w1600')} 1600w, ${fileUrl(file)} 2000w`,
      width: 2000,
      height: 1000,
    });
    expect(fileUrl(file)).toBe(`/filer/${file.id}/sommarbild-fran-sundsvall.jpg`);
  });

  it('never enlarges a small image, and turns a photo upright by its orientation before dropping it', async () => {
    const small = await files.stage(upload(await makeImage('png', 300, 200), 'logga.png'), opts());
    expect([small.width, small.height, small.variantWidths]).toEqual([300, 200, []]);
    expect((await sharp(await bytesOf(small)).metadata()).format).toBe('png');

    const sideways = await makeImage('jpeg', 1000, 600, { orientation: 6 });
    const upright = await files.stage(upload(sideways, 'telefon.jpg'), opts());
    expect([upright.width, upright.height, upright.variantWidths]).toEqual([600, 1000, [480]]);
    expect((await sharp(await bytesOf(upright)).metadata()).orientation).toBeUndefined();
  });

  it('keeps documents as they came, read back by their own libraries', async () => {
    const docx = await makeDocx('Överenskommelse om samverkan');
    const word = await files.stage(upload(docx, 'Överenskommelse.docx'), opts());
    expect(word).toMatchObject({ kind: 'docx', width: null, variantWidths: [] });
    const storedWord = await bytesOf(word);
    expect(storedWord.equals(docx)).toBe(true);
    const xml = await (await JSZip.loadAsync(storedWord)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Överenskommelse om samverkan');

    const excel = await files.stage(upload(await makeXlsx(), 'insatser.xlsx'), opts());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await bytesOf(excel)).buffer);
    expect(workbook.getWorksheet('Insatser')!.getRow(2).getCell(1).value).toBe('Föräldrastöd');

    const pdf = await files.stage(upload(makePdf(), 'protokoll.pdf'), opts());
    expect(pdf.contentType).toBe('application/pdf');
    expect((await bytesOf(pdf)).toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
  });

  it('refuses a renamed program or text file, a wrong kind, an empty, a cut-off or a broken file beside the field, keeping nothing', async () => {
    const rows = async () =>
      (await db.select({ id: filesTable.id }).from(filesTable).where(eq(filesTable.createdBy, uploader.id)))
        .length;
    const [before, rowsBefore] = [fs.readdirSync(dir).length, await rows()];
    expect(
      await refusal(upload(makeExe(), 'bild.png'), { field: 'image', name: 'Bilden', kinds: IMAGE_KINDS }),
    ).toEqual({
      image:
        'Bilden måste vara en PNG-bild eller en JPEG-bild; filen du valde är inte det (det är innehållet som avgör, inte filnamnet)',
    });
    expect((await refusal(upload(makeText(), 'dokument.pdf'))).file).toMatch(
      /^Filen måste vara en PDF, ett Word-dokument/,
    );
    expect((await refusal(upload(makePdf(), 'bild.jpg'), { kinds: IMAGE_KINDS })).file).toMatch(/måste vara/);
    expect((await refusal(upload(await makeXlsm(), 'budget.xlsx'))).file).toMatch(/måste vara/);
    expect((await refusal(upload(Buffer.alloc(0), 'tom.pdf'))).file).toBe(
      'Filen är tom: välj en fil med innehåll',
    );
    expect((await refusal(upload(makePdf(), 'stor.pdf', true))).file).toBe(
      'Filen är för stor: en fil får vara högst 1 MB',
    );
    const broken = Buffer.concat([(await makeImage('png', 50, 50)).subarray(0, 40), Buffer.alloc(200, 7)]);
    expect((await refusal(upload(broken, 'trasig.png'))).file).toMatch(
      /^Filen kunde inte läsas som PNG-bild/,
    );
    expect([fs.readdirSync(dir).length, await rows()]).toEqual([before, rowsBefore]);
  });

  it('attaches only the uploader’s own unattached file, of the owner’s kind and county; detached files go a day later', async () => {
    const image = await files.stage(upload(await makeImage('png', 600, 400), 'a.png'), opts());
    const to = (over: Partial<Parameters<typeof attachFile>[2]> = {}) => ({
      ownerKind: 'test',
      ownerId: 'owner-1',
      countyCode: '03',
      actorId: uploader.id,
      kinds: IMAGE_KINDS,
      field: 'image',
      ...over,
    });
    const gone = { image: 'Filen finns inte längre: välj den igen' };
    await expect(attachFile(db, image.id, to({ actorId: other.id }))).rejects.toMatchObject({
      fieldErrors: gone,
    });
    await expect(attachFile(db, image.id, to({ countyCode: '22' }))).rejects.toMatchObject({
      fieldErrors: gone,
    });
    await expect(attachFile(db, image.id, to({ ownerKind: 'page' }))).rejects.toMatchObject({
      fieldErrors: gone,
    });
    await expect(attachFile(db, image.id, to({ kinds: ['pdf'] }))).rejects.toMatchObject({
      fieldErrors: gone,
    });
    await expect(attachFile(db, 'inte-ett-id', to())).rejects.toMatchObject({ fieldErrors: gone });

    const attached = await attachFile(db, image.id, to());
    expect([attached.ownerId, attached.detachedAt]).toEqual(['owner-1', null]);
    // Saving the owner again with the same file is no change; another person saving it may keep it.
    expect((await attachFile(db, image.id, to({ actorId: other.id }))).ownerId).toBe('owner-1');
    // Another owner cannot take it.
    await expect(attachFile(db, image.id, to({ ownerId: 'owner-2' }))).rejects.toMatchObject({
      fieldErrors: gone,
    });

    // Purged only once unattached for a day: not while attached, not an hour after being let go of.
    const dayLater = new Date(Date.now() + DETACHED_LIFETIME_MS + 60_000);
    await files.purgeDetached(dayLater);
    expect(await findFile(db, image.id)).toBeDefined();
    await detachFile(db, image.id, { kind: 'test', id: 'owner-1' });
    expect((await findFile(db, image.id))!.ownerId).toBeNull();
    await files.purgeDetached(new Date(Date.now() + 3600_000));
    expect(await findFile(db, image.id)).toBeDefined();
    await files.purgeDetached(dayLater);
    expect(await findFile(db, image.id)).toBeUndefined();
    expect(await files.open(image, 'original')).toBeUndefined();
    expect(await files.open(image, 'w480')).toBeUndefined();
    expect(fs.existsSync(path.join(dir, image.id.slice(0, 2), image.id))).toBe(false);
  });
});

describe('uploads over HTTP and files served by address', () => {
  let t: TestApp;
  let anonymous: TestClient;
  let admin03: TestClient;
  let admin22: TestClient;
  let uploaderClient: TestClient;
  let uploader: TestUser;
  /** owners of kind 'test' that are public now */
  const publicOwners = new Set<string>();

  beforeAll(async () => {
    t = await buildTestApp({
      config: testConfig({ MAX_UPLOAD_MB: '1' }),
      extend: (app) => {
        app.deps.files.registerOwner('test', {
          isPublic: async (_db, file) => publicOwners.has(file.ownerId ?? ''),
          mayView: async (_db, file, actor) => hasRole(actor, 'county_admin', file.countyCode),
        });
        // A form that takes a file, and one that does not.
        app.post(
          '/prov/uppladdning',
          { config: { access: { kind: 'public' }, uploads: true } },
          async (req, reply) => {
            const file = uploadOf(req, 'file');
            let error: string | undefined;
            if (file && req.actor.kind === 'user') {
              await app.deps.files
                .stage(file, {
                  field: 'file',
                  name: 'Filen',
                  kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'],
                  ownerKind: 'test',
                  countyCode: '03',
                  actorId: req.actor.id,
                  public: true,
                })
                .catch((e: unknown) => {
                  if (!(e instanceof ValidationError)) throw e;
                  error = e.fieldErrors.file;
                });
            }
            return reply.code(error ? 400 : 200).send({
              body: req.body,
              files: (req.uploads ?? []).map((u) => ({ ...u, bytes: u.bytes.length })),
              error,
            });
          },
        );
        app.post('/prov/formular', { config: { access: { kind: 'public' } } }, async (req) => ({
          body: req.body,
        }));
      },
    });
    const make = async (role: 'county_admin' | 'county_editor', county: string) => {
      const user = await createTestUser(t.app.deps.db, role, { countyCode: county });
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      return { user, client };
    };
    anonymous = new TestClient(t.app);
    admin03 = (await make('county_admin', '03')).client;
    admin22 = (await make('county_admin', '22')).client;
    ({ user: uploader, client: uploaderClient } = await make('county_editor', '03'));
  });
  afterAll(() => t.close());

  const json = (page: { body: string }) =>
    JSON.parse(page.body) as {
      body: Record<string, unknown>;
      files: Array<Record<string, unknown>>;
      error?: string;
    };

  it('answers 415 to a multipart body on a route that takes no files, before reading it', async () => {
    const token = await anonymous.csrfToken();
    const page = await anonymous.postMultipart('/prov/formular', { _csrf: token, title: 'x' }, [], {
      checkPage: false,
    });
    expect(page.status).toBe(415);
    expect((await anonymous.post('/prov/formular', { _csrf: token, title: 'x' })).status).toBe(200);
  });

  it('checks the CSRF token of a multipart form like any other', async () => {
    const image = await makeImage('png', 50, 50);
    const files = [{ field: 'file', filename: 'a.png', bytes: image }];
    const missing = await uploaderClient.postMultipart('/prov/uppladdning', { title: 'x' }, files, {
      checkPage: false,
    });
    expect(missing.status).toBe(403);
    const wrong = await uploaderClient.postMultipart(
      '/prov/uppladdning',
      { _csrf: 'fel', title: 'x' },
      files,
      {
        checkPage: false,
      },
    );
    expect(wrong.status).toBe(403);
    const token = await uploaderClient.csrfToken();
    const ok = await uploaderClient.postMultipart('/prov/uppladdning', { _csrf: token, title: 'x' }, files, {
      checkPage: false,
    });
    expect(ok.status).toBe(200);
  });

  it('holds a multipart form’s text fields to the limits and cleaning of every form, its files beside them', async () => {
    const token = await anonymous.csrfToken();
    const page = await anonymous.postMultipart(
      '/prov/uppladdning',
      { _csrf: token, title: 'Rå\u0000d\r\nrad två', themes: ['a', 'b'] },
      [{ field: 'file', filename: 'dokument.pdf', type: 'application/pdf', bytes: makePdf() }],
      { checkPage: false },
    );
    expect(page.status).toBe(200);
    const answer = json(page);
    expect(answer.body).toMatchObject({ title: 'Råd\nrad två', themes: ['a', 'b'] });
    expect(answer.files).toEqual([
      { field: 'file', filename: 'dokument.pdf', bytes: makePdf().length, truncated: false },
    ]);
    const long = await anonymous.postMultipart(
      '/prov/uppladdning',
      { _csrf: token, title: 'å'.repeat(100_001) },
      [],
      {
        checkPage: false,
      },
    );
    expect(long.status).toBe(413);
  });

  it('refuses a file over the size limit beside its field, reading the rest of the form', async () => {
    const token = await uploaderClient.csrfToken();
    const page = await uploaderClient.postMultipart(
      '/prov/uppladdning',
      { _csrf: token, title: 'kvar' },
      [
        {
          field: 'file',
          filename: 'stor.pdf',
          bytes: Buffer.concat([makePdf(), Buffer.alloc(1024 * 1024 + 10)]),
        },
      ],
      { checkPage: false },
    );
    expect(page.status).toBe(400);
    const answer = json(page);
    expect(answer.error).toBe('Filen är för stor: en fil får vara högst 1 MB');
    expect(answer.body.title).toBe('kvar');
    expect(answer.files[0]).toMatchObject({ truncated: true, bytes: 1024 * 1024 });
  });

  it('answers a broken, oversized or overfull multipart body with 400 or 413, never a server error', async () => {
    const token = await anonymous.csrfToken();
    const headers = (contentType: string, extra: Record<string, string> = {}) => ({
      cookie: [...anonymous.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': contentType,
      ...extra,
    });
    const { body, contentType } = multipartBody({ _csrf: token, title: 'x' });
    const cut = await t.app.inject({
      method: 'POST',
      url: '/prov/uppladdning',
      headers: headers(contentType),
      payload: body.subarray(0, body.length - 20),
    });
    expect(cut.statusCode).toBe(400);
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/prov/uppladdning',
      headers: headers('multipart/form-data'),
      payload: 'title=x',
    });
    expect(noBoundary.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/prov/uppladdning',
      headers: headers(contentType, { 'content-length': String(100 * 1024 * 1024) }),
      payload: body,
    });
    expect(huge.statusCode).toBe(413);
    const many = multipartBody(
      { _csrf: token },
      Array.from({ length: 6 }, (_, i) => ({ field: `f${i}`, filename: `${i}.pdf`, bytes: makePdf() })),
    );
    const tooMany = await t.app.inject({
      method: 'POST',
      url: '/prov/uppladdning',
      headers: headers(many.contentType),
      payload: many.body,
    });
    expect(tooMany.statusCode).toBe(413);
    const proto = multipartBody({ _csrf: token, ['__proto__']: 'b', constructor: 'c' });
    const protoRes = await t.app.inject({
      method: 'POST',
      url: '/prov/uppladdning',
      headers: headers(proto.contentType),
      payload: proto.body,
    });
    expect(protoRes.statusCode).toBeLessThan(500);
  });

  describe('served by address', () => {
    let image: FileRow;
    let docx: FileRow;
    const stageAs = async (bytes: Buffer, name: string, over: Partial<StageOptions> = {}) =>
      t.app.deps.files.stage(upload(bytes, name), {
        field: 'file',
        name: 'Filen',
        kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'],
        ownerKind: 'test',
        countyCode: '03',
        actorId: uploader.id,
        public: true,
        ...over,
      });
    const attach = (file: FileRow, ownerId: string) =>
      attachFile(t.app.deps.db, file.id, {
        ownerKind: 'test',
        ownerId,
        countyCode: '03',
        actorId: uploader.id,
        kinds: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'],
        field: 'file',
      });

    beforeAll(async () => {
      image = await attach(await stageAs(await makeImage('png', 1000, 500), 'Affisch.png'), 'published');
      docx = await attach(await stageAs(await makeDocx(), 'Plan för 2026.docx'), 'published');
      publicOwners.add('published');
    });

    it('sends a public file to anyone, cached for a year by its immutable address, and 304 for its ETag', async () => {
      const page = await anonymous.get(fileUrl(image));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('image/png');
      expect(page.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(page.headers['content-disposition']).toBe('inline; filename="Affisch.png"');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(page.headers['content-length'])).toBe(image.size);
      const etag = String(page.headers.etag);
      const again = await t.app.inject({
        method: 'GET',
        url: fileUrl(image),
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const narrow = await t.app.inject({ method: 'GET', url: fileUrl(image, 'w480') });
      expect(narrow.statusCode).toBe(200);
      expect((await sharp(narrow.rawPayload).metadata()).width).toBe(480);
      expect(narrow.headers.etag).not.toBe(etag);
      // The name is only for the reader.
      expect((await anonymous.get(`/filer/${image.id}/annat-namn.png`)).status).toBe(200);
      const word = await anonymous.get(fileUrl(docx));
      expect(word.headers['content-disposition']).toBe(
        `attachment; filename="Plan for 2026.docx"; filename*=UTF-8''Plan%20f%C3%B6r%202026.docx`,
      );
    });

    it('answers 404 for a width not stored, an unknown or malformed id', async () => {
      expect((await anonymous.get(fileUrl(image, 'w1600'))).status).toBe(404);
      expect((await anonymous.get(`/filer/${image.id}/x480/a.png`)).status).toBe(404);
      expect((await anonymous.get('/filer/00000000-0000-4000-8000-000000000000/a.png')).status).toBe(404);
      expect((await anonymous.get('/filer/inte-ett-id/a.png')).status).toBe(404);
    });

    it('never sends a file whose owner is not public to anyone but those the owner lets see it', async () => {
      const draft = await attach(await stageAs(await makeImage('jpeg', 600, 300), 'utkast.jpg'), 'draft');
      expect((await anonymous.get(fileUrl(draft))).status).toBe(404);
      expect((await anonymous.get(fileUrl(draft, 'w480'))).status).toBe(404);
      expect((await admin22.get(fileUrl(draft))).status).toBe(404);
      const seen = await admin03.get(fileUrl(draft));
      expect(seen.status).toBe(200);
      expect(seen.headers['cache-control']).toBe('private, no-store');
      // Once the owner is public, so is the file.
      publicOwners.add('draft');
      expect((await anonymous.get(fileUrl(draft))).status).toBe(200);
      publicOwners.delete('draft');
      expect((await anonymous.get(fileUrl(draft))).status).toBe(404);
    });

    it('keeps an internal file internal even when its owner is public', async () => {
      const internal = await attach(await stageAs(makePdf(), 'internt.pdf', { public: false }), 'published');
      expect((await anonymous.get(fileUrl(internal))).status).toBe(404);
      expect((await admin03.get(fileUrl(internal))).status).toBe(200);
    });

    it('shows an unattached upload to its uploader alone', async () => {
      const staged = await stageAs(await makeImage('png', 100, 100), 'ny.png');
      expect((await uploaderClient.get(fileUrl(staged))).status).toBe(200);
      expect((await admin03.get(fileUrl(staged))).status).toBe(404);
      expect((await anonymous.get(fileUrl(staged))).status).toBe(404);
    });

    it('answers 404, not an error, when the bytes are missing from the store', async () => {
      const lost = await attach(await stageAs(makePdf(), 'borta.pdf'), 'published');
      await t.app.deps.files.store.delete(`${lost.id}/original`);
      expect((await anonymous.get(fileUrl(lost))).status).toBe(404);
      await t.app.deps.db.delete(filesTable).where(eq(filesTable.id, lost.id));
    });
  });
});
