import type { App } from '../../src/app.ts';
import {
  cancelRegistration,
  createEvent,
  publishEvent,
  register,
  type EventInput,
  type EventRow,
  type RegistrationResult,
} from '../../src/modules/events/index.ts';
import { insertQuestionnaire, type Definition } from '../../src/modules/forms/index.ts';
import { findCountyBoard } from '../../src/modules/reference/index.ts';
import { mailDirOf, readMailbox } from '../../src/platform/mail.ts';
import { createTestUser, uniqueEmail, type TestUser } from './users.ts';

const DAY = 86_400_000;

export interface EventOptions {
  /** länskod (default Uppsala, 03) */
  county?: string;
  /** places (default unlimited) */
  capacity?: number | null;
  /** days from now to the start (default 14) */
  startsInDays?: number;
  /** left a draft (default published) */
  draft?: boolean;
  title?: string;
  placeKind?: 'address' | 'digital';
  /** registration questions (default none): REGISTRATION_QUESTIONS */
  questions?: boolean;
}

/** Two registration questions: a required choice and a free text about needs. */
export const REGISTRATION_QUESTIONS: Definition = {
  areas: [],
  sections: [
    {
      id: 'anmalan',
      title: 'Frågor till deltagarna',
      questions: [
        {
          id: 'deltar',
          type: 'single',
          label: 'Hur deltar du?',
          required: true,
          role: 'other',
          options: [
            { value: 'plats', label: 'På plats' },
            { value: 'distans', label: 'På distans' },
          ],
        },
        { id: 'behov', type: 'text', label: 'Kost eller tillgänglighet', required: false, role: 'other' },
      ],
    },
  ],
};

export interface MadeRegistration extends RegistrationResult {
  email: string;
  name: string;
}

/**
 * Events test data through the events services: a published event of a county, registrations (with their
 * personal link's token), and an offered place with the token its offer mail carries.
 */
export function eventFactories(app: App) {
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

  const make = {
    async event(opts: EventOptions = {}): Promise<EventRow> {
      const countyCode = opts.county ?? '03';
      const admin = await adminOf(countyCode);
      const board = await findCountyBoard(db, countyCode);
      if (!board) throw new Error(`länet ${countyCode} saknar länsstyrelse`);
      const questionnaireVersionId = opts.questions
        ? (
            await insertQuestionnaire(db, {
              scope: { owner: 'events', countyCode },
              title: 'Anmälningsfrågor',
              createdBy: admin.id,
              definition: REGISTRATION_QUESTIONS,
            })
          ).id
        : null;
      const startsAt = new Date(Date.now() + (opts.startsInDays ?? 14) * DAY);
      startsAt.setUTCHours(11, 0, 0, 0);
      const input: EventInput = {
        title: opts.title ?? `Testevenemang ${Math.random().toString(36).slice(2, 8)}`,
        summary: 'Ett evenemang för tester.',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        placeKind: opts.placeKind ?? 'address',
        address: opts.placeKind === 'digital' ? null : 'Storgatan 1, Uppsala',
        meetingLink: opts.placeKind === 'digital' ? 'https://mote.example/hemlig' : null,
        capacity: opts.capacity ?? null,
        registrationClosesAt: new Date(startsAt.getTime() - DAY),
        organisationIds: [board.id],
        questionnaireVersionId,
      };
      const event = await createEvent(deps, admin.actor, countyCode, input);
      if (opts.draft) return event;
      return publishEvent(deps, admin.actor, { countyCode, eventId: event.id });
    },

    /** A public registration for the event (confirmed or on the waiting list, as places allow). */
    async registration(
      event: EventRow,
      opts: {
        name?: string;
        email?: string;
        organisationName?: string;
        /** the questions' form fields (q_<id>) */
        answers?: Record<string, string>;
      } = {},
    ): Promise<MadeRegistration> {
      const email = opts.email ?? uniqueEmail('anmald');
      const name = opts.name ?? 'Anna Andersson';
      const made = await register(
        deps,
        { countyCode: event.countyCode, eventId: event.id },
        {
          name,
          email,
          organisationName: opts.organisationName ?? 'Tierps kommun',
          organisationType: 'municipality',
          municipalityCode: '0360',
          consent: true,
          questionFields: opts.answers ?? {},
        },
      );
      return { ...made, email, name };
    },

    /**
     * A place offered to someone on the waiting list: an event with one place, taken by one registrant who
     * cancels, so the next in line is offered it. Returns the offered registration and the token of its
     * offer mail's link (read from the mail, which is sent to the file mailbox).
     */
    async offer(opts: Omit<EventOptions, 'capacity'> = {}) {
      const event = await make.event({ ...opts, capacity: 1 });
      const first = await make.registration(event, { name: 'Först Försteson' });
      const waiting = await make.registration(event, { name: 'Väntan Väntansdotter' });
      if (waiting.status !== 'waiting') throw new Error('den andra anmälan hamnade inte på väntelistan');
      await cancelRegistration(deps, first.token);
      const offerToken = await mailedLink(waiting.email, /\/anmalan\/erbjudande\/([\w-]+)/);
      return { event, first, waiting, offerToken };
    },
  };

  /** Sends the queued mail to the file mailbox and reads the link in the newest message to `email`. */
  async function mailedLink(email: string, link: RegExp): Promise<string> {
    await app.jobs.runDue();
    for (const mail of await readMailbox(mailDirOf(deps.config.dataDir), 20)) {
      const token = mail.to === email ? link.exec(mail.text)?.[1] : undefined;
      if (token) return token;
    }
    throw new Error(`inget e-brev med länk till ${email}`);
  }

  return make;
}

export type EventFactories = ReturnType<typeof eventFactories>;
