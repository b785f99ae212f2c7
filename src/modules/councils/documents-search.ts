import type { Db, Executor } from '../../db/client.ts';
import { fileUrl } from '../../platform/files.ts';
import { clearKind, indexEntries } from '../../platform/search.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import * as docs from './documents-repository.ts';
import type { DocumentRow } from './documents-repository.ts';
import { documentKindLabels } from './labels.ts';
import type { CouncilRow } from './repository.ts';
import { urls } from './urls.ts';

/**
 * A council's document in the public search: found while it is public and current, at its newest version's
 * file (public exactly then); an internal or withdrawn one is taken out. Called in the transaction that
 * changes the document.
 */
export async function indexDocument(tx: Executor, council: CouncilRow, document: DocumentRow): Promise<void> {
  if (!document.public || document.status !== 'current') return indexEntries(tx, 'document', document.id, []);
  const [newest] = await docs.listVersions(tx, [document.id]);
  const county = findCountyByCode(council.countyCode);
  const url = newest
    ? fileUrl(newest.file)
    : urls.publicPage(county?.slug ?? council.countyCode, council.slug);
  await indexEntries(tx, 'document', document.id, [
    {
      sourceId: document.id,
      countyCode: council.countyCode,
      themeKeys: [],
      title: document.title,
      summary: `${documentKindLabels[document.kind]} – ${council.name}`,
      body: document.description,
      url,
      visibleFrom: document.createdAt,
      visibleUntil: null,
      shownDate: newest?.createdAt ?? document.updatedAt,
    },
  ]);
}

/** Every public, current document indexed again (after a restore); returns how many. */
export async function reindexDocuments(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await clearKind(tx, 'document');
    const rows = await docs.listPublicDocuments(tx);
    for (const r of rows) await indexDocument(tx, r.council, r.document);
    return rows.length;
  });
}
