import { describe, expect, it } from 'vitest';
import { stateRule, stateRulesOf, type Actor } from './authz.ts';
import { ConflictError, NotFoundError } from './errors.ts';

/** A door that its owner may open while it is not locked. */
interface Door {
  owner: string;
  locked: boolean;
}
const { decide, can, authorize } = stateRulesOf({
  'door.open': stateRule<Door>({
    who: (actor, door) => actor.kind === 'user' && actor.id === door.owner,
    state: (door) => (door.locked ? 'Dörren är låst.' : true),
  }),
});

const owner = { kind: 'user', id: 'u1', memberships: [] } as unknown as Actor;
const stranger = { kind: 'user', id: 'u2', memberships: [] } as unknown as Actor;

describe('a table of state rules', () => {
  it('asks the role rule first, then the state rule', () => {
    expect(decide(owner, 'door.open', { owner: 'u1', locked: false })).toEqual({ allowed: true });
    expect(decide(owner, 'door.open', { owner: 'u1', locked: true })).toEqual({
      allowed: false,
      refusal: 'state',
      reason: 'Dörren är låst.',
    });
    // Someone without the role is refused for the role, whatever the state.
    expect(decide(stranger, 'door.open', { owner: 'u1', locked: true })).toEqual({
      allowed: false,
      refusal: 'role',
    });
    expect(can(owner, 'door.open', { owner: 'u1', locked: false })).toBe(true);
    expect(can(owner, 'door.open', { owner: 'u1', locked: true })).toBe(false);
  });

  it('authorize: 404 without the role, a conflict with the reason in a state that does not allow it', () => {
    expect(() => authorize(owner, 'door.open', { owner: 'u1', locked: false })).not.toThrow();
    expect(() => authorize(stranger, 'door.open', { owner: 'u1', locked: false })).toThrow(NotFoundError);
    expect(() => authorize(owner, 'door.open', { owner: 'u1', locked: true })).toThrow(
      new ConflictError('Dörren är låst.'),
    );
  });
});
