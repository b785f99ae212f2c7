import { describe, expect, it } from 'vitest';
import { mayDeleteNews, mayUnpublishNews, newsStatus } from './lifecycle.ts';

const now = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('a news item by the clock', () => {
  it('is a draft, scheduled, published or expired', () => {
    expect(newsStatus({ publishedAt: null, expiresAt: null }, now)).toBe('draft');
    expect(newsStatus({ publishedAt: at(1), expiresAt: null }, now)).toBe('scheduled');
    expect(newsStatus({ publishedAt: at(-1), expiresAt: at(1) }, now)).toBe('published');
    expect(newsStatus({ publishedAt: at(-2), expiresAt: at(-1) }, now)).toBe('expired');
  });

  it('is unpublished unless a draft, and deleted only as a draft', () => {
    const draft = { publishedAt: null, expiresAt: null };
    const scheduled = { publishedAt: at(5), expiresAt: null };
    expect(mayUnpublishNews(draft, now)).toBe('Nyheten är inte publicerad');
    expect(mayUnpublishNews(scheduled, now)).toBe(true);
    expect(mayDeleteNews(draft, now)).toBe(true);
    expect(mayDeleteNews(scheduled, now)).toMatch(/Bara ett utkast/);
  });
});
