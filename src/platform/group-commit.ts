/**
 * Group commit for writes that serialise on one lock (the places of one event): requests that arrive while a
 * batch holds the lock wait in line, and the next batch takes them all in one transaction: the lock taken
 * once, the rule asked for each in order, one insert, one commit. A request that arrives with nobody ahead
 * runs at once, alone: nothing waits for a batch to fill. Each request is still answered only after the
 * transaction holding it has committed, so an acknowledged write is a committed one.
 *
 * The batch's work answers each item (a value, or the error that item alone gets: a refusal decided under the
 * lock). If the batch's work throws as a whole (a failed statement rolls back every item in it), each item of
 * a batch of several is tried again alone, so one item's fault never fails the others; an item alone gets the
 * error.
 *
 * The line is per key within this process; between processes the database's lock keeps the order.
 */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** the most items one batch takes (the rest wait for the next) */
  maxBatch?: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<K, I, R> {
  private readonly lines = new Map<K, Waiting<I, R>[]>();
  private readonly maxBatch: number;

  constructor(
    private readonly work: (key: K, items: I[]) => Promise<ItemOutcome<R>[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 200);
  }

  /** The item's answer once the batch that took it has committed; its own error otherwise. */
  submit(key: K, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const line = this.lines.get(key);
      if (line) {
        line.push({ item, resolve, reject });
        return;
      }
      this.lines.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Keys with a line now (a batch running or waiting): for tests and shutdown. */
  get busyKeys(): number {
    return this.lines.size;
  }

  private async drain(key: K): Promise<void> {
    const line = this.lines.get(key)!;
    try {
      while (line.length > 0) {
        const batch = line.splice(0, this.maxBatch);
        await this.runBatch(key, batch);
      }
    } catch (error) {
      // Never expected (runBatch answers every item itself), but a line must never be left stuck: whoever
      // still waits gets the error, and the next request for the key starts a new line.
      for (const w of line.splice(0)) w.reject(error);
    } finally {
      this.lines.delete(key);
    }
  }

  private async runBatch(key: K, batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await this.work(
        key,
        batch.map((w) => w.item),
      );
      if (outcomes.length !== batch.length)
        throw new Error(`group commit: ${outcomes.length} answers for ${batch.length} items`);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One item's fault rolled back the whole batch: each goes again alone, in its place in line.
      for (const w of batch) await this.runBatch(key, [w]);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
