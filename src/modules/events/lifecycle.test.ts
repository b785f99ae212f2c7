import { describe, expect, it } from 'vitest';
import { endOfStockholmDay, stockholmTime } from '../../platform/time.ts';
import {
  anonymisationIsDue,
  eventIsPublic,
  eventMayCancel,
  eventMayEdit,
  eventMayMarkAttendance,
  eventMayOffer,
  eventMayPublish,
  offerExpiry,
  offerHasExpired,
  offerMayAccept,
  offerMayDecline,
  placementOf,
  registrationMayCancel,
  registrationMayMarkAttendance,
  registrationMayMove,
  registrationOpenness,
  seatForWaiting,
  seatFree,
  seatsLeft,
  type RegistrationWindow,
} from './lifecycle.ts';

// Seed 004: 15 June 2022 12.30–15.45, last day to register 10 June.
const seed004: RegistrationWindow = {
  status: 'published',
  startsAt: stockholmTime('2022-06-15', 12, 30),
  endsAt: stockholmTime('2022-06-15', 15, 45),
  registrationOpensAt: null,
  registrationClosesAt: endOfStockholmDay('2022-06-10'),
};
const at = (date: string, h: number, m = 0) => stockholmTime(date, h, m);

describe('the event', () => {
  it('a draft may be published once; a cancelled event neither published nor edited', () => {
    expect(eventMayPublish({ ...seed004, status: 'draft' })).toBe(true);
    expect(eventMayPublish(seed004)).toBe('Evenemanget är redan publicerat.');
    expect(eventMayPublish({ ...seed004, status: 'cancelled' })).toBe('Evenemanget är inställt.');
    expect(eventMayEdit(seed004)).toBe(true);
    expect(eventMayEdit({ ...seed004, status: 'cancelled' })).toBe('Evenemanget är inställt.');
  });

  it('is before the public once published, and still when cancelled; a draft is not', () => {
    expect(eventIsPublic({ status: 'draft' })).toBe(false);
    expect(eventIsPublic({ status: 'published' })).toBe(true);
    expect(eventIsPublic({ status: 'cancelled' })).toBe(true);
  });

  it('may be cancelled until it has ended', () => {
    expect(eventMayCancel(seed004, at('2022-06-15', 12, 0))).toBe(true);
    expect(eventMayCancel({ ...seed004, status: 'draft' }, at('2022-06-01', 9))).toBe(true);
    expect(eventMayCancel(seed004, at('2022-06-15', 15, 45))).toBe('Evenemanget har redan ägt rum.');
    expect(eventMayCancel({ ...seed004, status: 'cancelled' }, at('2022-06-01', 9))).toBe(
      'Evenemanget är inställt.',
    );
  });

  it('attendance from the start of a published event', () => {
    expect(eventMayMarkAttendance(seed004, at('2022-06-15', 12, 29))).toMatch(/först när/);
    expect(eventMayMarkAttendance(seed004, at('2022-06-15', 12, 30))).toBe(true);
    expect(eventMayMarkAttendance({ ...seed004, status: 'cancelled' }, at('2022-06-16', 9))).not.toBe(true);
  });
});

describe('registration open or closed', () => {
  it('open until 23:59:59 Swedish time on the last day, then closed with the seed’s sentence', () => {
    expect(registrationOpenness(seed004, at('2022-06-10', 23, 59)).open).toBe(true);
    const closed = registrationOpenness(seed004, stockholmTime('2022-06-11', 0, 0, 0));
    expect(closed).toMatchObject({ open: false, reason: 'closed', at: seed004.registrationClosesAt });
    expect(closed.open || closed.message).toBe(
      'Det är inte tillåtet att göra anmälningar längre. Sista anmälningsdag var den 10 juni klockan 23.59.',
    );
    const years = registrationOpenness(seed004, at('2026-01-01', 9));
    expect(years.open || years.message).toContain('den 10 juni 2022 klockan 23.59');
  });

  it('in winter time too: the last day in December closes 23:59 CET (22:59 UTC)', () => {
    const winter = { ...seed004, registrationClosesAt: endOfStockholmDay('2026-12-10') };
    expect(winter.registrationClosesAt.toISOString()).toBe('2026-12-10T22:59:59.000Z');
    const summer = endOfStockholmDay('2022-06-10');
    expect(summer.toISOString()).toBe('2022-06-10T21:59:59.000Z');
  });

  it('not yet open says when it opens; draft, cancelled and begun are closed', () => {
    const e = { ...seed004, registrationOpensAt: at('2022-05-01', 9) };
    const early = registrationOpenness(e, at('2022-04-30', 9));
    expect(early).toMatchObject({ open: false, reason: 'not_yet_open' });
    expect(early.open || early.message).toBe('Anmälan öppnar den 1 maj klockan 09.00.');
    expect(registrationOpenness(e, at('2022-05-01', 9)).open).toBe(true);
    expect(registrationOpenness({ ...seed004, status: 'draft' }, at('2022-06-01', 9))).toMatchObject({
      reason: 'draft',
    });
    expect(registrationOpenness({ ...seed004, status: 'cancelled' }, at('2022-06-01', 9))).toMatchObject({
      reason: 'cancelled',
    });
    const late = { ...seed004, registrationClosesAt: at('2022-06-20', 9) };
    expect(registrationOpenness(late, at('2022-06-15', 12, 30))).toMatchObject({ reason: 'started' });
  });
});

