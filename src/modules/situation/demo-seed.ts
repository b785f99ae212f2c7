import type { Db } from '../../db/client.ts';
import { findUserByEmail } from '../accounts/index.ts';
import { listOrganisations } from '../reference/index.ts';
import { endOfStockholmDay, startOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { RISK_AREAS } from './default-template.ts';
import type { Answers, Measure } from '../forms/index.ts';
import { compileRegionalPicture, snapshotOf } from './compile.ts';
import * as repo from './repository.ts';
import { ensureDefaultQuestionnaire } from './rounds.ts';

/** A small deterministic generator, so the demo looks the same on every machine. */
function rng(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

const EXPLANATIONS: Record<string, string[]> = {
  violence: [
    'Socialtjänsten ser fler orosanmälningar där barn bevittnat våld i hemmet, särskilt under helger.',
    'Kvinnojouren rapporterar att fler söker stöd, och att våldet upplevs som grövre än tidigare.',
  ],
  children: [
    'Elevhälsan signalerar ökad frånvaro och fler familjer med ekonomisk stress.',
    'Fler ansökningar om ekonomiskt bistånd från barnfamiljer, främst ensamstående föräldrar.',
  ],
  substances: [
    'Polisen och fältgruppen ser ökad tillgång till narkotika bland unga, framför allt via sociala medier.',
    'Beroendemottagningen har längre väntetider och fler återfall bland äldre med alkoholproblem.',
  ],
  mental_health: [
    'Isoleringen slår hårt mot äldre som bor ensamma; hemtjänsten rapporterar oro och nedstämdhet.',
    'Ungdomsmottagningen ser fler unga med ångest och sömnproblem.',
  ],
  unemployment: [
    'Varsel inom industrin och besöksnäringen har ökat arbetslösheten bland unga vuxna.',
    'Fler långtidsarbetslösa med försörjningsstöd; färre praktikplatser hos arbetsgivarna.',
  ],
  social_unrest: [
    'Oro i ett bostadsområde efter bränder i bilar; samverkan med polisen har förstärkts.',
    'Ryktesspridning i sociala medier har skapat oro, men inga större händelser har inträffat.',
  ],
};

const MEASURES: Record<string, Array<Omit<Measure, 'status' | 'startDate'>>> = {
  violence: [
    {
      description: 'Utökad samverkan med kvinnojouren och fler jourplatser',
      targetGroup: 'Våldsutsatta vuxna och barn',
      responsible: 'Socialtjänsten',
    },
  ],
  children: [
    {
      description: 'Familjecentral med öppna träffar två kvällar i veckan',
      targetGroup: 'Barnfamiljer',
      responsible: 'Socialtjänsten och regionen',
    },
  ],
  substances: [
    {
      description: 'Förstärkt fältarbete kvällar och helger',
      targetGroup: 'Unga 13–20 år',
      responsible: 'Fältgruppen',
    },
  ],
  mental_health: [
    {
      description: 'Telefonkedja och digitala träffar för äldre som bor ensamma',
      targetGroup: 'Äldre över 70 år',
      responsible: 'Äldreomsorgen',
    },
  ],
  unemployment: [
    {
      description: 'Extratjänster och sommarjobb i kommunal verksamhet',
      targetGroup: 'Unga vuxna',
      responsible: 'Arbetsmarknadsenheten',
    },
  ],
  social_unrest: [
    {
      description: 'Trygghetsvandringar och EST-samverkan med polisen',
      targetGroup: 'Boende i utsatta områden',
      responsible: 'Kommunens trygghetssamordnare',
    },
  ],
};

function answersFor(
  code: string,
  occasion: number,
  previous: Answers | undefined,
  measuresFrom: string,
): Answers {
  const r = rng(`${code}:${occasion}`);
  const answers: Answers = {};
  for (const a of RISK_AREAS) {
    const prev = previous?.[`${a.key}_risk`];
    const base = typeof prev === 'string' && prev !== 'unknown' ? Number(prev) : 1 + Math.floor(r() * 4);
    const drift = r() < 0.25 ? 1 : r() < 0.15 ? -1 : 0;
    const level = r() < 0.04 ? 'unknown' : String(Math.min(5, Math.max(1, base + drift)));
    answers[`${a.key}_risk`] = level;
    if (['3', '4', '5'].includes(level))
      answers[`${a.key}_explanation`] = EXPLANATIONS[a.key]![Math.floor(r() * 2)]!;
    answers[`${a.key}_change`] = !previous
      ? 'unknown'
      : drift > 0
        ? 'increased'
        : drift < 0
          ? 'decreased'
          : 'unchanged';
    if (r() < 0.6) {
      answers[`${a.key}_measures`] = MEASURES[a.key]!.map((m): Measure => ({
        ...m,
        status: r() < 0.5 ? 'taken' : 'planned',
        startDate: measuresFrom,
      }));
    }
  }
  if (r() < 0.5)
    answers.emerging_risks =
      'Ökade energi- och matpriser väntas slå mot hushåll med små marginaler under vintern.';
  return answers;
}

/** Each demo county's own analysis: three counties, three different pictures. */
const SUMMARIES: Record<string, Record<string, string>> = {
  '03': {
    violence:
      'Uppsala och Enköping beskriver fler ärenden och grövre våld; kvinnojourerna i länet har fått förstärkt stöd.',
    children:
      'Ekonomisk stress i barnfamiljer är den tydligaste signalen, särskilt bland ensamstående föräldrar i de större tätorterna.',
    substances:
      'Tillgången till narkotika bland unga uppfattas som ökande i Uppsala; fältarbetet har utökats till helgerna.',
    mental_health:
      'Studenter och unga vuxna söker oftare stöd för ångest; ungdomsmottagningarna har längre väntetider.',
    unemployment: 'Arbetslösheten är låg i länet som helhet, men ökar bland unga utan gymnasieexamen.',
    social_unrest: 'Enstaka händelser i två bostadsområden; samverkan med polisen fungerar väl.',
  },
  '19': {
    violence:
      'Västerås och Köping ser fler orosanmälningar där barn bevittnat våld; socialtjänsten prioriterar tidiga insatser.',
    children:
      'Varslen i industrin märks i barnfamiljerna: fler ansöker om ekonomiskt bistånd än för ett år sedan.',
    substances:
      'Alkoholproblem bland äldre lyfts av flera kommuner; beroendevården har förstärkts i Västerås.',
    mental_health: 'Isoleringen bland äldre i de mindre kommunerna är det största bekymret i länets svar.',
    unemployment:
      'Industrins varsel har ökat arbetslösheten i Köping, Arboga och Fagersta; Arbetsförmedlingen och kommunerna samordnar insatser.',
    social_unrest:
      'Ingen bred social oro, men ryktesspridning i sociala medier har krävt insatser vid två tillfällen.',
  },
  '22': {
    violence:
      'Våld i nära relationer rapporteras oftare i glesbygden, där vägen till stöd är lång; jourtelefonen har fått fler samtal.',
    children:
      'Barnfamiljer i inlandskommunerna har svårt att nå stöd; familjecentralerna har utökat sina öppettider.',
    substances:
      'Narkotika når unga via sociala medier även i de mindre orterna; Sundsvall och Örnsköldsvik har gemensamma insatser.',
    mental_health:
      'Utflyttningen lämnar äldre ensamma i flera kommuner; hemtjänsten ser oro och nedstämdhet.',
    unemployment: 'Arbetslösheten bland unga vuxna är högst i inlandet; fler söker sig till Sundsvall.',
    social_unrest: 'Läget är lugnt; kommunerna beskriver god samverkan med polisen och civilsamhället.',
  },
};

const DEMO_COUNTIES = ['03', '19', '22'];

const DAY = 86_400_000;

/** A month's Swedish name with a capital, e.g. "Juni 2026", for a label or a title. */
const monthOf = (d: Date) => {
  const name = new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'Europe/Stockholm' }).format(d);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${stockholmDate(d).slice(0, 4)}`;
};

/**
 * When a respondent sent its answer: most in the last days before the deadline, a few early, about one in ten
 * a day or a few late; at a working hour, Swedish time.
 */
function submissionTime(seed: string, opensAt: Date, deadlineAt: Date): Date {
  const r = rng(seed);
  const span = Math.max(2, Math.floor((deadlineAt.getTime() - opensAt.getTime()) / DAY));
  const late = r() < 0.1;
  const offset = late ? 1 + Math.floor(r() * 4) : -Math.floor(r() ** 2.5 * (span - 1));
  const date = stockholmDate(new Date(deadlineAt.getTime() + offset * DAY));
  return stockholmTime(date, 8 + Math.floor(r() * 9), Math.floor(r() * 60));
}

/** A county's answer to a submission: approved one to six working days later. */
function laterWorkingTime(seed: string, after: Date, before: Date): Date {
  const r = rng(seed);
  const at = stockholmTime(
    stockholmDate(new Date(after.getTime() + (1 + Math.floor(r() * 6)) * DAY)),
    8 + Math.floor(r() * 9),
    Math.floor(r() * 60),
  );
  return at < before ? at : new Date(before.getTime() - DAY);
}

/**
 * The demo's situational picture, placed around the day it is first seeded so that it never ages: a finished
 * national round with two occasions (the first about five months ago, the second about six weeks ago),
 * answered by every municipality of Uppsala, Västmanland and Västernorrland and compiled regionally and
 * nationally; and an open national round whose deadline is three weeks ahead, with some drafts.
 */
export async function seedSituationDemo(db: Db, now = new Date()): Promise<void> {
  if ((await repo.listNationalRounds(db)).length > 0) return;
  const versionId = await ensureDefaultQuestionnaire(db);
  const coordinator = (await findUserByEmail(db, 'nationell@demo.test'))?.id ?? null;
  const municipalities = await listOrganisations(db, { type: 'municipality' });
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * DAY));
  const dates = (opens: number, deadline: number, locks: number) => ({
    opensAt: startOfStockholmDay(day(opens)),
    deadlineAt: endOfStockholmDay(day(deadline)),
    locksAt: endOfStockholmDay(day(locks)),
  });
  const first = dates(-170, -140, -125);
  const second = dates(-75, -45, -30);
  const current = dates(-7, 21, 35);
  await db.transaction(async (tx) => {
    const finished = await repo.insertRound(tx, {
      scope: 'national',
      countyCode: null,
      title: `Social problematik och utsatthet ${stockholmDate(first.opensAt).slice(0, 4)}`,
      topic:
        'Regeringsuppdrag: kommunernas bedömning av risker för sociala problem och utsatthet, och de åtgärder som planeras eller vidtagits.',
      questionnaireVersionId: versionId,
      shareAnswersNationally: true,
      createdBy: coordinator,
      createdAt: new Date(first.opensAt.getTime() - 14 * DAY),
    });
    const [earlier, later] = await repo.insertOccasions(tx, [
      {
        roundId: finished.id,
        sequence: 1,
        label: monthOf(first.deadlineAt),
        ...first,
        reminderDaysBefore: 5,
        remindedAt: new Date(first.deadlineAt.getTime() - 5 * DAY),
      },
      {
        roundId: finished.id,
        sequence: 2,
        label: monthOf(second.deadlineAt),
        ...second,
        reminderDaysBefore: 5,
        remindedAt: new Date(second.deadlineAt.getTime() - 5 * DAY),
      },
    ]);
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: finished.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    const respondents = await repo.listRespondents(tx, finished.id);
    for (const respondent of respondents.filter((r) => DEMO_COUNTIES.includes(r.countyCode))) {
      let previous: Answers | undefined;
      for (const [i, occasion] of [earlier!, later!].entries()) {
        const code = respondent.municipalityCode ?? respondent.id;
        const measuresFrom = stockholmDate(new Date(occasion.opensAt.getTime() + 10 * DAY));
        const answers = answersFor(code, i + 1, previous, measuresFrom);
        previous = answers;
        const submittedAt = submissionTime(`${code}:sent:${i}`, occasion.opensAt, occasion.deadlineAt);
        const approvedAt = laterWorkingTime(`${code}:approved:${i}`, submittedAt, occasion.locksAt);
        const row = await repo.insertResponse(tx, {
          occasionId: occasion.id,
          respondentId: respondent.id,
          countyCode: respondent.countyCode,
          organisationId: respondent.organisationId,
          status: 'approved',
          answers,
          version: 2,
          submittedAt,
          approvedAt,
          updatedAt: approvedAt,
        });
        await repo.insertResponseVersion(tx, {
          responseId: row.id,
          version: 1,
          status: 'submitted',
          answers,
          note: null,
          changedBy: null,
          changedAt: submittedAt,
        });
        await repo.insertResponseVersion(tx, {
          responseId: row.id,
          version: 2,
          status: 'approved',
          answers,
          note: null,
          changedBy: null,
          changedAt: approvedAt,
        });
      }
    }
    for (const occasion of [earlier!, later!]) {
      for (const [n, countyCode] of DEMO_COUNTIES.entries()) {
        // Submitted as the county would: what was sent is stored with it (ADR 0004).
        const picture = await repo.lockRegionalPicture(tx, occasion.id, countyCode);
        await repo.updateRegionalPicture(tx, picture.id, {
          summaries: SUMMARIES[countyCode]!,
          quotes: [],
          updatedBy: null,
        });
        const at = stockholmTime(
          stockholmDate(new Date(occasion.locksAt.getTime() - (3 + 2 * n) * DAY)),
          10 + 2 * n,
          15 * n,
        );
        const compiled = await compileRegionalPicture(tx, { occasionId: occasion.id, countyCode });
        await repo.markRegionalPictureSubmitted(
          tx,
          picture.id,
          snapshotOf({ ...compiled, status: 'submitted', submittedAt: at }),
          at,
        );
      }
      await repo.upsertNationalPicture(tx, {
        occasionId: occasion.id,
        summaries: Object.fromEntries(
          RISK_AREAS.map((a) => [
            a.key,
            `I de tre län som rapporterat: ${DEMO_COUNTIES.map((c) => SUMMARIES[c]![a.key]!.split(';')[0]!.replace(/\.$/, '')).join('. ')}.`,
          ]),
        ),
        updatedBy: coordinator,
      });
    }

    const open = await repo.insertRound(tx, {
      scope: 'national',
      countyCode: null,
      title: `Social utsatthet – uppföljning ${stockholmDate(current.deadlineAt).slice(0, 4)}`,
      topic: 'Uppföljning: risker för social utsatthet och planerade åtgärder.',
      questionnaireVersionId: versionId,
      shareAnswersNationally: false,
      createdBy: coordinator,
      createdAt: new Date(current.opensAt.getTime() - 7 * DAY),
    });
    const [now_] = await repo.insertOccasions(tx, [
      {
        roundId: open.id,
        sequence: 1,
        label: monthOf(current.deadlineAt),
        ...current,
        reminderDaysBefore: 5,
      },
    ]);
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: open.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    const openRespondents = await repo.listRespondents(tx, open.id);
    // They were told when it opened, a week ago.
    for (const respondent of openRespondents) await repo.recordNotice(tx, now_!.id, respondent.id);
    for (const code of ['0380', '0381', '2281', '1980']) {
      const respondent = openRespondents.find((r) => r.municipalityCode === code)!;
      const answers = Object.fromEntries(Object.entries(answersFor(code, 3, undefined, day(0))).slice(0, 6));
      const savedAt = stockholmTime(day(-Math.floor(rng(`${code}:draft`)() * 6)), 9, 30);
      const row = await repo.insertResponse(tx, {
        occasionId: now_!.id,
        respondentId: respondent.id,
        countyCode: respondent.countyCode,
        organisationId: respondent.organisationId,
        status: 'draft',
        answers,
        version: 1,
        updatedAt: savedAt,
      });
      await repo.insertResponseVersion(tx, {
        responseId: row.id,
        version: 1,
        status: 'draft',
        answers,
        note: null,
        changedBy: null,
        changedAt: savedAt,
      });
    }
  });
}
