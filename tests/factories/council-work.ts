import type { App } from '../../src/app.ts';
import type { UserActor } from '../../src/platform/authz.ts';
import {
  addAgendaItem,
  addDocument,
  councilOverview,
  formCouncil,
  planMeeting,
  recordDecision,
} from '../../src/modules/councils/index.ts';
import { findCountyBoard } from '../../src/modules/reference/index.ts';
import { makePdf } from '../helpers/files.ts';

/** The ids a council's work room takes: the council, its own body, a meeting with an agenda item, a decision. */
export interface CouncilWorkIds {
  councilSlug: string;
  councilId: string;
  bodyId: string;
  meetingId: string;
  itemId: string;
  decisionId: string;
  documentId: string;
}

/**
 * A council in the county, convened by its county board, with a meeting of the council itself next year (an
 * item on its agenda), a decision in its register and a public document with its PDF: what the work room's routes take as parameters.
 */
export async function councilWork(
  app: App,
  admin: UserActor,
  countyCode: string,
  /** a council of the county to give the work to, instead of a new one */
  existing?: { id: string; slug: string },
): Promise<CouncilWorkIds> {
  const db = app.deps.db;
  const board = (await findCountyBoard(db, countyCode))!;
  const council =
    existing ??
    (await formCouncil(
      db,
      admin,
      countyCode,
      { name: `Råd för social hållbarhet ${countyCode}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board.id },
    ));
  const body = (await councilOverview(db, countyCode, council.id)).tree[0]!;
  const meeting = await planMeeting(app.deps, admin, countyCode, council.id, {
    bodyId: body.id,
    title: 'Rådsmöte',
    date: `${new Date().getUTCFullYear() + 1}-03-15`,
    startTime: '13.00',
    endTime: '15.00',
    location: 'Länsstyrelsen',
  });
  const item = await addAgendaItem(
    app.deps,
    admin,
    { countyCode, councilId: council.id, meetingId: meeting.id },
    'Lägesbild',
  );
  const decision = await recordDecision(db, admin, countyCode, council.id, {
    decidedOn: '2024-03-01',
    bodyId: body.id,
    title: 'Samverkansplan',
    validity: 'until_further_notice',
  });
  const file = await app.deps.files.stage(
    { field: 'file', filename: 'samverkansplan.pdf', bytes: makePdf('Samverkansplan'), truncated: false },
    {
      field: 'file',
      kinds: ['pdf', 'docx'],
      name: 'Filen',
      ownerKind: 'council_document_versions',
      countyCode,
      actorId: admin.id,
      public: false,
    },
  );
  const document = await addDocument(
    db,
    admin,
    countyCode,
    council.id,
    { kind: 'collaboration_plan', title: 'Samverkansplan', public: 'yes' },
    { fileRef: file.id },
  );
  return {
    councilSlug: council.slug,
    councilId: council.id,
    bodyId: body.id,
    meetingId: meeting.id,
    itemId: item.id,
    decisionId: decision.id,
    documentId: document.id,
  };
}
