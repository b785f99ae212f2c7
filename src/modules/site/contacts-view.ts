import type { ContactRow } from './repository.ts';

/** A contact as pages show it. */
export interface ContactView {
  id: string;
  kind: ContactRow['kind'];
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
}

/**
 * The contacts a page names, as the public sees them: one who left shows as whoever replaced them (following a
 * chain of replacements), each shown once, in the page's order; ids of another county or unknown are left out.
 */
export function resolveContacts(rows: readonly ContactRow[], ids: readonly string[]): ContactView[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const out: ContactView[] = [];
  for (const id of ids) {
    let row = byId.get(id);
    for (let hops = 0; row?.leftAt && hops < 16; hops++)
      row = row.replacedById ? byId.get(row.replacedById) : undefined;
    if (!row || row.leftAt || seen.has(row.id)) continue;
    seen.add(row.id);
    out.push({
      id: row.id,
      kind: row.kind,
      name: row.name,
      role: row.role,
      email: row.email,
      phone: row.phone,
    });
  }
  return out;
}
