import { describe, expect, it } from 'vitest';
import { DIFF_MAX_CELLS, diffLines, hasChanges } from './diff.ts';

const show = (before: string, after: string) =>
  diffLines(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

describe('a line-based diff of two revisions', () => {
  it('keeps equal texts as they are', () => {
    expect(show('a\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(hasChanges(diffLines('a\nb', 'a\nb'))).toBe(false);
    expect(diffLines('', '')).toEqual([]);
  });

  it('shows added, removed and changed lines in reading order', () => {
    expect(show('a\nb\nc', 'a\nc')).toEqual([' a', '-b', ' c']);
    expect(show('a\nc', 'a\nb\nc')).toEqual([' a', '+b', ' c']);
    expect(show('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
    expect(show('', 'ny')).toEqual(['+ny']);
    expect(show('gammal', '')).toEqual(['-gammal']);
  });

  it('finds the longest common part when lines move', () => {
    const lines = diffLines('x\na\nb\nc\ny', 'a\nq\nb\nc\nz');
    expect(lines.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual(['x', 'y']);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['q', 'z']);
  });

  it('reads CRLF as LF', () => {
    expect(show('a\r\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('falls back to all removed and all added beyond its bound', () => {
    const n = Math.ceil(Math.sqrt(DIFF_MAX_CELLS)) + 1;
    const before = Array.from({ length: n }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: n }, (_, i) => `b${i}`).join('\n');
    const lines = diffLines(before, after);
    expect(lines).toHaveLength(2 * n);
    expect(lines[0]!.kind).toBe('removed');
    expect(lines[n]!.kind).toBe('added');
  });
});
