import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { access } from '../../../platform/authz.ts';
import { requireCounty } from '../../../platform/http.ts';
import { textOf, listOf, bodyOf } from '../../../platform/input.ts';
import { stockholmDate } from '../../../platform/time.ts';
import { councilRoom, type CouncilRoom } from '../service.ts';
import type { CountyOf } from '../views/manage/parts.tsx';

/**
 * What every route of the councils shares: who may call it, how it reads a posted form, and how it finds the
 * council's work room for the viewer.
 */

/**
 * Who may call each route: the county's council pages (admins, editors, council members; inside a council the
 * room decides after this gate), or its admins (the services decide per council under its lock).
 */
export const councilGuard = {
  view: { config: { access: access.county('council.view') } },
  manage: { config: { access: access.county('council.manage') } },
  /** a form that carries a file (multipart) */
  manageUploads: { config: { access: access.county('council.manage'), uploads: true } },
};

/** A route under a council's address. */
export type RoomParams = { Params: { county: string; councilSlug: string } };

export const countyOf = (req: FastifyRequest): CountyOf => {
  const c = requireCounty(req);
  return { code: c.code, name: c.name, slug: c.slug };
};

/** Today in Sweden, as a date field's first value. */
export const today = (): string => stockholmDate(new Date());

/** The council's work room for the viewer, by the address (404 for anyone it is not for). */
export const roomOf = (db: Db, req: FastifyRequest<RoomParams>): Promise<CouncilRoom> =>
  councilRoom(db, req.actor, requireCounty(req).code, req.params.councilSlug);

// The posted form's readers are the platform's; the councils' routes take them from here with the rest.
export { bodyOf, textOf, listOf };
