import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testConfig, type TestApp } from '../../tests/helpers/app.ts';
import { access } from './authz.ts';
import { clientKey } from './http.ts';

/** The address the login and reset limits count by, as the app sees it. */
describe('client address behind a proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      config: testConfig({ TRUST_PROXY: '10.9.9.9' }),
      extend: (app) =>
        app.get('/test/client-key', { config: { access: access.public() } }, async (req) => clientKey(req)),
    });
  });
  afterAll(() => t.close());

  const seen = async (remoteAddress: string, forwardedFor?: string) =>
    (
      await t.app.inject({
        url: '/test/client-key',
        remoteAddress,
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      })
    ).body;

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    expect(await seen('10.9.9.9', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from anyone else, so a client cannot pick its own address', async () => {
    expect(await seen('198.51.100.20', '203.0.113.7')).toBe('198.51.100.20');
    expect(await seen('198.51.100.20')).toBe('198.51.100.20');
  });
});
