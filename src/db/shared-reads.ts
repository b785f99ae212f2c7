/**
 * Reads of the same thing asked at the same time share one query, and never a query sent before they were
 * asked. A caller starts the query when none is out; while one is out (sent before it asked, so it may miss a
 * change the caller has just seen committed), it waits for the next one, which is sent as soon as that one
 * returns and is shared by everyone who asked meanwhile. So each caller gets what the database held at a
 * moment after it asked, as with a query of its own, while a page that 50 visitors ask at once costs a query
 * or two instead of 50. At most one query per key is out and one waits.
 *
 * The key names what is read; the executor is part of it (a process may hold more than one database).
 */
export function sharedReads<D extends object, A extends unknown[], V>(
  read: (db: D, ...args: A) => Promise<V>,
  keyOf: (...args: A) => string,
): (db: D, ...args: A) => Promise<V> {
  const byDb = new WeakMap<D, Map<string, Turn<V>>>();
  return (db, ...args) => {
    let turns = byDb.get(db);
    if (!turns) {
      turns = new Map();
      byDb.set(db, turns);
    }
    const key = keyOf(...args);
    const turn = turns.get(key);
    if (!turn) {
      const started: Turn<V> = { out: Promise.resolve() as Promise<V>, next: undefined };
      turns.set(key, started);
      started.out = run(turns, key, started, () => read(db, ...args));
      return started.out;
    }
    turn.next ??= deferred<V>();
    return turn.next.promise;
  };
}

interface Turn<V> {
  /** the query that is out */
  out: Promise<V>;
  /** the callers that asked while it was out: they share the next query */
  next: Deferred<V> | undefined;
}

/** Runs the query; when it returns, sends the next one for those who asked meanwhile, or forgets the key. */
function run<V>(
  turns: Map<string, Turn<V>>,
  key: string,
  turn: Turn<V>,
  query: () => Promise<V>,
): Promise<V> {
  const out = query();
  const after = () => {
    const waiting = turn.next;
    if (!waiting) {
      turns.delete(key);
      return;
    }
    turn.next = undefined;
    turn.out = run(turns, key, turn, query);
    turn.out.then(waiting.resolve, waiting.reject);
  };
  out.then(after, after);
  return out;
}

interface Deferred<V> {
  promise: Promise<V>;
  resolve: (v: V) => void;
  reject: (e: unknown) => void;
}

function deferred<V>(): Deferred<V> {
  let resolve!: (v: V) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
