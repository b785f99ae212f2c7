import { eq } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import { createInvitation } from '../../src/modules/accounts/index.ts';
import {
  allQuestions,
  insertQuestionnaire,
  isShown,
  type Answers,
  type Definition,
} from '../../src/modules/forms/index.ts';
import { findMunicipalityOrganisation, listOrganisations } from '../../src/modules/reference/index.ts';
import {
  approveResponse,
  ensureDefaultQuestionnaire,
  loadAssignment,
  openRound,
  reopenResponse,
  returnResponse,
  saveRegionalPicture,
  saveResponse,
} from '../../src/modules/situation/index.ts';
// What the situation module's index does not export: its template, its repository and its tables for the
// one state no service reaches (dates in the past).
import { defaultDefinition } from '../../src/modules/situation/default-template.ts';
import { QUESTIONNAIRE_OWNER } from '../../src/modules/situation/questionnaires.ts';
import * as repo from '../../src/modules/situation/repository.ts';
import { occasions as occasionsTable } from '../../src/modules/situation/tables.ts';
import { enqueueJob } from '../../src/platform/jobs.ts';
import { mailDirOf, readMailbox } from '../../src/platform/mail.ts';
import type { Role } from '../../src/platform/roles.ts';
import { findCountyByCode } from '../../src/platform/tenancy.ts';
import { TestClient } from '../helpers/client.ts';
import { createTestUser, uniqueEmail, type TestUser } from './users.ts';

/**
 * Where an occasion stands in time: not yet open, open for answers, past its deadline (a county may reopen
 * for one respondent) or locked.
 */
export type Window = 'upcoming' | 'open' | 'pastDeadline' | 'locked';
export type ResponseStatus = repo.ResponseRow['status'];

const DAY = 86_400_000;

export function datesOf(
  window: Window,
  now = Date.now(),
): Pick<repo.Occasion, 'opensAt' | 'deadlineAt' | 'locksAt'> {
  const at = (days: number) => new Date(now + days * DAY);
  switch (window) {
    case 'upcoming':
      return { opensAt: at(5), deadlineAt: at(15), locksAt: at(25) };
    case 'open':
      return { opensAt: at(-1), deadlineAt: at(10), locksAt: at(20) };
    case 'pastDeadline':
      return { opensAt: at(-10), deadlineAt: at(-1), locksAt: at(10) };
    case 'locked':
      return { opensAt: at(-20), deadlineAt: at(-10), locksAt: at(-1) };
  }
}

/** Answers that pass submit validation: every shown required question answered, risks at `level`. */
export function completeAnswers(definition: Definition, level = '2'): Answers {
  const answers: Answers = {};
  for (const q of allQuestions(definition)) {
    if (!isShown(q, answers)) continue;
    if (q.role === 'risk' || q.type === 'scale') answers[q.id] = level;
    else if (q.type === 'single')
      answers[q.id] = q.options?.find((o) => o.value === 'unchanged')?.value ?? q.options?.[0]?.value ?? '';
    else if (q.type === 'multiple') answers[q.id] = [q.options?.[0]?.value ?? ''];
    else if (q.type === 'yesno') answers[q.id] = 'no';
    else if (q.type === 'number') answers[q.id] = 1;
    else if (q.type === 'text' && q.required) answers[q.id] = `Bedömning på nivå ${level}: ${q.label}`;
  }
  return answers;
}

export interface MadeQuestionnaire {
  id: string;
  versionId: string;
  version: number;
  /** null: a national template */
  countyCode: string | null;
  definition: Definition;
  /** the first section and its first question, for the builder's addresses */
  sectionId: string;
  questionId: string;
}

export interface MadeRound {
  round: repo.Round;
  /** in sequence order */
  occasions: repo.Occasion[];
}

export interface MadeResponse extends MadeRound {
  occasion: repo.Occasion;
  organisation: { id: string; name: string; municipalityCode: string };
  /** a reporter of the organisation */
  reporter: TestUser;
  response: repo.ResponseRow;
}

export interface RoundOptions {
  /** a county's own round (länskod); without it a national round every county takes part in */
  county?: string;
  /** how many occasions (default 1); all get the same dates */
  occasions?: number;
  window?: Window;
  /** national rounds only (default true): the coordinator may read the answers beneath submitted pictures */
  shareAnswersNationally?: boolean;
  questionnaireVersionId?: string;
  title?: string;
  /** a test round (may be removed while nobody has answered) */
  isTest?: boolean;
}

export interface ResponseOptions {
  /** länskod of the respondent (default Uppsala, 03) */
  county?: string;
  /** kommunkod of the answering municipality (default the county's first) */
  municipality?: string;
  /** an existing round; otherwise a new county round of `county` (or a national one with `national`) */
  round?: MadeRound;
  national?: boolean;
  /** which occasion of the round (default the first) */
  occasion?: number;
  status?: ResponseStatus;
  /** the county has reopened answering after the deadline (implies window pastDeadline unless given) */
  reopened?: boolean;
  /** the answers saved (default complete answers at level 2 once submitted, one risk level for a draft) */
  answers?: Answers;
  /** where the occasion stands once the response is made (default: as it was, open for a new round) */
  window?: Window;
  /** the county then submits its regional picture of the occasion */
  pictureSubmitted?: boolean;
}

