import type { Executor } from '../../db/client.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { derivedOnce } from '../../platform/kept-renders.ts';
import type { Role } from '../../platform/roles.ts';
import { COUNTIES } from '../../platform/tenancy.ts';
import { countyRoster, countPeopleByCounty, listOrganisationPeople } from '../accounts/index.ts';
import { countMunicipalitiesByCounty } from '../reference/index.ts';

// The start pages own no data: they put together what reference data and accounts answer.

export interface CountySummary {
  code: string;
  name: string;
  slug: string;
  municipalities: number;
  people: number;
}

export async function nationalOverview(db: Executor): Promise<CountySummary[]> {
  const [municipalities, people] = await Promise.all([
    countMunicipalitiesByCounty(db),
    countPeopleByCounty(db),
  ]);
  return COUNTIES.map((c) => ({
    code: c.code,
    name: c.name,
    slug: c.slug,
    municipalities: municipalities.get(c.code) ?? 0,
    people: people.get(c.code) ?? 0,
  }));
}

export interface MunicipalityReadiness {
  code: string;
  name: string;
  reporters: number;
}

export interface CountyWorkroom {
  counts: { organisations: number; people: number; invitations: number };
  /** the county's municipalities by Swedish name, with how many reporters each has (none: it cannot answer) */
  municipalities: MunicipalityReadiness[];
}

/**
 * What the county's work room shows: its counts and its municipalities' readiness, the organisations read
 * once. The same object while the roster it comes from is kept (so it can name a kept rendering by identity).
 */
export async function countyWorkroom(db: Executor, countyCode: string): Promise<CountyWorkroom> {
  return workroomOf(await countyRoster(db, countyCode, 'reporter'));
}

const workroomOf = derivedOnce((roster: Awaited<ReturnType<typeof countyRoster>>): CountyWorkroom => {
  return {
    counts: {
      organisations: roster.organisations.length,
      people: roster.people,
      invitations: roster.invitations,
    },
    municipalities: roster.organisations
      .filter((o) => o.type === 'municipality' && o.municipalityCode !== null)
      .map((o) => ({ code: o.municipalityCode!, name: o.name, reporters: o.withRole }))
      .sort((a, b) => swedishCollator.compare(a.name, b.name)),
  };
});

export interface Colleague {
  name: string;
  role: Role;
}

export const organisationPeople = (db: Executor, organisationId: string): Promise<Colleague[]> =>
  listOrganisationPeople(db, organisationId);

/** A reporter's task: one occasion its organisation is asked to answer. */
export interface Task {
  occasionId: string;
  occasionLabel: string;
  roundTitle: string;
  organisationId: string;
  organisationName: string;
  opensAt: Date;
  deadlineAt: Date;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  /** answering is open now (the same rule as the form's) */
  open: boolean;
}

/**
 * What still asks something of the reporter: occasions open for answers, or about to open, that are not yet
 * sent (and returned ones while they may be completed), the nearest deadline first.
 */
export function openTasks(all: Task[], now = new Date()): Task[] {
  return all
    .filter(
      (t) =>
        (t.open || t.opensAt > now) && (t.status === null || t.status === 'draft' || t.status === 'returned'),
    )
    .sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime());
}
