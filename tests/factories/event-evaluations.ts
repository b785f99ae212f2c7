import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import { queryRows } from '../../src/db/client.ts';
import {
  chooseEvaluation,
  createEvent,
  EVALUATION_DELAY_HOURS,
  evaluationToken,
  publishEvent,
  register,
  sendEvaluations,
  type EventRow,
} from '../../src/modules/events/index.ts';
import { insertQuestionnaire, type Definition } from '../../src/modules/forms/index.ts';
import { findCountyBoard } from '../../src/modules/reference/index.ts';
import { createTestUser, uniqueEmail, type TestUser } from './users.ts';

const DAY = 86_400_000;

/** An evaluation nobody must answer in full: a grade and a free text, both optional. */
export const EVALUATION_QUESTIONS: Definition = {
  areas: [],
  sections: [
    {
      id: 'helhet',
      title: 'Helheten',
      questions: [
        {
          id: 'betyg',
          type: 'scale',
          label: 'Vilket betyg ger du evenemanget?',
          required: false,
          role: 'other',
          scale: { max: 5, labels: { '1': 'Dåligt', '5': 'Mycket bra' }, allowUnknown: false },
        },
        { id: 'tankar', type: 'text', label: 'Något mer du vill säga?', required: false, role: 'other' },
      ],
    },
  ],
};

/**
 * Events' questionnaires and evaluations through the services: a county's 'events' questionnaire with a
 * section and a question (for the builder's routes), and an evaluation link as its mail carries it (an event
 * with an evaluation, a registrant, the evaluation sent after the event).
 */
export function evaluationFactories(app: App) {
  const { deps } = app;
  const { db } = deps;
  const admins = new Map<string, Promise<TestUser>>();
  const adminOf = (countyCode: string) => {
    let admin = admins.get(countyCode);
    if (!admin) {
      admin = createTestUser(db, 'county_admin', { countyCode });
      admins.set(countyCode, admin);
    }
    return admin;
  };

  return {
    /** A county's questionnaire for events, version 1, with the ids the builder's routes take. */
    async questionnaire(countyCode = '03') {
      const v = await insertQuestionnaire(db, {
        scope: { owner: 'events', countyCode },
        title: `Evenemangsformulär ${Math.random().toString(36).slice(2, 8)}`,
        createdBy: null,
        definition: EVALUATION_QUESTIONS,
      });
      return {
        questionnaireId: v.questionnaireId,
        versionId: v.id,
        version: String(v.version),
        sectionId: 'helhet',
        questionId: 'betyg',
      };
    },

    /**
     * An evaluation link: an Uppsala event (ten days ahead) with an evaluation and one registrant, the
     * evaluation sent as if the event had ended. Returns the link's token and the event.
     */
    async evaluationLink(countyCode = '03'): Promise<{ token: string; event: EventRow }> {
      const admin = await adminOf(countyCode);
      const board = await findCountyBoard(db, countyCode);
      const startsAt = new Date(Date.now() + 10 * DAY);
      const made = await createEvent(deps, admin.actor, countyCode, {
        title: `Utvärderat evenemang ${Math.random().toString(36).slice(2, 8)}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        placeKind: 'address',
        address: 'Storgatan 1',
        registrationClosesAt: new Date(startsAt.getTime() - DAY),
        organisationIds: [board!.id],
      });
      const event = await publishEvent(deps, admin.actor, { countyCode, eventId: made.id });
      const ref = { countyCode, eventId: event.id };
      const { versionId } = await this.questionnaire(countyCode);
      await chooseEvaluation(deps, admin.actor, ref, versionId);
      const { registration } = await register(deps, ref, {
        name: 'Ulla Utvärdering',
        email: uniqueEmail('utvardering'),
        organisationName: 'Tierps kommun',
        consent: true,
      });
      await sendEvaluations(
        deps,
        new Date(event.endsAt.getTime() + (EVALUATION_DELAY_HOURS + 1) * 3_600_000),
        {
          eventIds: [event.id],
        },
      );
      const [invitation] = await queryRows<{ id: string }>(
        db,
        sql`select id from event_evaluation_invitations where registration_id = ${registration.id}`,
      );
      if (!invitation) throw new Error('ingen inbjudan till utvärderingen skickades');
      return { token: evaluationToken(deps.config.sessionSecret, invitation.id), event };
    },
  };
}

export type EvaluationFactories = ReturnType<typeof evaluationFactories>;
