import type { BuilderOptions } from '../forms/index.ts';
import { access, type Actor } from '../../platform/authz.ts';
import { requireCounty } from '../../platform/http.ts';
import { defaultDefinition, DEFAULT_TEMPLATE_TITLE } from './default-template.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';

/** The owner name of the lägesbild's questionnaires in the forms module. */
export const QUESTIONNAIRE_OWNER = 'situation';

/** National templates: the national coordinator (or system admin); a county's: that county's admin. */
export const mayEditQuestionnaires = (actor: Actor, scope: { countyCode: string | null }): boolean =>
  scope.countyCode === null
    ? situationGlobalPolicy['national.coordinate'](actor)
    : situationPolicy['round.manage'](actor, { countyCode: scope.countyCode });

/** The lägesbild's questionnaire builder: national templates under /nationellt/formular, a county's own under /{län}/lagesbild/formular. */
export const questionnaireBuilder: BuilderOptions = {
  owner: QUESTIONNAIRE_OWNER,
  mayEdit: mayEditQuestionnaires,
  defaultTemplate: { title: DEFAULT_TEMPLATE_TITLE, definition: defaultDefinition },
  usedIn: { one: 'en omgång', many: 'omgångar' },
  places: [
    {
      prefix: '/nationellt/formular',
      access: access.global('national.coordinate'),
      place: () => ({
        countyCode: null,
        base: '/nationellt/formular',
        caption: 'Nationell samordning',
        breadcrumbs: [{ href: '/nationellt/lagesbild', label: 'Nationell lägesbild' }],
      }),
    },
    {
      prefix: '/:county/lagesbild/formular',
      access: access.county('round.manage'),
      place: (req) => {
        const county = requireCounty(req);
        return {
          countyCode: county.code,
          base: `/${county.slug}/lagesbild/formular`,
          caption: county.name,
          breadcrumbs: [{ href: `/${county.slug}/lagesbild`, label: 'Lägesbild' }],
        };
      },
    },
  ],
};
