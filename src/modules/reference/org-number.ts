/** Swedish organisationsnummer: ten digits NNNNNN-NNNN whose last digit is a Luhn check digit. */
export function normaliseOrgNumber(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return undefined;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Returns the canonical form (NNNNNN-NNNN) of a valid number, undefined for an invalid one. */
export function parseOrgNumber(input: string): string | undefined {
  const canonical = normaliseOrgNumber(input);
  if (!canonical) return undefined;
  const digits = canonical.replace('-', '');
  // Legal entities have a third digit of at least 2 (month position ≥ 20); personal numbers do not.
  if (Number(digits[2]) < 2) return undefined;
  return luhnValid(digits) ? canonical : undefined;
}
