import { countOf } from '../../../../platform/i18n.ts';
import { clockText } from '../../labels.ts';
import { placementOf } from '../../lifecycle.ts';
import type { PublicEventView } from '../../service.ts';
import type { Speaker } from '../../tables.ts';

/**
 * How the public pages word an event's parts, as seed 004 writes them: the programme's times and speakers,
 * where it is held, the places left. Pure functions of the event, shared by the pages and the feeds.
 */

/** "12.30", or "12.30–13.00" when the item has an end. */
export function programmeTime(item: { startsAt: Date; endsAt: Date | null }): string {
  return item.endsAt ? `${clockText(item.startsAt)}–${clockText(item.endsAt)}` : clockText(item.startsAt);
}

/** "A", "A och B", "A, B och C". */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)!}`;
}

/**
 * A programme item's speakers, a line each as the seed writes them: "Hanna Lind, handläggare, Sveriges
 * Kommuner och Regioner". Speakers without a title from the same organisation, one after another, share a
 * line: "Linnéa Björk och Erik Lindqvist, Länsstyrelsen Västra Götaland".
 */
export function speakerLines(speakers: readonly Speaker[]): string[] {
  const lines: string[] = [];
  let group: Speaker[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const org = group[0]!.organisation;
    lines.push([joinAnd(group.map((s) => s.name)), org].filter(Boolean).join(', '));
    group = [];
  };
  for (const s of speakers) {
    if (s.title) {
      flush();
      lines.push([s.name, s.title, s.organisation].filter(Boolean).join(', '));
      continue;
    }
    if (group.length > 0 && group[0]!.organisation !== s.organisation) flush();
    group.push(s);
  }
  flush();
  return lines;
}

/** Where, on the event page ("VAR:" in the seed): the address, or a digital meeting (never its link). */
export function placeText(e: { placeKind: 'address' | 'digital'; address: string | null }): string {
  if (e.placeKind === 'address') return e.address ?? '';
  const where = e.address ? `Digitalt möte (${e.address}).` : 'Digitalt möte.';
  return `${where} Länk och praktisk information skickas ut i god tid till dig som anmält dig.`;
}

/** Where, in a line of the calendar: the address or "Digitalt". */
export function placeShort(e: { placeKind: 'address' | 'digital'; address: string | null }): string {
  return e.placeKind === 'digital' ? 'Digitalt' : (e.address ?? '');
}

/**
 * Whether a new registrant gets a place or joins the waiting list, as lifecycle.ts decides it, from what the
 * page knows of the places (left is never below 0, so when none is left the taken count is the capacity).
 */
export function placementFor(places: PublicEventView['places']): 'confirmed' | 'waiting' {
  const taken = places.capacity === null ? 0 : places.capacity - (places.left ?? 0);
  return placementOf({ capacity: places.capacity, taken, waiting: places.waiting });
}

/** "3 platser kvar", "1 plats kvar", or full as the issue words it; undefined when places are unlimited. */
export function placesText(places: PublicEventView['places']): string | undefined {
  if (places.capacity === null) return undefined;
  if (placementFor(places) === 'waiting') return 'Fullbokat – du kan ställa dig i kö';
  return `${countOf(places.left ?? 0, 'plats', 'platser')} kvar`;
}
