import type { Executor } from '../../db/client.ts';
import { access, type Actor } from '../../platform/authz.ts';
import { requireCounty } from '../../platform/http.ts';
import type { Option } from '../../ui/components.tsx';
import {
  findQuestionnaire,
  findQuestionnaireVersion,
  listQuestionnaireVersions,
  type BuilderOptions,
  type QuestionTemplate,
} from '../forms/index.ts';
import { eventsPolicy } from './policy.ts';
import { QUESTIONNAIRE_OWNER } from './service.ts';
import { urls } from './urls.ts';

/**
 * The events' questionnaires, built with the forms capability: a county's registration questions (text,
 * choice, dietary and accessibility needs) and its evaluations, both chosen per event. The builder lives under
 * /{län}/evenemang/formular and offers the dietary and accessibility questions ready-made.
 */

/** A county's questionnaires are its organisers' (event.edit in that county); the events have no national ones. */
export const mayEditEventQuestionnaires = (actor: Actor, scope: { countyCode: string | null }): boolean =>
  scope.countyCode !== null && eventsPolicy['event.edit'](actor, { countyCode: scope.countyCode });

/** A hint that tells the registrant why a need is asked and how long it is kept (health data, GDPR art. 9). */
const KEPT = 'Uppgiften används bara för evenemanget och tas bort med dina andra uppgifter efter det.';

/** Specialkost: the usual kinds by choice, and anything else written out. */
export const DIETARY_TEMPLATE: QuestionTemplate = {
  key: 'specialkost',
  name: 'specialkost',
  description:
    'Specialkost: vegetarisk, vegansk, glutenfri, laktosfri, utan nötter, eller annan specialkost och allergier som deltagaren skriver själv.',
  questions: [
    {
      id: 'specialkost',
      type: 'multiple',
      label: 'Behöver du specialkost?',
      help: `Kryssa i det som gäller dig. Lämna tomt om du inte behöver specialkost. ${KEPT}`,
      required: false,
      role: 'other',
      options: [
        { value: 'vegetarisk', label: 'Vegetarisk kost' },
        { value: 'vegansk', label: 'Vegansk kost' },
        { value: 'glutenfri', label: 'Glutenfri kost' },
        { value: 'laktosfri', label: 'Laktosfri kost' },
        { value: 'notfri', label: 'Fri från nötter och jordnötter' },
        { value: 'annan', label: 'Annan specialkost eller allergi' },
      ],
    },
    {
      id: 'specialkost_annan',
      type: 'text',
      label: 'Vilken annan specialkost eller allergi?',
      required: true,
      role: 'other',
      showIf: { questionId: 'specialkost', anyOf: ['annan'] },
    },
  ],
};

/** Tillgänglighet: what someone needs to take part, by choice, and anything else written out. */
export const ACCESSIBILITY_TEMPLATE: QuestionTemplate = {
  key: 'tillganglighet',
  name: 'tillgänglighet',
  description:
    'Tillgänglighet: hörslinga, teckenspråkstolk, skrivtolk, en lokal för rullstol eller rollator, material i förväg, eller något annat som deltagaren skriver själv.',
  questions: [
    {
      id: 'tillganglighet',
      type: 'multiple',
      label: 'Behöver du något för att kunna delta?',
      help: `Kryssa i det som gäller dig. Lämna tomt om du inte behöver något särskilt. ${KEPT}`,
      required: false,
      role: 'other',
      options: [
        { value: 'horslinga', label: 'Hörslinga' },
        { value: 'teckensprakstolk', label: 'Teckenspråkstolk' },
        { value: 'skrivtolk', label: 'Skrivtolk' },
        { value: 'rullstol', label: 'Lokal som går att ta sig fram i med rullstol eller rollator' },
        { value: 'material', label: 'Material i förväg, till exempel presentationerna' },
        { value: 'annat', label: 'Något annat' },
      ],
    },
    {
      id: 'tillganglighet_annat',
      type: 'text',
      label: 'Vad behöver du?',
      required: true,
      role: 'other',
      showIf: { questionId: 'tillganglighet', anyOf: ['annat'] },
    },
  ],
};

/** The builder's pages for the county's organisers: /{län}/evenemang/formular. */
export const eventsQuestionnaireBuilder: BuilderOptions = {
  owner: QUESTIONNAIRE_OWNER,
  mayEdit: mayEditEventQuestionnaires,
  usedIn: { one: 'ett evenemang', many: 'evenemang' },
  riskAreas: false,
  questionTemplates: {
    sectionTitle: 'Frågor till deltagarna',
    templates: [DIETARY_TEMPLATE, ACCESSIBILITY_TEMPLATE],
  },
  places: [
    {
      prefix: '/:county/evenemang/formular',
      access: access.county('event.edit'),
      place: (req) => {
        const county = requireCounty(req);
        return {
          countyCode: county.code,
          base: urls.questionnaires(county.slug),
          caption: county.name,
          breadcrumbs: [{ href: urls.manage(county.slug), label: 'Evenemang' }],
        };
      },
    },
  ],
};

/** "Anmälningsfrågor (version 2)": how a chosen version is named in selects, on pages and in the audit log. */
export async function versionName(db: Executor, versionId: string): Promise<string> {
  const version = await findQuestionnaireVersion(db, versionId);
  const questionnaire = version ? await findQuestionnaire(db, version.questionnaireId) : undefined;
  return version && questionnaire ? `${questionnaire.title} (version ${version.version})` : 'Okänt formulär';
}

/**
 * The questionnaires an event of the county may use, as a select offers them: the newest version of each of
 * the county's, and the one chosen (`chosen`) when that is an older version, so it stays chosen until another is.
 */
export async function questionnaireOptions(
  db: Executor,
  countyCode: string,
  chosen?: string,
): Promise<Option[]> {
  const usable = await listQuestionnaireVersions(db, { owner: QUESTIONNAIRE_OWNER, countyCode });
  const options = usable.map((v) => ({ value: v.versionId, label: `${v.title} (version ${v.version})` }));
  if (chosen && !usable.some((v) => v.versionId === chosen))
    options.unshift({ value: chosen, label: await versionName(db, chosen) });
  return options;
}
