import { describe, expect, it } from 'vitest';
import { resolveContacts } from './contacts-view.ts';
import type { ContactRow } from './repository.ts';

const row = (id: string, extra: Partial<ContactRow> = {}): ContactRow => ({
  id,
  countyCode: '22',
  kind: 'person',
  name: `Person ${id}`,
  role: '',
  email: null,
  phone: null,
  replacedById: null,
  leftAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...extra,
});

describe('the contacts a page shows', () => {
  it('shows whoever replaced one who left, through a chain, once each, in order', () => {
    const rows = [
      row('a', { leftAt: new Date(), replacedById: 'b' }),
      row('b', { leftAt: new Date(), replacedById: 'c' }),
      row('c'),
      row('d'),
    ];
    expect(resolveContacts(rows, ['d', 'a', 'c', 'x']).map((c) => c.id)).toEqual(['d', 'c']);
  });

  it('leaves out one who left with nobody taking over', () => {
    expect(resolveContacts([row('a', { leftAt: new Date() })], ['a'])).toEqual([]);
  });
});
