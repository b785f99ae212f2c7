import { describe, expect, it } from 'vitest';
import { FragmentMemo } from './memo.ts';

describe('a memo of rendered fragments', () => {
  it('renders a key once, keeps each key apart, and starts again past its bound', () => {
    const memo = new FragmentMemo(2);
    let renders = 0;
    const render = (text: string) => () => {
      renders++;
      return `<p>${text}</p>`;
    };
    expect(memo.get('a', render('A'))).toBe('<p>A</p>');
    expect(memo.get('a', render('other'))).toBe('<p>A</p>');
    expect(memo.get('b', render('B'))).toBe('<p>B</p>');
    expect(renders).toBe(2);
    expect(memo.get('c', render('C'))).toBe('<p>C</p>');
    expect(memo.size).toBeLessThanOrEqual(2);
    expect(memo.get('a', render('A again'))).toBe('<p>A again</p>');
  });

  it('refuses a fragment that renders asynchronously (it would keep a promise)', () => {
    expect(() => new FragmentMemo().get('x', () => Promise.resolve('<p></p>'))).toThrow(/asynchronously/);
  });
});
