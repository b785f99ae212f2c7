import { describe, expect, it } from 'vitest';
import type { Occasion } from './repository.ts';
import { isAnsweringOpen } from './service.ts';

describe('the answering window', () => {
  it('closes answering at the deadline unless reopened, and always at the lock date', () => {
    const occasion = {
      opensAt: new Date('2026-06-01T00:00:00Z'),
      deadlineAt: new Date('2026-06-10T21:59:59Z'),
      locksAt: new Date('2026-06-30T21:59:59Z'),
    } as Occasion;
    const reopened = { reopened: true } as never;
    expect(isAnsweringOpen(occasion, null, new Date('2026-06-05T12:00:00Z'))).toBe(true);
    expect(isAnsweringOpen(occasion, null, new Date('2026-06-11T12:00:00Z'))).toBe(false);
    expect(isAnsweringOpen(occasion, reopened, new Date('2026-06-11T12:00:00Z'))).toBe(true);
    expect(isAnsweringOpen(occasion, reopened, new Date('2026-07-01T12:00:00Z'))).toBe(false);
    expect(isAnsweringOpen(occasion, null, new Date('2026-05-31T12:00:00Z'))).toBe(false);
  });
});
