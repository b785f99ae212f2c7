import type { FastifyReply } from 'fastify';
import { CONTENT_SLOT, type KeptRenders } from '../../../platform/kept-renders.ts';
import { KeptContentPage, type PageHeading } from '../views/picture.tsx';
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

/**
 * Sends a page whose content is rendered once per key (what it is made from and what the viewer may do) and
 * kept, inside this request's own page shell (the viewer's name, menu and CSRF token).
 */
export function sendKept(
  reply: FastifyReply,
  kept: KeptRenders<undefined>,
  key: string,
  shell: { heading: PageHeading; breadcrumbs: Array<{ href: string; label: string }> },
  content: (csrfToken: string) => JSX.Element,
): Promise<FastifyReply> {
  return reply.keptPage(kept, key, (ctx) => KeptContentPage({ ctx, ...shell, html: CONTENT_SLOT }), content);
}
