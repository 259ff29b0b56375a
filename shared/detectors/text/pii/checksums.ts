// Check digits of the identifiers the rulebook names. Each takes the bare characters (no spaces).

/** NHS number: ten digits, the last a mod-11 check on the first nine (weights 10 down to 2). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}

/** Payment card number: 13 to 19 digits passing the Luhn check. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** IBAN lengths of the countries most likely to appear in an English council's post. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  GB: 22, IE: 22, GG: 22, JE: 22, IM: 22, FR: 27, DE: 22, ES: 24, IT: 27, NL: 18, BE: 16, PT: 25,
  PL: 28, CH: 21, AT: 20, DK: 18, SE: 24, NO: 15, FI: 18, LU: 20, GR: 27, CY: 28, MT: 31, GI: 23,
};

/** IBAN: country code, two check digits and the account, passing ISO 13616 mod-97. */
export function isIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

const NINO_NEVER = /[DFIQUV]/;
const NINO_BARRED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** National Insurance number prefix: D F I Q U V never first or second, O never second, not BG GB KN NK NT TN ZZ. */
export function isNinoPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  return p.length === 2 && !NINO_NEVER.test(p) && p[1] !== 'O' && !NINO_BARRED_PREFIXES.has(p);
}
