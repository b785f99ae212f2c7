import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { files } from '../../platform/tables.ts';
import { isUuid } from '../../platform/validation.ts';
import { councilDocuments, councilDocumentVersions, councils } from './tables.ts';

export type DocumentRow = typeof councilDocuments.$inferSelect;
export type VersionRow = typeof councilDocumentVersions.$inferSelect;

/** A version with what its file is: the name it came with, its kind, size and type. */
export interface VersionWithFile extends VersionRow {
  file: { id: string; originalName: string; kind: string; contentType: string; size: number };
}

export function listDocuments(db: Executor, councilId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(councilDocuments)
    .where(eq(councilDocuments.councilId, councilId))
    .orderBy(asc(councilDocuments.status), desc(councilDocuments.updatedAt));
}

/** A document of the council by id (another council's, or none: undefined). */
export async function findDocument(
  db: Executor,
  councilId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  if (!isUuid(documentId)) return undefined;
  const [row] = await db
    .select()
    .from(councilDocuments)
    .where(and(eq(councilDocuments.id, documentId), eq(councilDocuments.councilId, councilId)));
  return row;
}

export async function insertDocument(
  tx: Executor,
  values: typeof councilDocuments.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await tx.insert(councilDocuments).values(values).returning();
  return row!;
}

export async function updateDocument(
  tx: Executor,
  id: string,
  values: Partial<typeof councilDocuments.$inferInsert>,
): Promise<DocumentRow> {
  const [row] = await tx
    .update(councilDocuments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(councilDocuments.id, id))
    .returning();
  return row!;
}

/** Adds the next version (one more than the highest) of a document. */
export async function insertVersion(
  tx: Executor,
  values: { documentId: string; fileId: string; note: string; createdBy: string },
): Promise<VersionRow> {
  const [row] = await tx
    .insert(councilDocumentVersions)
    .values({
      ...values,
      version: sql`(select coalesce(max(version), 0) + 1 from council_document_versions where document_id = ${values.documentId})`,
    })
    .returning();
  return row!;
}

/** The versions of the documents, each with its file, newest first. */
export async function listVersions(db: Executor, documentIds: string[]): Promise<VersionWithFile[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .select({
      version: councilDocumentVersions,
      file: {
        id: files.id,
        originalName: files.originalName,
        kind: files.kind,
        contentType: files.contentType,
        size: files.size,
      },
    })
    .from(councilDocumentVersions)
    .innerJoin(files, eq(files.id, councilDocumentVersions.fileId))
    .where(inArray(councilDocumentVersions.documentId, documentIds))
    .orderBy(desc(councilDocumentVersions.version));
  return rows.map((r) => ({ ...r.version, file: r.file }));
}

export async function versionIdsOf(db: Executor, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: councilDocumentVersions.id })
    .from(councilDocumentVersions)
    .where(eq(councilDocumentVersions.documentId, documentId));
  return rows.map((r) => r.id);
}

/** A version's document with its council's county: what decides who sees the version's file. */
export async function documentOfVersion(db: Executor, versionId: string) {
  if (!isUuid(versionId)) return undefined;
  const [row] = await db
    .select({ document: councilDocuments, countyCode: councils.countyCode })
    .from(councilDocumentVersions)
    .innerJoin(councilDocuments, eq(councilDocuments.id, councilDocumentVersions.documentId))
    .innerJoin(councils, eq(councils.id, councilDocuments.councilId))
    .where(eq(councilDocumentVersions.id, versionId));
  return row;
}

/** Every public, current document with its council (the search index written again). */
export function listPublicDocuments(db: Executor) {
  return db
    .select({ document: councilDocuments, council: councils })
    .from(councilDocuments)
    .innerJoin(councils, eq(councils.id, councilDocuments.councilId))
    .where(and(eq(councilDocuments.public, true), eq(councilDocuments.status, 'current')));
}
