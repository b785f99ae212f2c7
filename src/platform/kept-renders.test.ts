import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { derivedOnce, identityOf, KeptRenders, KeptValues } from './kept-renders.ts';

describe('kept renderings', () => {
  const form = (text: string) => (slot: string) => ({
    meta: text,
    html: `<form><input name="_csrf" value="${slot}"><p>${text}</p><input value="${slot}"></form>`,
  });

  it('puts each request’s token in every slot of a rendering made once', async () => {
    const kept = new KeptRenders<string>();
    let renders = 0;
    const render = (slot: string) => {
      renders++;
      return form('Lägesbild')(slot);
    };
    const a = await kept.get('k', render);
    const b = await kept.get('k', render);
    expect(renders).toBe(1);
    expect(a.meta).toBe('Lägesbild');
    expect(a.html('tokA')).toBe(
      '<form><input name="_csrf" value="tokA"><p>Lägesbild</p><input value="tokA"></form>',
    );
    expect(b.html('tokB')).not.toContain('tokA');
    // The bytes to send are the same page, encoded once: å, ä and ö included.
    const swedish = await kept.get('sv', form('Länets lägesbild – Östhammar'));
    expect(Buffer.concat(swedish.bytes('tökÅ')).toString('utf8')).toBe(swedish.html('tökÅ'));
    expect(b.html('tokB')).not.toContain('slot');
  });

  it('holds only the bytes: not the render callback, nor the request and data it closes over', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const kept = new KeptRenders<undefined>();
    // What a page's render closes over: the loaded rows (and, in a route, the request and the reply).
    const renderFrom = (loaded: { rows: string[] }) => (slot: string) => ({
      meta: undefined,
      html: `<form><input name="_csrf" value="${slot}"></form><p>${loaded.rows.join(', ')}</p>`,
    });
    let loaded: { rows: string[] } | undefined = { rows: ['Uppsala', 'Enköping'] };
    const data = new WeakRef(loaded);
    const page = await kept.get('k', renderFrom(loaded));
    loaded = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(data.deref()).toBeUndefined();
    expect(page.html('tok')).toBe('<form><input name="_csrf" value="tok"></form><p>Uppsala, Enköping</p>');
  });

  it('shares one rendering between requests that miss at the same time', async () => {
    const kept = new KeptRenders<string>();
    let renders = 0;
    let finish!: () => void;
    const slow = async (slot: string) => {
      renders++;
      await new Promise<void>((resolve) => (finish = resolve));
      return form('x')(slot);
    };
    const both = Promise.all([kept.get('k', slow), kept.get('k', slow)]);
    await Promise.resolve();
    finish();
    const [a, b] = await both;
    expect(renders).toBe(1);
    expect(a).toBe(b);
  });

  it('drops the least recently used past its size, and never keeps what alone is larger', async () => {
    const one = form('a')('s').html.length;
    const kept = new KeptRenders<string>(one * 2 + 1);
    await kept.get('a', form('a'));
    await kept.get('b', form('b'));
    await kept.get('a', form('a')); // a is now the most recently used
    await kept.get('c', form('c'));
    let rendered = '';
    await kept.get('b', (slot) => ((rendered = 'b again'), form('b')(slot)));
    expect(rendered).toBe('b again');
    expect(kept.size.bytes).toBeLessThanOrEqual(one * 2 + 1);
    const tiny = new KeptRenders<string>(10);
    await tiny.get('big', form('big'));
    expect(tiny.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps nothing when the rendering fails, so the next request tries again', async () => {
    const kept = new KeptRenders<string>();
    await expect(kept.get('k', () => Promise.reject(new Error('trasig')))).rejects.toThrow('trasig');
    expect((await kept.get('k', form('ok'))).meta).toBe('ok');
  });
});

describe('kept values', () => {
  it('loads once per key, shares a load between requests that miss together, and drops the oldest past its count', async () => {
    const kept = new KeptValues<number>(2);
    let loads = 0;
    const load = (n: number) => async () => (loads++, n);
    const [a, b] = await Promise.all([kept.get('a', load(1)), kept.get('a', load(99))]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    await kept.get('b', load(2));
    await kept.get('a', load(99)); // a is now the most recently used
    await kept.get('c', load(3)); // b goes
    expect(kept.size).toBe(2);
    expect(await kept.get('a', load(99))).toBe(1);
    expect(await kept.get('b', load(20))).toBe(20);
    expect(loads).toBe(4);
  });

  it('keeps nothing when the load fails', async () => {
    const kept = new KeptValues<string>();
    await expect(kept.get('k', () => Promise.reject(new Error('trasig')))).rejects.toThrow('trasig');
    expect(await kept.get('k', async () => 'ok')).toBe('ok');
  });
});

describe('values derived from kept objects', () => {
  it('derives once per object, and again for another object with the same contents', () => {
    let made = 0;
    const sorted = derivedOnce((xs: number[]) => {
      made++;
      return [...xs].sort((a, b) => a - b);
    });
    const kept = [3, 1, 2];
    const first = sorted(kept);
    expect(first).toEqual([1, 2, 3]);
    expect(sorted(kept)).toBe(first);
    expect(made).toBe(1);
    const reread = [3, 1, 2];
    expect(sorted(reread)).not.toBe(first);
    expect(made).toBe(2);
    // Its identity names its version: the same while the object is, another for another.
    expect(identityOf(sorted(kept))).toBe(identityOf(first));
    expect(identityOf(sorted(reread))).not.toBe(identityOf(first));
  });
});
