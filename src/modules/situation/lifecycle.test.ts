import { describe, expect, it } from 'vitest';
import {
  answeringOpen,
  isPictureFinal,
  isResponseFinal,
  pictureMayEdit,
  pictureMaySubmit,
  respondentsMayChange,
  responseMayApprove,
  responseMayReopen,
  responseMayReturn,
  responseMaySave,
  type ResponseState,
} from './lifecycle.ts';

const occasion = {
  opensAt: new Date('2026-06-01T00:00:00Z'),
  deadlineAt: new Date('2026-06-10T21:59:59Z'),
  locksAt: new Date('2026-06-30T21:59:59Z'),
};
const before = new Date('2026-05-31T12:00:00Z');
const open = new Date('2026-06-05T12:00:00Z');
const late = new Date('2026-06-11T12:00:00Z');
const locked = new Date('2026-07-01T12:00:00Z');

const response = (status: ResponseState['status'], reopened = false): ResponseState => ({ status, reopened });
const draftPicture = { status: 'draft' as const };
const sentPicture = { status: 'submitted' as const };

describe('the answering window', () => {
  it('is open from the opening date to the deadline, after it only where reopened, never after the lock date', () => {
    expect(answeringOpen(occasion, null, open)).toBe(true);
    expect(answeringOpen(occasion, null, before)).toBe('Rapporteringen har inte öppnat ännu.');
    expect(answeringOpen(occasion, null, late)).toContain('Sista svarsdag har passerat');
    expect(answeringOpen(occasion, response('draft', true), late)).toBe(true);
    // Reopened or not, the lock date closes it: the form and the assignment list both ask this.
    expect(answeringOpen(occasion, response('draft', true), locked)).toContain('låst');
    expect(answeringOpen(occasion, null, locked)).toContain('låst');
  });
});

describe('a response', () => {
  it('is saved by the respondent while it is a draft or returned and answering is open', () => {
    for (const r of [null, response('draft'), response('returned')])
      expect(responseMaySave({ response: r, occasion, picture: draftPicture }, open)).toBe(true);
    expect(responseMaySave({ response: response('submitted'), occasion, picture: null }, open)).toContain(
      'inskickat',
    );
    expect(responseMaySave({ response: response('approved'), occasion, picture: null }, open)).toContain(
      'godkänt',
    );
    expect(responseMaySave({ response: response('draft'), occasion, picture: null }, late)).toContain(
      'Sista svarsdag',
    );
    expect(responseMaySave({ response: response('returned', true), occasion, picture: null }, late)).toBe(
      true,
    );
  });

  it('changes no more once the county has submitted its regional picture', () => {
    const r = { occasion, picture: sentPicture };
    const sent = 'redan skickat in länets lägesbild';
    expect(responseMaySave({ ...r, response: response('draft') }, open)).toContain(sent);
    expect(responseMayApprove({ ...r, response: response('submitted') }, open)).toContain(sent);
    expect(responseMayReturn({ ...r, response: response('submitted') }, open)).toContain(sent);
    expect(responseMayReopen({ ...r, response: response('draft') }, late)).toContain(sent);
  });

  it('is approved or returned only when submitted, until the lock date', () => {
    const r = { occasion, picture: draftPicture };
    expect(responseMayApprove({ ...r, response: response('submitted') }, late)).toBe(true);
    expect(responseMayReturn({ ...r, response: response('submitted') }, open)).toBe(true);
    for (const status of ['draft', 'returned', 'approved'] as const) {
      expect(responseMayApprove({ ...r, response: response(status) }, open)).toContain('Bara ett inskickat');
      expect(responseMayReturn({ ...r, response: response(status) }, open)).toContain('Bara ett inskickat');
    }
    expect(responseMayApprove({ ...r, response: null }, open)).toContain('Bara ett inskickat');
    expect(responseMayApprove({ ...r, response: response('submitted') }, locked)).toContain('låst');
  });

  it('is reopened after the deadline, started or not, once, until the lock date', () => {
    const r = { occasion, picture: null };
    expect(responseMayReopen({ ...r, response: null }, late)).toBe(true);
    expect(responseMayReopen({ ...r, response: response('returned') }, late)).toBe(true);
    expect(responseMayReopen({ ...r, response: response('draft') }, open)).toContain('inte passerat');
    expect(responseMayReopen({ ...r, response: response('draft', true) }, late)).toContain('redan öppnat');
    expect(responseMayReopen({ ...r, response: response('submitted') }, late)).toContain('inte är inskickat');
    expect(responseMayReopen({ ...r, response: response('approved') }, late)).toContain('inte är inskickat');
    expect(responseMayReopen({ ...r, response: null }, locked)).toContain('låst');
  });

  it('is final when approved', () => {
    expect(isResponseFinal(response('approved'))).toBe(true);
    expect(isResponseFinal(response('submitted'))).toBe(false);
    expect(isResponseFinal(null)).toBe(false);
  });
});

describe('a regional picture', () => {
  it('is edited and submitted as a draft, and final once submitted', () => {
    expect(pictureMayEdit(null)).toBe(true);
    expect(pictureMayEdit(draftPicture)).toBe(true);
    expect(pictureMaySubmit(draftPicture)).toBe(true);
    expect(pictureMayEdit(sentPicture)).toContain('redan inskickad');
    expect(pictureMaySubmit(sentPicture)).toContain('redan inskickad');
    expect(isPictureFinal(sentPicture)).toBe(true);
    expect(isPictureFinal(undefined)).toBe(false);
  });

  it('freezes the round’s respondents in the county once any of its pictures is submitted', () => {
    expect(respondentsMayChange([draftPicture])).toBe(true);
    expect(respondentsMayChange([draftPicture, sentPicture])).toContain('kan inte längre ändras');
  });
});
