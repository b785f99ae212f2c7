/**
 * A line-based diff of two texts (a revision against the one before it): the longest common subsequence of
 * their lines, then each line as kept, added or removed, in reading order. Quadratic in the lines, which a
 * page's body keeps within reason (a page of 2 000 lines is 4 million cells); beyond DIFF_MAX_CELLS the
 * texts are shown as all removed and all added rather than computed.
 */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

export const DIFF_MAX_CELLS = 4_000_000;

const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

export function diffLines(before: string, after: string): DiffLine[] {
  const a = linesOf(before);
  const b = linesOf(after);
  // The common head and tail need no table (most edits change a few lines in the middle).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  if ((ma.length + 1) * (mb.length + 1) > DIFF_MAX_CELLS) {
    out.push(...ma.map((text): DiffLine => ({ kind: 'removed', text })));
    out.push(...mb.map((text): DiffLine => ({ kind: 'added', text })));
  } else out.push(...middle(ma, mb));
  out.push(...a.slice(a.length - tail).map((text): DiffLine => ({ kind: 'same', text })));
  return out;
}

/** The LCS table from the end (lengths of the common subsequence of a[i..] and b[j..]), then a walk from the start. */
function middle(a: string[], b: string[]): DiffLine[] {
  const w = b.length + 1;
  const table = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * w + j] =
        a[i] === b[j]
          ? table[(i + 1) * w + j + 1]! + 1
          : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) out.push({ kind: 'added', text: b[j++]! });
  return out;
}

/** Whether anything changed. */
export const hasChanges = (lines: readonly DiffLine[]): boolean => lines.some((l) => l.kind !== 'same');
