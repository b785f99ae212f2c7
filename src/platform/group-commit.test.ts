import { describe, expect, it } from 'vitest';
import { GroupCommit, type ItemOutcome } from './group-commit.ts';

/** A work function that records its batches and answers when released. */
function recorder<I>(
  answer: (item: I) => ItemOutcome<string> = (i) => ({ ok: true, value: `ok:${String(i)}` }),
) {
  const batches: { key: string; items: I[] }[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  return {
    batches,
    /** later batches wait until `open` is called */
    hold() {
      gate = new Promise<void>((r) => (release = r));
    },
    open: () => release(),
    work: async (key: string, items: I[]) => {
      batches.push({ key, items: [...items] });
      await gate;
      return items.map(answer);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('runs a lone item at once, alone', async () => {
    const r = recorder<number>();
    const gc = new GroupCommit(r.work);
    await expect(gc.submit('a', 1)).resolves.toBe('ok:1');
    expect(r.batches).toEqual([{ key: 'a', items: [1] }]);
    await tick();
    expect(gc.busyKeys).toBe(0);
  });

  it('takes everything that arrived while a batch ran into the next batch, in order of arrival', async () => {
    const r = recorder<number>();
    const gc = new GroupCommit(r.work);
    r.hold();
    const first = gc.submit('a', 1);
    await tick();
    const rest = [2, 3, 4].map((i) => gc.submit('a', i));
    await tick();
    expect(r.batches).toHaveLength(1);
    r.open();
    expect(await Promise.all([first, ...rest])).toEqual(['ok:1', 'ok:2', 'ok:3', 'ok:4']);
    expect(r.batches.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const r = recorder<number>();
    const gc = new GroupCommit(r.work, { maxBatch: 2 });
    r.hold();
    const all = [1, 2, 3, 4, 5, 6].map((i) => gc.submit('a', i));
    await tick();
    r.open();
    await Promise.all(all);
    expect(r.batches.map((b) => b.items)).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it('gives an item its own refusal and the others their answers', async () => {
    const r = recorder<number>((i) =>
      i === 3 ? { ok: false, error: new Error('full') } : { ok: true, value: `ok:${i}` },
    );
    const gc = new GroupCommit(r.work);
    r.hold();
    const all = [1, 2, 3, 4].map((i) => gc.submit('a', i));
    await tick();
    r.open();
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      'ok:1',
      'ok:2',
      'full',
      'ok:4',
    ]);
  });

  it('tries each item of a failed batch again alone, so only the faulty one fails', async () => {
    const batches: number[][] = [];
    let held: Promise<void> | undefined = new Promise<void>((r) => setTimeout(r, 5));
    const gc = new GroupCommit<string, number, number>(async (_key, items) => {
      batches.push([...items]);
      if (held) {
        const h = held;
        held = undefined;
        await h;
      }
      if (items.includes(3)) throw new Error('statement failed');
      return items.map((i) => ({ ok: true, value: i * 10 }));
    });
    const all = [1, 2, 3, 4].map((i) => gc.submit('a', i));
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      10,
      20,
      'statement failed',
      40,
    ]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    await tick();
    expect(gc.busyKeys).toBe(0);
  });

  it('keeps a line per key: another key is not held up', async () => {
    const r = recorder<number>();
    const gc = new GroupCommit(r.work);
    r.hold();
    const a = gc.submit('a', 1);
    await tick();
    const b = gc.submit('b', 2);
    await tick();
    expect(r.batches.map((x) => x.key)).toEqual(['a', 'b']);
    r.open();
    expect(await Promise.all([a, b])).toEqual(['ok:1', 'ok:2']);
  });

  it('refuses a work function that answers the wrong number of items', async () => {
    const gc = new GroupCommit<string, number, number>(async () => []);
    await expect(gc.submit('a', 1)).rejects.toThrow('0 answers for 1 items');
  });
});
