import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../platform/authz.ts';
import {
  decisionMayBeReplaced,
  decisionState,
  documentMayChange,
  meetingMayBeHeld,
  meetingMayChangeAgenda,
  meetingMayEdit,
  meetingMayInvite,
  meetingMayRecord,
  type MeetingState,
} from './lifecycle.ts';
import { decide } from './policy.ts';

const now = new Date('2027-03-15T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const meeting = (status: MeetingState['status'], from: number, to = from + 2): MeetingState => ({
  status,
  startsAt: hours(from),
  endsAt: hours(to),
});

describe('a meeting’s lifecycle: planned, then held or cancelled', () => {
  it('a planned meeting changes and is cancelled; a held or cancelled one does not', () => {
    expect(meetingMayEdit(meeting('planned', 24))).toBe(true);
    expect(meetingMayEdit(meeting('held', -24))).toBe('Mötet är redan hållet.');
    expect(meetingMayEdit(meeting('cancelled', 24))).toBe('Mötet är inställt.');
  });

  it('the invitation goes out while the meeting is planned and not over', () => {
    expect(meetingMayInvite(meeting('planned', 24), now)).toBe(true);
    // Started but not over: a late invitation still reaches those who join.
    expect(meetingMayInvite(meeting('planned', -1, 1), now)).toBe(true);
    expect(meetingMayInvite(meeting('planned', -3, -1), now)).toBe('Mötet är redan över.');
    expect(meetingMayInvite(meeting('cancelled', 24), now)).toBe('Mötet är inställt.');
  });

  it('attendance and minutes wait for the start; a cancelled meeting has none', () => {
    expect(meetingMayRecord(meeting('planned', 1), now)).toBe('Mötet har inte börjat än.');
    expect(meetingMayRecord(meeting('planned', 0), now)).toBe(true);
    expect(meetingMayRecord(meeting('held', -24), now)).toBe(true);
    expect(meetingMayRecord(meeting('cancelled', -24), now)).toBe('Mötet är inställt.');
  });

  it('a started planned meeting may be marked held, once', () => {
    expect(meetingMayBeHeld(meeting('planned', 1), now)).toBe('Mötet har inte börjat än.');
    expect(meetingMayBeHeld(meeting('planned', -1), now)).toBe(true);
    expect(meetingMayBeHeld(meeting('held', -1), now)).toBe('Mötet är redan hållet.');
  });

  it('the agenda changes until the meeting is cancelled (notes are written after it too)', () => {
    expect(meetingMayChangeAgenda(meeting('planned', 24))).toBe(true);
    expect(meetingMayChangeAgenda(meeting('held', -24))).toBe(true);
    expect(meetingMayChangeAgenda(meeting('cancelled', 24))).toBe('Mötet är inställt.');
  });

  it('policy: only the county’s admin, and nothing in a council that has ended', () => {
    const admin = {
      kind: 'user',
      id: 'u',
      email: 'a@x.se',
      name: 'A',
      memberships: [{ role: 'county_admin', countyCode: '03', organisationId: 'o', municipalityCode: null }],
    } as unknown as UserActor;
    const member = {
      ...admin,
      memberships: [{ ...admin.memberships[0]!, role: 'council_member' }],
    } as UserActor;
    const r = (status: 'active' | 'dissolved') => ({
      countyCode: '03',
      council: { id: 'c', countyCode: '03', status },
      meeting: meeting('planned', 24),
    });
    expect(decide(admin, 'meeting.edit', r('active'), now)).toEqual({ allowed: true });
    expect(decide(member, 'meeting.edit', r('active'), now)).toEqual({ allowed: false, refusal: 'role' });
    expect(decide(admin, 'meeting.edit', r('dissolved'), now)).toEqual({
      allowed: false,
      refusal: 'state',
      reason: 'Rådet är upplöst.',
    });
  });
});

describe('a decision’s state: in force, replaced or expired', () => {
  const d = { id: 'd1', decidedOn: '2024-03-01', validUntil: null, replacedById: null };

  it('gäller tills vidare until replaced; with an end date until that day', () => {
    expect(decisionState(d, '2030-01-01')).toBe('in_force');
    expect(decisionState({ ...d, validUntil: '2025-12-31' }, '2025-12-31')).toBe('in_force');
    expect(decisionState({ ...d, validUntil: '2025-12-31' }, '2026-01-01')).toBe('expired');
    expect(decisionState({ ...d, replacedById: 'd2' }, '2024-06-01')).toBe('replaced');
  });

  it('may be replaced once, by a later decision, while it was in force', () => {
    expect(decisionMayBeReplaced(d, { id: 'd2', decidedOn: '2025-01-01' })).toBe(true);
    expect(decisionMayBeReplaced(d, { decidedOn: '2024-03-01' })).toBe(true);
    expect(decisionMayBeReplaced({ ...d, replacedById: 'd2' }, { decidedOn: '2025-01-01' })).toBe(
      'Beslutet är redan ersatt av ett annat beslut.',
    );
    expect(decisionMayBeReplaced(d, { decidedOn: '2024-02-01' })).toBe(
      'Ett beslut kan bara ersättas av ett senare beslut.',
    );
    expect(decisionMayBeReplaced(d, { id: 'd1', decidedOn: '2025-01-01' })).toBe(
      'Ett beslut kan inte ersätta sig självt.',
    );
    expect(decisionMayBeReplaced({ ...d, validUntil: '2024-12-31' }, { decidedOn: '2025-01-01' })).toBe(
      'Beslutet hade redan upphört att gälla när det nya beslutet fattades.',
    );
  });
});

describe('a document: current or withdrawn', () => {
  it('a current document changes and gets versions; a withdrawn one stays as it was', () => {
    expect(documentMayChange({ status: 'current' })).toBe(true);
    expect(documentMayChange({ status: 'withdrawn' })).toBe('Dokumentet är tillbakadraget.');
  });
});