/**
 * Factories that build their parents: `make.response({ county: '03', status: 'submitted', pictureSubmitted: true })`
 * opens a county round with its occasion, answers as a reporter of the municipality, and submits the regional
 * picture, all through the module services (the actors they need are made once per app and reused).
 */
export function factories(app: App) {
  const { deps } = app;
  const { db } = deps;
  const users = new Map<string, Promise<TestUser>>();

  /** One user per role and place, made on first use. */
  const userFor = (
    role: Role,
    opts: { countyCode?: string; municipalityCode?: string } = {},
  ): Promise<TestUser> => {
    const key = `${role}:${opts.countyCode ?? ''}:${opts.municipalityCode ?? ''}`;
    let user = users.get(key);
    if (!user) {
      user = createTestUser(db, role, opts);
      users.set(key, user);
    }
    return user;
  };
  const countyAdmin = (countyCode: string) => userFor('county_admin', { countyCode });
  const reporterOf = (municipalityCode: string) => userFor('reporter', { municipalityCode });

  async function setWindow(
    occasionId: string,
    dates: Pick<repo.Occasion, 'opensAt' | 'deadlineAt' | 'locksAt'>,
  ) {
    await db.update(occasionsTable).set(dates).where(eq(occasionsTable.id, occasionId));
  }

  async function reload(made: MadeRound): Promise<MadeRound> {
    return {
      round: (await repo.findRound(db, made.round.id))!,
      occasions: await repo.listOccasions(db, made.round.id),
    };
  }

  const make = {
    /** A user with one role (county roles in `countyCode`, default Uppsala); a new one on every call. */
    user: (role: Role, opts: { countyCode?: string; municipalityCode?: string } = {}) =>
      createTestUser(db, role, opts),

    /** A lägesbild questionnaire: a copy of the default template, national or a county's own, version 1. */
    async questionnaire(
      opts: { county?: string; title?: string; definition?: Definition } = {},
    ): Promise<MadeQuestionnaire> {
      const definition = opts.definition ?? defaultDefinition;
      const countyCode = opts.county ?? null;
      const version = await insertQuestionnaire(db, {
        scope: { owner: QUESTIONNAIRE_OWNER, countyCode },
        title: opts.title ?? `Testformulär ${Math.random().toString(36).slice(2, 8)}`,
        createdBy: null,
        definition,
      });
      const section = definition.sections[0];
      return {
        id: version.questionnaireId,
        versionId: version.id,
        version: version.version,
        countyCode,
        definition,
        sectionId: section?.id ?? '',
        questionId: section?.questions[0]?.id ?? '',
      };
    },

    /** A round opened by the national coordinator, or by the county's admin for its own round. */
    async round(opts: RoundOptions = {}): Promise<MadeRound> {
      const national = opts.county === undefined;
      const actor = (national ? await userFor('national_coordinator') : await countyAdmin(opts.county!))
        .actor;
      const dates = datesOf(opts.window ?? 'open');
      const round = await openRound(
        deps,
        actor,
        national ? { kind: 'national' } : { kind: 'county', countyCode: opts.county! },
        {
          title: opts.title ?? `Testomgång ${Math.random().toString(36).slice(2, 8)}`,
          topic: 'Skapad av testerna',
          questionnaireVersionId: opts.questionnaireVersionId ?? (await ensureDefaultQuestionnaire(db)),
          shareAnswersNationally: national && (opts.shareAnswersNationally ?? true),
          isTest: opts.isTest ?? false,
          occasions: Array.from({ length: opts.occasions ?? 1 }, (_, i) => ({
            label: `Tillfälle ${i + 1}`,
            ...dates,
            reminderDaysBefore: 3,
          })),
        },
      );
      return { round, occasions: await repo.listOccasions(db, round.id) };
    },

    /**
     * A response in the requested state, with whatever it stands on: the round (unless given), the occasion,
     * the respondent's reporter and, with `pictureSubmitted`, the county's submitted regional picture.
     */
    async response(opts: ResponseOptions = {}): Promise<MadeResponse> {
      const countyCode = opts.county ?? opts.municipality?.slice(0, 2) ?? '03';
      const made = opts.round ?? (await make.round(opts.national ? {} : { county: countyCode }));
      const occasion = made.occasions[opts.occasion ?? 0];
      if (!occasion) throw new Error(`omgången har inget tillfälle ${opts.occasion ?? 0}`);
      const municipalityCode = opts.municipality ?? (await firstMunicipality(countyCode));
      const org = await findMunicipalityOrganisation(db, municipalityCode);
      if (!org) throw new Error(`kommunen ${municipalityCode} saknas`);
      const reporter = await reporterOf(municipalityCode);
      const admin = await countyAdmin(countyCode);
      const status = opts.status ?? 'draft';

      // Answering needs an open occasion; the dates asked for (or the ones it had) are set afterwards.
      await setWindow(occasion.id, datesOf('open'));
      const assignment = await loadAssignment(deps, reporter.actor, occasion.id, org.id);
      const definition = assignment.definition;
      const submit = status !== 'draft';
      let response = await saveResponse(deps, reporter.actor, assignment, {
        answers:
          opts.answers ?? (submit ? completeAnswers(definition) : { [firstRiskQuestion(definition)]: '2' }),
        // a new response starts at version 1
        expectedVersion: assignment.response?.version ?? 1,
        submit,
      });
      if (status === 'returned')
        response = await returnResponse(deps, admin.actor, response, response.version, 'Komplettera, tack.');
      if (status === 'approved')
        response = await approveResponse(deps, admin.actor, response, response.version);
      if (opts.reopened) {
        await setWindow(occasion.id, datesOf('pastDeadline'));
        response = await reopenResponse(deps, admin.actor, response, response.version);
      }
      const window = opts.window ?? (opts.reopened ? 'pastDeadline' : undefined);
      await setWindow(occasion.id, window ? datesOf(window) : occasion);
      if (opts.pictureSubmitted)
        await make.regionalPicture({ occasionId: occasion.id, county: countyCode, submitted: true });
      const fresh = await reload(made);
      return {
        ...fresh,
        occasion: fresh.occasions.find((o) => o.id === occasion.id)!,
        organisation: { id: org.id, name: org.name, municipalityCode },
        reporter,
        response: (await repo.findResponseById(db, response.id))!,
      };
    },

    /** The county's regional picture of an occasion, saved as a draft or submitted by the county admin. */
    async regionalPicture(opts: {
      occasionId: string;
      county: string;
      submitted?: boolean;
      summaries?: Record<string, string>;
      /** free-text answers quoted in the picture */
      quotes?: Array<{ responseId: string; questionId: string }>;
    }): Promise<void> {
      const body: Record<string, unknown> = Object.fromEntries(
        Object.entries(opts.summaries ?? { violence: 'Länets sammanfattning' }).map(([k, v]) => [
          `summary_${k}`,
          v,
        ]),
      );
      body.quote = (opts.quotes ?? []).map((q) => `${q.responseId}:${q.questionId}`);
      await saveRegionalPicture(db, (await countyAdmin(opts.county)).actor, {
        occasionId: opts.occasionId,
        countyCode: opts.county,
        body,
        submit: opts.submitted ?? false,
      });
    },

    /** An invitation to a county, with the token from its e-mail and the e-mail's id in the file mailbox. */
    async invitation(
      opts: { county?: string; municipality?: string; role?: 'reporter' | 'county_editor' } = {},
    ) {
      const countyCode = opts.county ?? '03';
      const admin = await countyAdmin(countyCode);
      const org = await findMunicipalityOrganisation(
        db,
        opts.municipality ?? (await firstMunicipality(countyCode)),
      );
      const email = uniqueEmail('inbjuden');
      await createInvitation(deps, { id: admin.id, name: 'Test' }, countyCode, {
        email,
        organisationId: org!.id,
        role: opts.role ?? 'reporter',
      });
      return { email, ...(await mailedLink(email, /\/inbjudan\/([\w-]+)/)) };
    },

    /** A password reset asked for through the form, with the token from its e-mail and the e-mail's id. */
    async passwordReset(user: TestUser) {
      const page = await new TestClient(app).submit('/glomt-losenord', { email: user.email });
      if (page.status !== 200) throw new Error(`återställning av lösenord gav ${page.status}`);
      return mailedLink(user.email, /\/aterstall-losenord\/([\w-]+)/);
    },
    /**
     * A single-use sign-in link for the user, as the lock-out mail carries it (the job the lock-out queues
     * sends it), with the e-mail's id.
     */
    async loginLink(user: TestUser) {
      await enqueueJob(db, 'accounts.login-link', { email: user.email });
      return mailedLink(user.email, /\/inloggningslank\/([\w-]+)/);
    },
  };

  async function firstMunicipality(countyCode: string): Promise<string> {
    if (!findCountyByCode(countyCode)) throw new Error(`länet ${countyCode} finns inte`);
    const orgs = await listOrganisations(db, { type: 'municipality', countyCode });
    const codes = orgs.map((o) => o.municipalityCode!).sort();
    if (!codes[0]) throw new Error(`länet ${countyCode} har inga kommuner`);
    return codes[0];
  }

  /** Sends the queued mail to the file mailbox and reads the link in the newest message to `email`. */
  async function mailedLink(email: string, link: RegExp): Promise<{ token: string; mailId: string }> {
    await app.jobs.runDue();
    const mail = (await readMailbox(mailDirOf(deps.config.dataDir))).find((m) => m.to === email);
    const token = mail ? link.exec(mail.text)?.[1] : undefined;
    if (!mail || !token) throw new Error(`inget e-brev med länk till ${email}`);
    return { token, mailId: mail.id };
  }

  return make;
}

export type Factories = ReturnType<typeof factories>;

function firstRiskQuestion(definition: Definition): string {
  const q = allQuestions(definition).find((x) => x.role === 'risk') ?? allQuestions(definition)[0];
  if (!q) throw new Error('formuläret har inga frågor');
  return q.id;
}
