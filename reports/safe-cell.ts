/*
 * Formula-injection guard for anything a spreadsheet may open (CSV, xlsx).
 * A text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return can be
 * read as a formula by Excel, LibreOffice or Power Query (OWASP "CSV
 * injection"); we prefix such text with `'` so it stays text. Numbers are not
 * text: -1.5 is written as a number and never prefixed. Titles and notes come
 * from the registry and the extract, so every text cell goes through here.
 */

import { formatValue } from './format.ts';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet could read this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!);
}

/** Text safe to place in a spreadsheet cell: `=HYPERLINK(...)` -> `'=HYPERLINK(...)`. */
export function neutraliseText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** A value for an xlsx cell: numbers stay numbers, text is neutralised, null stays empty. */
export function safeCellValue(value: string | number | null): string | number | null {
  return typeof value === 'string' ? neutraliseText(value) : value;
}

/** A one-decimal figure for CSV, printed with its decimal (`69.0`) and never prefixed. */
export interface OneDecimal {
  oneDecimal: number;
}

export type CsvValue = string | number | null | OneDecimal;

/**
 * One RFC 4180 CSV field. Text is neutralised first, then quoted when it holds
 * a comma, quote, CR or LF. Numbers are written as numbers (a negative number
 * keeps its sign and is not prefixed): counts as their digits, one-decimal
 * figures with their decimal; null is empty.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return formatValue(finite(value.oneDecimal));
  if (typeof value === 'number') return String(finite(value));
  const text = neutraliseText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line ending). */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

function finite(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} to CSV`);
  return n;
}
