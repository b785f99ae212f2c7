import type { App } from '../../src/app.ts';
import { createContact } from '../../src/modules/site/contacts.ts';
import {
  addPageFile,
  createPage,
  PAGE_ATTACHMENT,
  PAGE_FILE_OWNER,
  publishPage,
  saveDraft,
} from '../../src/modules/site/pages.ts';
import type { UserActor } from '../../src/platform/authz.ts';
import { makePdf } from '../helpers/files.ts';

/**
 * A published free page of a county's site with a PDF attached, and a contact: the ids the editorial routes
 * take (`pageId`, `revisionId`, `fileId`, `contactId`). Each call makes a page of its own (its slug numbered
 * when the first one's is taken).
 */
export async function sitePageWorld(
  app: App,
  actor: UserActor,
  countyCode: string,
  title = 'Sidan i testet',
): Promise<{ pageId: string; revisionId: string; fileId: string; contactId: string; path: string }> {
  const db = app.deps.db;
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
  const page = await createPage(db, actor, countyCode, { title, slug });
  const ref = { countyCode, pageId: page.id };
  const revision = await saveDraft(db, actor, ref, { title, body: 'Text i testet' });
  const file = await app.deps.files.stage(
    { field: PAGE_ATTACHMENT.field, filename: 'plan.pdf', bytes: makePdf(), truncated: false },
    { ...PAGE_ATTACHMENT, ownerKind: PAGE_FILE_OWNER, countyCode, actorId: actor.id, public: true },
  );
  await addPageFile(db, actor, ref, { fileRef: file.id, title: 'Planen' });
  await publishPage(db, actor, ref, { when: 'now' });
  const contact = await createContact(db, actor, countyCode, { kind: 'person', name: 'Kontakt i testet' });
  return {
    pageId: page.id,
    revisionId: revision.id,
    fileId: file.id,
    contactId: contact.id,
    path: page.slug,
  };
}
