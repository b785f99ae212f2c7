import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-reads.ts';

/** A read whose queries are answered by hand: each sees the value the "database" holds when it is sent. */
function fakeDatabase() {
  const db = { value: 0 };
  const sent: Array<{ key: string; seen: number; answer: () => void; fail: (e: Error) => void }> = [];
  const read = sharedReads(
    (d: typeof db, key: string) =>
      new Promise<string>((resolve, reject) => {
        const seen = d.value;
        sent.push({ key, seen, answer: () => resolve(`${key}:${seen}`), fail: reject });
      }),
    (key) => key,
  );
  return { db, sent, read };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('shared reads', () => {
  it('callers who ask while no query is out share the one they start', async () => {
    const { db, sent, read } = fakeDatabase();
    const a = read(db, 'x');
    const b = read(db, 'x');
    expect(sent).toHaveLength(1);
    sent[0]!.answer();
    // b asked while a's query was out: it waits for the next one, sent when the first returns.
    expect(await a).toBe('x:0');
    await tick();
    expect(sent).toHaveLength(2);
    sent[1]!.answer();
    expect(await b).toBe('x:0');
  });

  it('never answers a caller with a query sent before it asked', async () => {
    const { db, sent, read } = fakeDatabase();
    const first = read(db, 'x');
    // A change is committed and seen by someone who then asks: the query out was sent before.
    db.value = 1;
    const second = read(db, 'x');
    const third = read(db, 'x');
    sent[0]!.answer();
    expect(await first).toBe('x:0');
    await tick();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.seen).toBe(1);
    sent[1]!.answer();
    expect(await second).toBe('x:1');
    expect(await third).toBe('x:1');
    // Nobody waits any more: the next caller starts a query of its own at once.
    const fourth = read(db, 'x');
    expect(sent).toHaveLength(3);
    sent[2]!.answer();
    expect(await fourth).toBe('x:1');
  });

  it('keys and databases apart; a failed query fails only those who shared it', async () => {
    const { db, sent, read } = fakeDatabase();
    const other = { value: 7 };
    const x = read(db, 'x');
    const y = read(db, 'y');
    const z = read(other, 'x');
    expect(sent.map((s) => `${s.key}:${s.seen}`)).toEqual(['x:0', 'y:0', 'x:7']);
    const later = read(db, 'x');
    sent[0]!.fail(new Error('gone'));
    await expect(x).rejects.toThrow('gone');
    await tick();
    sent[3]!.answer();
    expect(await later).toBe('x:0');
    sent[1]!.answer();
    sent[2]!.answer();
    expect([await y, await z]).toEqual(['y:0', 'x:7']);
  });
});
