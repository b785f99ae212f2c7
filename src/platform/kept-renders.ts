/**
 * Rendered HTML kept by a key that names everything it was made from (a page's address, language, the
 * version of its data, what the viewer may do), so that a page officials open again and again is rendered
 * once per version instead of on every request. The forms in it carry a slot where each request's own CSRF
 * token goes. Bounded by size: the least recently used are dropped first. Requests that miss the same key at
 * the same time share one rendering.
 */
export class KeptRenders<M = undefined> {
  private readonly kept = new Map<string, Kept<M>>();
  private readonly pending = new Map<string, Promise<Kept<M>>>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 2 ** 20) {}

  /** The kept rendering for the key, rendering it (with the token slot) when it is missing. */
  async get(
    key: string,
    render: (csrfToken: string) => Promise<Rendered<M>> | Rendered<M>,
  ): Promise<Kept<M>> {
    const hit = this.kept.get(key);
    if (hit) {
      // Most recently used last: the Map's order is the eviction order.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const made = (async () => {
      const { meta, html } = await render(TOKEN_SLOT);
      const kept = keep(meta, html);
      this.store(key, kept);
      return kept;
    })();
    this.pending.set(key, made);
    try {
      return await made;
    } finally {
      this.pending.delete(key);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }

  private store(key: string, kept: Kept<M>): void {
    if (kept.size > this.maxBytes) return;
    const old = this.kept.get(key);
    if (old) this.bytes -= old.size;
    this.kept.delete(key);
    this.kept.set(key, kept);
    this.bytes += kept.size;
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(k);
      this.bytes -= v.size;
    }
  }
}

/**
 * A rendering as it is kept: only its UTF-8 bytes (a request copies bytes instead of encoding, and measuring,
 * the whole text again), so `size` is what it holds. Made outside `get`, so the kept functions close over the
 * bytes alone — not over the render callback, and through it the request and the data it was rendered from.
 */
function keep<M>(meta: M, html: string): Kept<M> {
  const encoded = html.split(TOKEN_SLOT).map((part) => Buffer.from(part, 'utf8'));
  const bytes = (token: string): Buffer[] => {
    const t = Buffer.from(token, 'utf8');
    return encoded.flatMap((b, i) => (i === 0 ? [b] : [t, b]));
  };
  return {
    meta,
    html: (token) => Buffer.concat(bytes(token)).toString('utf8'),
    bytes,
    size: encoded.reduce((n, b) => n + b.length, 0),
  };
}

export interface Rendered<M> {
  meta: M;
  html: string;
}

export interface Kept<M> {
  /** what the rendering said about itself (a title), kept beside it */
  meta: M;
  /** the HTML with the request's CSRF token in its forms */
  html(csrfToken: string): string;
  /** the same as UTF-8 bytes, in pieces to send one after another */
  bytes(csrfToken: string): Buffer[];
  size: number;
}

/** Where a kept rendering goes in the request's own page shell (see `reply.keptHtml`). */
export const CONTENT_SLOT = '__kept_content_slot_0d4f7a__';

/** Where a kept rendering's CSRF token goes; replaced by the request's own token every time. */
const TOKEN_SLOT = '__csrf_token_slot_5b1e9c__';

/**
 * Values (a page's loaded rows) kept by a key that names their version, bounded by count: the least
 * recently used are dropped first. Requests that miss the same key at the same time share one load.
 */
export class KeptValues<V> {
  private readonly kept = new Map<string, V>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = 256) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.kept.has(key)) {
      const hit = this.kept.get(key) as V;
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const made = load().then((value) => {
      this.kept.set(key, value);
      for (const k of this.kept.keys()) {
        if (this.kept.size <= this.maxEntries) break;
        this.kept.delete(k);
      }
      return value;
    });
    this.pending.set(key, made);
    try {
      return await made;
    } finally {
      this.pending.delete(key);
    }
  }

  get size(): number {
    return this.kept.size;
  }
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/**
 * A number naming this very object while it lives, never given to another: a key part for what is rendered
 * from a value kept as one object until it is read again (`keptUntilChanged`), whose identity is its version.
 */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}

/**
 * `derive` made once per object while it lives: what a page derives from a value kept as one object (sorted,
 * grouped) is then the same object as long, and can name a kept rendering by `identityOf`.
 */
export function derivedOnce<K extends object, V>(derive: (value: K) => V): (value: K) => V {
  const derived = new WeakMap<K, V>();
  return (value) => {
    if (derived.has(value)) return derived.get(value) as V;
    const made = derive(value);
    derived.set(value, made);
    return made;
  };
}
