import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../src/modules/situation/repository.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { factories, type Factories } from './factories.ts';

describe('factories build their parents', () => {
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
  });
  afterAll(() => t.close());

  it('a submitted response in Uppsala whose regional picture is submitted, in one call', async () => {
    const made = await make.response({ county: '03', status: 'submitted', pictureSubmitted: true });
    expect(made.round).toMatchObject({ scope: 'county', countyCode: '03' });
    expect(made.response).toMatchObject({
      status: 'submitted',
      countyCode: '03',
      organisationId: made.organisation.id,
    });
    expect(made.organisation.municipalityCode).toBe('0305');
    expect(await repo.findRegionalPicture(t.database.db, made.occasion.id, '03')).toMatchObject({
      status: 'submitted',
    });
  });

  it('each response state, on a new or a given round, national or a county’s', async () => {
    const round = await make.round({ occasions: 2 });
    expect(round.round.scope).toBe('national');
    expect(round.occasions).toHaveLength(2);
    const approved = await make.response({ round, municipality: '2281', status: 'approved' });
    expect(approved.response).toMatchObject({ status: 'approved', countyCode: '22' });
    const returned = await make.response({ round, municipality: '0380', status: 'returned', occasion: 1 });
    expect(returned.response).toMatchObject({ status: 'returned', reopened: true });
    expect(returned.occasion.id).toBe(round.occasions[1]!.id);
    const draft = await make.response({ county: '22' });
    expect(draft.response.status).toBe('draft');
    expect(draft.round.countyCode).toBe('22');
  });

  it('dates in the past: past the deadline and reopened, or locked', async () => {
    const reopened = await make.response({ status: 'draft', reopened: true });
    expect(reopened.response.reopened).toBe(true);
    expect(reopened.occasion.deadlineAt.getTime()).toBeLessThan(Date.now());
    expect(reopened.occasion.locksAt.getTime()).toBeGreaterThan(Date.now());
    const locked = await make.response({ status: 'submitted', window: 'locked' });
    expect(locked.occasion.locksAt.getTime()).toBeLessThan(Date.now());
  });

  it('a questionnaire with its first section and question, and tokens from real e-mails', async () => {
    const q = await make.questionnaire({ county: '03' });
    expect(q).toMatchObject({
      version: 1,
      countyCode: '03',
      sectionId: 'violence',
      questionId: 'violence_risk',
    });
    const invitation = await make.invitation({ county: '03' });
    expect(invitation.token.length).toBeGreaterThan(20);
    expect(invitation.mailId).toMatch(/^\d+$/);
    const reset = await make.passwordReset(await make.user('reporter'));
    expect(reset.token.length).toBeGreaterThan(20);
  });
});
