/**
 * Rendered fragments kept by a key: the parts of the page shell that are the same for everyone with the
 * same language, county and menu (the county list, the header), rendered once instead of on every request.
 * A fragment must be a pure function of its key. The map is bounded: past `max` keys it starts again.
 */
export class FragmentMemo {
  private readonly rendered = new Map<string, string>();

  constructor(private readonly max = 2000) {}

  get(key: string, render: () => JSX.Element): JSX.Element {
    const hit = this.rendered.get(key);
    if (hit !== undefined) return hit;
    const html = render();
    if (typeof html !== 'string')
      throw new Error(`FragmentMemo: the fragment ${key} rendered asynchronously`);
    if (this.rendered.size >= this.max) this.rendered.clear();
    this.rendered.set(key, html);
    return html;
  }

  get size(): number {
    return this.rendered.size;
  }
}
