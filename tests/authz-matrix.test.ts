import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../src/modules.ts';
import { ANONYMOUS, type Actor } from '../src/platform/authz.ts';
import { roles, type Role } from '../src/platform/roles.ts';

/** The vocabulary as the application puts it together: every module's policies. */
const policies = await loadPolicies();
const can = policies.can.bind(policies);
const canGlobal = policies.canGlobal.bind(policies);

/** An actor holding one role; county roles in Uppsala län (03). */
function actorWith(role: Role): Actor {
  const national = role === 'system_admin' || role === 'national_coordinator';
  return {
    kind: 'user',
    id: `user-${role}`,
    email: `${role}@test`,
    name: role,
    memberships: [
      {
        role,
        organisationId: 'org',
        organisationName: 'Org',
        organisationType: 'county_board',
        countyCode: national ? null : '03',
        municipalityCode: null,
      },
    ],
  };
}

type Who = Role | 'anonymous';
const who: Who[] = ['anonymous', ...roles];
const actor = (w: Who): Actor => (w === 'anonymous' ? ANONYMOUS : actorWith(w));

/**
 * The spec: for each county action, which actors may act in their own county (Uppsala) and in another
 * (Västernorrland). Read a row as "a county editor may view the people of its own county, not of another".
 */
const countyMatrix: Record<string, Record<Who, [own: boolean, other: boolean]>> = {
  'round.view': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'round.manage': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'round.edit': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'round.close': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'round.cancel': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'round.remove': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'picture.save': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'response.approve': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'response.return': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'response.reopen': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'picture.submit': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'picture.recall': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'people.view': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'people.invite': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'workspace.view': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'council.view': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [true, false],
  },
  // Councils: the county's admins keep them (form, merge, dissolve, members, bodies, people).
  'council.manage': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  // Events: the county's organisers are its admins and editors.
  'event.view': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'event.create': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'event.edit': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'event.publish': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'event.cancel': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'event.registrants': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  // Public pages: the county's editors and admins write and publish; only its admins set banners and settings.
  'site.edit': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'site.publish': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [true, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'site.banner': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
  'site.settings': {
    anonymous: [false, false],
    system_admin: [true, true],
    national_coordinator: [false, false],
    county_admin: [true, false],
    county_editor: [false, false],
    reporter: [false, false],
    council_member: [false, false],
  },
};

const globalMatrix: Record<string, Record<Who, boolean>> = {
  // National news and banners for every county: the coordinator.
  'site.national': {
    anonymous: false,
    system_admin: true,
    national_coordinator: true,
    county_admin: false,
    county_editor: false,
    reporter: false,
    council_member: false,
  },
  'national.coordinate': {
    anonymous: false,
    system_admin: true,
    national_coordinator: true,
    county_admin: false,
    county_editor: false,
    reporter: false,
    council_member: false,
  },
  'national.close': {
    anonymous: false,
    system_admin: true,
    national_coordinator: true,
    county_admin: false,
    county_editor: false,
    reporter: false,
    council_member: false,
  },
  'response.answer': {
    anonymous: false,
    system_admin: false,
    national_coordinator: false,
    county_admin: false,
    county_editor: false,
    reporter: true,
    council_member: false,
  },
  'system.administer': {
    anonymous: false,
    system_admin: true,
    national_coordinator: false,
    county_admin: false,
    county_editor: false,
    reporter: false,
    council_member: false,
  },
  'national.view': {
    anonymous: false,
    system_admin: true,
    national_coordinator: true,
    county_admin: false,
    county_editor: false,
    reporter: false,
    council_member: false,
  },
  'organisation.view': {
    anonymous: false,
    system_admin: false,
    national_coordinator: false,
    county_admin: false,
    county_editor: false,
    reporter: true,
    council_member: false,
  },
};

describe('authorization matrix', () => {
  it('covers every action in the vocabulary', () => {
    expect(Object.keys(countyMatrix).sort()).toEqual(policies.countyActions().sort());
    expect(Object.keys(globalMatrix).sort()).toEqual(policies.globalActions().sort());
  });

  for (const [action, rows] of Object.entries(countyMatrix)) {
    for (const w of who) {
      const [own, other] = rows[w];
      it(`${action}: ${w} → own county ${own ? 'yes' : 'no'}, other county ${other ? 'yes' : 'no'}`, () => {
        expect(can(actor(w), action, { countyCode: '03' })).toBe(own);
        expect(can(actor(w), action, { countyCode: '22' })).toBe(other);
      });
    }
  }

  for (const [action, rows] of Object.entries(globalMatrix)) {
    for (const w of who) {
      it(`${action}: ${w} → ${rows[w] ? 'yes' : 'no'}`, () => {
        expect(canGlobal(actor(w), action)).toBe(rows[w]);
      });
    }
  }

  it('refuses unknown actions loudly instead of allowing them', () => {
    expect(() => can(actorWith('system_admin'), 'no.such.action', { countyCode: '03' })).toThrow();
    expect(() => canGlobal(actorWith('system_admin'), 'no.such.action')).toThrow();
  });
});
