/*
 * Parsers for the values a case-system extract carries: dates in the three
 * forms extract.md allows, Y/N-style flags and identifiers. Each returns a
 * result or a reason a person can act on; none throws, whatever the input
 * (property-tested). Dates are ISO strings (`YYYY-MM-DD`) from here on.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const DFE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}\/\d{1,2}\/\d{2}$|^\d{2}-\d{2}-\d{2}$/;

export const EARLIEST_DATE = '1900-01-01';

/**
 * Reads an extract date. `latest` is the last acceptable date (the extract
 * date plus one year); anything later, or before 1900, is a bad value: a date
 * in 2107 is a typing slip, not a plan that starts next century.
 */
export function parseDate(raw: string, latest: string): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  let y: number, m: number, d: number;
  const iso = ISO.exec(s);
  const dfe = iso ? null : DFE.exec(s);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
    if (iso[4] !== undefined && (Number(iso[4]) > 23 || Number(iso[5]) > 59 || Number(iso[6] ?? 0) > 59)) {
      return { ok: false, reason: `'${shorten(s)}' has an impossible time of day` };
    }
  } else if (dfe) {
    d = Number(dfe[1]);
    m = Number(dfe[2]);
    y = Number(dfe[3]);
  } else if (TWO_DIGIT_YEAR.test(s)) {
    return { ok: false, reason: `'${shorten(s)}' has a two-digit year; use YYYY-MM-DD or DD/MM/YYYY` };
  } else {
    return { ok: false, reason: `'${shorten(s)}' is not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or DD/MM/YYYY)` };
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: `'${shorten(s)}' is not a real date` };
  }
  const value = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (value < EARLIEST_DATE) return { ok: false, reason: `'${shorten(s)}' is before 1900` };
  if (value > latest) return { ok: false, reason: `'${shorten(s)}' is after ${latest} (the extract date plus one year)` };
  return { ok: true, value };
}

const TRUE = new Set(['y', 'yes', '1', 'true', 't']);
const FALSE = new Set(['n', 'no', '0', 'false', 'f']);

/** Y/N, 1/0, true/false in any case; empty is unknown (null). */
export function parseFlag(raw: string): Parsed<boolean | null> {
  const s = raw.trim().toLowerCase();
  if (s === '') return { ok: true, value: null };
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, reason: `'${shorten(raw)}' is not a flag (expected Y/N, 1/0 or true/false)` };
}

/**
 * Identifiers are text: Mosaic's numeric IDs keep their leading zeros. Only
 * surrounding white space is removed; an empty ID is missing.
 */
export function parseId(raw: string): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  if (s.length > 200) return { ok: false, reason: `an identifier of ${s.length} characters is too long to be an ID` };
  return { ok: true, value: s };
}

/** Free text (codes, categories): trimmed, empty is null, capped so one bad field cannot bloat the database. */
export function parseText(raw: string): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  if (s.length > 1000) return { ok: false, reason: `a value of ${s.length} characters is too long for this column` };
  return { ok: true, value: s };
}

/**
 * The 903 legal status codes and their DfE descriptions (extract.md v2). Case
 * systems' SSD scripts fill the legal status from a code column, a
 * description column or both, so all three are read (parseLegalStatus).
 */
export const LEGAL_STATUSES: Readonly<Record<string, string>> = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  J1: 'Remanded to local authority accommodation or to youth detention accommodation',
  J2: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation',
  J3: 'Sentenced to Youth Rehabilitation Order',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order (EPO)',
  L3: 'Under child assessment order and in local authority accommodation',
  V2: 'Single period of accommodation under section 20 (Children Act 1989)',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)',
};

// compared ignoring case, spaces and punctuation: letters and digits only
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const SQUASHED = Object.entries(LEGAL_STATUSES).map(([code, text]) => ({ code, squashed: squash(code), text: squash(text) }));
/**
 * Where the spec is silent: a description cut short must keep at least this
 * many letters and digits (e.g. "Full care" is 8), so that a stray word or a
 * single letter is never taken for a status.
 */
export const LEGAL_STATUS_MIN_PREFIX = 8;

/** Whether `rest` is the code's description, or a cut-short start of it (J3's statutory name may run on). */
function describes(code: string, rest: string): boolean {
  const d = SQUASHED.find((s) => s.code === code)!.text;
  return d.startsWith(rest) || (code === 'J3' && rest.startsWith(d));
}

/**
 * A legal status (extract.md v2): the 903 LS code (`V3`), its DfE
 * description, or both (`V3 - Accommodated under ...`), matched ignoring case,
 * spaces and punctuation; a description cut short by the case system that
 * names only one code is that code. Anything else is a bad value, never a
 * guess: V3/V4 decide who is looked after. The value is the code.
 */
export function parseLegalStatus(raw: string): Parsed<string | null> {
  const s = squash(raw);
  if (raw.trim() === '') return { ok: true, value: null };
  // a code, alone or followed by its own description (whole or cut short)
  const coded = SQUASHED.find((c) => s.startsWith(c.squashed) && describes(c.code, s.slice(c.squashed.length)));
  if (coded) return { ok: true, value: coded.code };
  // a description alone, whole or cut short, naming exactly one code
  if (s.length >= LEGAL_STATUS_MIN_PREFIX) {
    const named = SQUASHED.filter((c) => describes(c.code, s));
    if (named.length === 1) return { ok: true, value: named[0]!.code };
    if (named.length > 1) {
      return { ok: false, reason: `'${shorten(raw.trim())}' could be any of ${named.map((c) => c.code).join(', ')} (a description cut short); give the 903 legal status code` };
    }
  }
  return { ok: false, reason: `'${shorten(raw.trim())}' is not a 903 legal status (a code such as C2 or V3, or its DfE description)` };
}

/** A whole non-negative number (population counts, years). */
export function parseCount(raw: string): Parsed<number | null> {
  const s = raw.trim().replace(/,/g, '');
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,12}$/.test(s)) return { ok: false, reason: `'${shorten(raw)}' is not a whole number` };
  return { ok: true, value: Number(s) };
}

/** The extract date plus one year (29 February -> 28 February). */
export function latestAcceptableDate(extractDate: string): string {
  const y = Number(extractDate.slice(0, 4)) + 1;
  const m = Number(extractDate.slice(5, 7));
  const d = Math.min(Number(extractDate.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Text shown in a message, at most `max` characters (the last three `...`):
 * values are echoed in reasons and names in messages, and a 10 MB field must
 * not become a 10 MB message. Reasons keep a value to 40 characters.
 */
export function shorten(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
