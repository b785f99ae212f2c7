import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('defaults to the embedded database in demo mode on port 3000', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.dataDir).toMatch(/data$/);
  });

  it('turns demo mode off for PostgreSQL and then requires SESSION_SECRET', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://db/samverkan' })).toThrow(/SESSION_SECRET/);
    const c = parseConfig({ DATABASE_URL: 'postgres://db/samverkan', SESSION_SECRET: 'x'.repeat(32) });
    expect(c.demo).toBe(false);
    expect(c.databaseUrl).toBe('postgres://db/samverkan');
  });

  it('fails fast with a Swedish message naming the bad variable', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL måste börja med postgres/);
    expect(() => parseConfig({ DEMO: 'false', SESSION_SECRET: 'short' })).toThrow(/minst 32 tecken/);
  });

  it('trusts only the proxies named, never "anyone"', () => {
    expect(parseConfig({}).trustProxy).toEqual([]);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      '::1',
    ]);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: ange lastbalanserarens adresser/,
    );
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.5,lb.example' })).toThrow(/IP-adress eller ett nät/);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/IP-adress eller ett nät/);
  });

  it('honours PORT, DATA_DIR and an explicit DEMO', () => {
    const c = parseConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      DEMO: 'false',
      SESSION_SECRET: 's'.repeat(40),
    });
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      demo: false,
      publicUrl: 'http://localhost:8080',
    });
  });
});
