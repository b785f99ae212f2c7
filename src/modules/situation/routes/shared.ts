import { access } from '../../../platform/authz.ts';

/** The path parameters of lägesbild's routes. */
export type Params = {
  county: string;
  roundId: string;
  occasionId: string;
  responseId: string;
  organisationId: string;
};

/** Who may call a route: every route declares one of these. */
export const guard = {
  countyView: { config: { access: access.county('round.view') } },
  countyManage: { config: { access: access.county('round.manage') } },
  pictureSave: { config: { access: access.county('picture.save') } },
  pictureSubmit: { config: { access: access.county('picture.submit') } },
  pictureRecall: { config: { access: access.county('picture.recall') } },
  approve: { config: { access: access.county('response.approve') } },
  return: { config: { access: access.county('response.return') } },
  reopen: { config: { access: access.county('response.reopen') } },
  national: { config: { access: access.global('national.coordinate') } },
  nationalClose: { config: { access: access.global('national.close') } },
  respond: { config: { access: access.global('response.answer') } },
};

export const bodyOf = (body: unknown): Record<string, unknown> => (body ?? {}) as Record<string, unknown>;
