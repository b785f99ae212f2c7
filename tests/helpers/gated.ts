import type { Db } from '../../src/db/client.ts';

/**
 * A database whose transactions wait at the door until `open()`: the caller has done all it does before its
 * transaction (`arrived`), and a competing request runs in between. This is the interleaving a real server
 * sees under load; on one embedded connection it does not arise by itself.
 */
export function gatedTransactions(db: Db): { db: Db; arrived: Promise<void>; open: () => void } {
  let open!: () => void;
  let arrive!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const gated = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction')
        return async (...args: Parameters<Db['transaction']>) => {
          arrive();
          await gate;
          return target.transaction(...args);
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: gated, arrived, open };
}
