import type { Db } from '../../db/client.ts';
import { findUserByEmail } from '../accounts/index.ts';
import { listOrganisations } from '../reference/index.ts';
import { endOfStockholmDay, startOfStockholmDay } from '../../platform/time.ts';
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

function answersFor(code: string, occasion: number, previous: Answers | undefined): Answers {
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
        startDate: occasion === 1 ? '2026-05-01' : '2026-09-15',
      }));
    }
  }
  if (r() < 0.5)
    answers.emerging_risks =
      'Ökade energi- och matpriser väntas slå mot hushåll med små marginaler under vintern.';
  return answers;
}

const SUMMARIES: Record<string, string> = {
  violence:
    'Flera kommuner beskriver fler ärenden och grövre våld. Samverkan med ideella organisationer har förstärkts.',
  children:
    'Ekonomisk stress i barnfamiljer är den tydligaste signalen; elevhälsan och socialtjänsten ser samma mönster.',
  substances:
    'Tillgången till narkotika bland unga uppfattas som ökande; fältarbete är den vanligaste åtgärden.',
  mental_health: 'Isolering bland äldre och psykisk ohälsa bland unga lyfts i de flesta svar.',
  unemployment: 'Arbetslösheten bland unga vuxna har ökat i länets industriorter.',
  social_unrest: 'Enstaka händelser men ingen bred social oro; kommunerna samverkar med polisen.',
};

const DEMO_COUNTIES = ['03', '19', '22'];

/**
 * The demo's situational picture: a finished national round "Social problematik och utsatthet" with two
 * occasions, answered by every municipality of Uppsala, Västmanland and Västernorrland and compiled
 * regionally and nationally; and an open national round with some drafts.
 */
export async function seedSituationDemo(db: Db): Promise<void> {
  if ((await repo.listNationalRounds(db)).length > 0) return;
  const versionId = await ensureDefaultQuestionnaire(db);
  const coordinator = (await findUserByEmail(db, 'nationell@demo.test'))?.id ?? null;
  const municipalities = await listOrganisations(db, { type: 'municipality' });
  await db.transaction(async (tx) => {
    const finished = await repo.insertRound(tx, {
      scope: 'national',
      countyCode: null,
      title: 'Social problematik och utsatthet 2026',
      topic:
        'Regeringsuppdrag: kommunernas bedömning av risker för sociala problem och utsatthet, och de åtgärder som planeras eller vidtagits.',
      questionnaireVersionId: versionId,
      shareAnswersNationally: true,
      createdBy: coordinator,
    });
    const [summer, october] = await repo.insertOccasions(tx, [
      {
        roundId: finished.id,
        sequence: 1,
        label: 'Före sommaren',
        opensAt: startOfStockholmDay('2026-04-15'),
        deadlineAt: endOfStockholmDay('2026-06-10'),
        locksAt: endOfStockholmDay('2026-06-30'),
        reminderDaysBefore: 5,
        remindedAt: new Date('2026-06-05T08:00:00Z'),
      },
      {
        roundId: finished.id,
        sequence: 2,
        label: 'Oktober',
        opensAt: startOfStockholmDay('2026-09-15'),
        deadlineAt: endOfStockholmDay('2026-10-15'),
        locksAt: endOfStockholmDay('2026-10-31'),
        reminderDaysBefore: 5,
        remindedAt: new Date('2026-10-10T08:00:00Z'),
      },
    ]);
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: finished.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    const respondents = await repo.listRespondents(tx, finished.id);
    for (const respondent of respondents.filter((r) => DEMO_COUNTIES.includes(r.countyCode))) {
      let previous: Answers | undefined;
      for (const [i, occasion] of [summer!, october!].entries()) {
        const answers = answersFor(respondent.municipalityCode ?? respondent.id, i + 1, previous);
        previous = answers;
        const late = rng(`${respondent.municipalityCode}:late:${i}`)() < 0.1;
        const submittedAt = new Date(occasion.deadlineAt.getTime() + (late ? 2 : -3) * 86_400_000);
        const row = await repo.insertResponse(tx, {
          occasionId: occasion.id,
          respondentId: respondent.id,
          countyCode: respondent.countyCode,
          organisationId: respondent.organisationId,
          status: 'approved',
          answers,
          version: 2,
          submittedAt,
          approvedAt: new Date(submittedAt.getTime() + 2 * 86_400_000),
        });
        await repo.insertResponseVersion(tx, {
          responseId: row.id,
          version: 1,
          status: 'submitted',
          answers,
          note: null,
          changedBy: null,
        });
        await repo.insertResponseVersion(tx, {
          responseId: row.id,
          version: 2,
          status: 'approved',
          answers,
          note: null,
          changedBy: null,
        });
      }
    }
    for (const occasion of [summer!, october!]) {
      for (const countyCode of DEMO_COUNTIES) {
        // Submitted as the county would: what was sent is stored with it (ADR 0004).
        const picture = await repo.lockRegionalPicture(tx, occasion.id, countyCode);
        await repo.updateRegionalPicture(tx, picture.id, {
          summaries: SUMMARIES,
          quotes: [],
          updatedBy: null,
        });
        const at = new Date(occasion.locksAt.getTime() - 5 * 86_400_000);
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
          Object.entries(SUMMARIES).map(([k, v]) => [
            k,
            `I de tre län som rapporterat: ${v.charAt(0).toLowerCase()}${v.slice(1)}`,
          ]),
        ),
        updatedBy: coordinator,
      });
    }

    const open = await repo.insertRound(tx, {
      scope: 'national',
      countyCode: null,
      title: 'Lägesbild vintern 2026/27',
      topic: 'Uppföljning inför vintern: risker för social utsatthet och planerade åtgärder.',
      questionnaireVersionId: versionId,
      shareAnswersNationally: false,
      createdBy: coordinator,
    });
    const [winter] = await repo.insertOccasions(tx, [
      {
        roundId: open.id,
        sequence: 1,
        label: 'December',
        opensAt: startOfStockholmDay('2026-11-16'),
        deadlineAt: endOfStockholmDay('2026-12-18'),
        locksAt: endOfStockholmDay('2027-01-08'),
        reminderDaysBefore: 5,
      },
    ]);
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: open.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    const openRespondents = await repo.listRespondents(tx, open.id);
    for (const code of ['0380', '0381', '2281', '1980']) {
      const respondent = openRespondents.find((r) => r.municipalityCode === code)!;
      const answers = Object.fromEntries(Object.entries(answersFor(code, 3, undefined)).slice(0, 6));
      const row = await repo.insertResponse(tx, {
        occasionId: winter!.id,
        respondentId: respondent.id,
        countyCode: respondent.countyCode,
        organisationId: respondent.organisationId,
        status: 'draft',
        answers,
        version: 1,
      });
      await repo.insertResponseVersion(tx, {
        responseId: row.id,
        version: 1,
        status: 'draft',
        answers,
        note: null,
        changedBy: null,
      });
    }
  });
}
