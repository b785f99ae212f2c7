/**
 * The references a council's priorities and interventions name, checked by their real shapes: Agenda 2030's
 * targets ("10.2", "16.a": a goal 1–17 and one of its targets), Kolada's key figures ("N00945") and the periods
 * progress is reported for ("2025", "2025-H1", "2025-T2"). Pure functions; the services parse with them.
 */

/** The 17 global goals in Swedish, with how many numbered and lettered targets each has. */
export const agendaGoals: ReadonlyArray<{ goal: number; name: string; numbered: number; lettered: number }> =
  [
    { goal: 1, name: 'Ingen fattigdom', numbered: 5, lettered: 2 },
    { goal: 2, name: 'Ingen hunger', numbered: 5, lettered: 3 },
    { goal: 3, name: 'Hälsa och välbefinnande', numbered: 9, lettered: 4 },
    { goal: 4, name: 'God utbildning för alla', numbered: 7, lettered: 3 },
    { goal: 5, name: 'Jämställdhet', numbered: 6, lettered: 3 },
    { goal: 6, name: 'Rent vatten och sanitet för alla', numbered: 6, lettered: 2 },
    { goal: 7, name: 'Hållbar energi för alla', numbered: 3, lettered: 2 },
    { goal: 8, name: 'Anständiga arbetsvillkor och ekonomisk tillväxt', numbered: 10, lettered: 2 },
    { goal: 9, name: 'Hållbar industri, innovationer och infrastruktur', numbered: 5, lettered: 3 },
    { goal: 10, name: 'Minskad ojämlikhet', numbered: 7, lettered: 3 },
    { goal: 11, name: 'Hållbara städer och samhällen', numbered: 7, lettered: 3 },
    { goal: 12, name: 'Hållbar konsumtion och produktion', numbered: 8, lettered: 3 },
    { goal: 13, name: 'Bekämpa klimatförändringarna', numbered: 3, lettered: 2 },
    { goal: 14, name: 'Hav och marina resurser', numbered: 7, lettered: 3 },
    { goal: 15, name: 'Ekosystem och biologisk mångfald', numbered: 9, lettered: 3 },
    { goal: 16, name: 'Fredliga och inkluderande samhällen', numbered: 10, lettered: 2 },
    { goal: 17, name: 'Genomförande och globalt partnerskap', numbered: 19, lettered: 0 },
  ];

/** "10.2" → true; "18.1", "10.9", "5.d", "10" → false. */
export function isAgendaTarget(value: string): boolean {
  const m = /^(\d{1,2})\.(\d{1,2}|[a-z])$/.exec(value);
  if (!m) return false;
  const goal = agendaGoals.find((g) => g.goal === Number(m[1]));
  if (!goal || m[1]!.startsWith('0')) return false;
  const target = m[2]!;
  if (/^[a-z]$/.test(target)) return target.charCodeAt(0) - 96 <= goal.lettered;
  return !target.startsWith('0') && Number(target) >= 1 && Number(target) <= goal.numbered;
}

/** "10.2" → "10.2 Minskad ojämlikhet": a target with its goal's name, as the pages show it. */
export function agendaTargetText(target: string): string {
  const goal = agendaGoals.find((g) => g.goal === Number(target.split('.')[0]));
  return goal ? `${target} ${goal.name}` : target;
}

/** Kolada's key figures: N (municipalities, regions) or U (units) and five digits. */
export const isKoladaKpi = (value: string): boolean => /^[NU]\d{5}$/.test(value);

/** A key figure on Kolada's own pages (no indicators capability in this product yet). */
export const koladaUrl = (kpi: string): string =>
  `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(kpi)}`;

/** A period of a progress report: a year, a half year (H1, H2) or a third (T1–T3). */
export const isReportPeriod = (value: string): boolean => /^(19|20)\d{2}(-(H[12]|T[1-3]))?$/.test(value);

/** "2025-H1" → "första halvåret 2025". */
export function periodText(period: string): string {
  const [year, part] = period.split('-');
  if (!part) return `år ${year}`;
  const names: Record<string, string> = {
    H1: 'första halvåret',
    H2: 'andra halvåret',
    T1: 'första tertialet',
    T2: 'andra tertialet',
    T3: 'tredje tertialet',
  };
  return `${names[part] ?? part} ${year}`;
}

/** The items of a list typed one per line (`lines`), or also separated by commas or semicolons; no empties or repeats. */
export function listFrom(text: string, by: 'lines' | 'items'): string[] {
  const parts = text.split(by === 'lines' ? /\n+/ : /[\n,;\s]+/);
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}