describe('places', () => {
  it('a newcomer gets a place only when one is left and nobody waits', () => {
    expect(seatFree({ capacity: 100, taken: 99, waiting: 0 })).toBe(true);
    expect(seatFree({ capacity: 100, taken: 100, waiting: 0 })).toBe(false);
    expect(seatFree({ capacity: 100, taken: 99, waiting: 1 })).toBe(false);
    expect(seatForWaiting({ capacity: 100, taken: 99, waiting: 1 })).toBe(true);
    expect(seatFree({ capacity: null, taken: 5000, waiting: 0 })).toBe(true);
    expect(placementOf({ capacity: 2, taken: 2, waiting: 0 })).toBe('waiting');
    expect(placementOf({ capacity: 2, taken: 1, waiting: 0 })).toBe('confirmed');
  });

  it('places left never below zero (someone added beyond the capacity)', () => {
    expect(seatsLeft({ capacity: 10, taken: 12, waiting: 0 })).toBe(0);
    expect(seatsLeft({ capacity: 10, taken: 3, waiting: 0 })).toBe(7);
    expect(seatsLeft({ capacity: null, taken: 3, waiting: 0 })).toBeNull();
  });
});

describe('a registration’s states', () => {
  it('moves only along its transitions', () => {
    expect(registrationMayMove('waiting', 'offered')).toBe(true);
    expect(registrationMayMove('offered', 'confirmed')).toBe(true);
    expect(registrationMayMove('offered', 'cancelled')).toBe(true);
    expect(registrationMayMove('confirmed', 'waiting')).toBe(false);
    expect(registrationMayMove('confirmed', 'offered')).toBe(false);
    expect(registrationMayMove('cancelled', 'confirmed')).toBe(false);
  });

  const now = at('2022-06-05', 12);
  const offered = { status: 'offered' as const, offerExpiresAt: at('2022-06-06', 12), anonymisedAt: null };

  it('an offer is accepted in time; an expired one is refused and passes on', () => {
    expect(offerMayAccept(offered, seed004, now)).toBe(true);
    expect(offerHasExpired(offered, at('2022-06-06', 12))).toBe(true);
    expect(offerMayAccept(offered, seed004, at('2022-06-06', 12))).toMatch(/gick ut/);
    expect(offerMayAccept({ ...offered, status: 'cancelled' }, seed004, now)).toMatch(/gick ut/);
    expect(offerMayAccept({ ...offered, status: 'confirmed' }, seed004, now)).toBe(
      'Platsen är redan bekräftad.',
    );
    expect(offerMayAccept(offered, { ...seed004, status: 'cancelled' }, now)).toBe(
      'Evenemanget är inställt.',
    );
  });

  it('an offer is declined while it stands; a confirmed place is cancelled by its own link instead', () => {
    expect(offerMayDecline(offered, seed004, now)).toBe(true);
    expect(offerMayDecline(offered, seed004, at('2022-06-06', 12))).toMatch(/gick ut/);
    expect(offerMayDecline({ ...offered, status: 'cancelled' }, seed004, now)).toMatch(/gick ut/);
    expect(offerMayDecline({ ...offered, status: 'confirmed' }, seed004, now)).toMatch(
      /redan bekräftad. Om du inte kan komma avbokar du/,
    );
  });

  it('an offer lasts its hours but never past the start', () => {
    expect(offerExpiry(now, 48, seed004)).toEqual(at('2022-06-07', 12));
    expect(offerExpiry(at('2022-06-15', 10), 48, seed004)).toEqual(seed004.startsAt);
    expect(eventMayOffer(seed004, at('2022-06-15', 12, 30))).toBe('Evenemanget har redan börjat.');
    expect(eventMayOffer({ ...seed004, status: 'draft' }, now)).not.toBe(true);
  });

  it('cancelled until the start; not twice; not after anonymisation', () => {
    const r = { status: 'confirmed' as const, offerExpiresAt: null, anonymisedAt: null };
    expect(registrationMayCancel(r, seed004, now)).toBe(true);
    expect(registrationMayCancel(r, seed004, seed004.startsAt)).toBe('Evenemanget har redan börjat.');
    expect(registrationMayCancel({ ...r, status: 'cancelled' }, seed004, now)).toBe(
      'Anmälan är redan avbokad.',
    );
    expect(registrationMayCancel({ ...r, anonymisedAt: now }, seed004, now)).not.toBe(true);
  });

  it('attendance is for confirmed registrants once the event has begun', () => {
    const r = { status: 'confirmed' as const, offerExpiresAt: null, anonymisedAt: null };
    expect(registrationMayMarkAttendance(r, seed004, at('2022-06-15', 16))).toBe(true);
    expect(registrationMayMarkAttendance({ ...r, status: 'waiting' }, seed004, at('2022-06-15', 16))).toMatch(
      /bekräftade/,
    );
  });
});

describe('personal data', () => {
  it('is due for erasure the given number of days after the end', () => {
    expect(anonymisationIsDue(seed004, 90, at('2022-09-13', 15, 44))).toBe(false);
    expect(anonymisationIsDue(seed004, 90, at('2022-09-13', 15, 45))).toBe(true);
  });
});
