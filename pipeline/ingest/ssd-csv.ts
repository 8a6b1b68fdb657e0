/*
 * The Standard Safeguarding Dataset CSV adapter: one SSD file's bytes in, rows
 * for one internal table out, with every row it could not use quarantined
 * (line, column, value, reason). A file that cannot be read as the table it
 * claims to be (not UTF-8, wrong delimiter, a required column missing) rejects
 * the whole extract: half an extract would give wrong figures, not fewer.
 *
 * Reasons never echo an identifier: quarantine summaries are printed, and an ID
 * in a log is a child's ID in a log.
 */
import { createHash } from 'node:crypto';
import { decodeUtf8, guessWrongDelimiter, parseCsv } from '../csv.ts';
import { InputRejected } from '../errors.ts';
import { parseCount, parseDate, parseFlag, parseId, parseText } from '../values.ts';
import type { Parsed } from '../values.ts';
import type { SsdFileSpec } from './ssd-files.ts';
import type { ColumnSpec, FileReport, QuarantinedRow, TableRows } from './types.ts';

export const ADAPTER = 'ssd-csv';

export interface FileResult {
  report: FileReport;
  rows: TableRows;
  quarantine: QuarantinedRow[];
  notes: string[];
}

export function readSsdFile(spec: SsdFileSpec, relPath: string, bytes: Uint8Array, latestDate: string): FileResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const csv = parseCsv(decodeUtf8(bytes, relPath), relPath);
  const header = csv.header;
  const wrong = guessWrongDelimiter(header);
  if (wrong) throw new InputRejected({ file: relPath, line: csv.headerLine }, `is ${wrong}-separated; safeguard reads comma-separated files (RFC 4180)`);
  checkHeader(spec, relPath, header, csv.headerLine);

  const present = spec.columns.filter((c) => header.includes(c.source));
  const positions = present.map((c) => header.indexOf(c.source));
  const known = new Set(spec.columns.map((c) => c.source));
  const ignored = header.filter((h) => !known.has(h));

  const rows: TableRows = { table: spec.table, columns: present.map((c) => c.target), rows: [], files: [], lines: [] };
  const quarantine: QuarantinedRow[] = [];
  const orderChecks = (spec.dateOrder ?? [])
    .map(([a, b]) => [rows.columns.indexOf(a), rows.columns.indexOf(b), a, b] as const)
    .filter(([ia, ib]) => ia >= 0 && ib >= 0);

  // a column of dates holds a few thousand distinct values in a million rows: parse each once
  const dateCache = new Map<string, Parsed<string | null>>();
  const parse = (col: ColumnSpec, raw: string): Parsed<string | null> => {
    if (col.kind !== 'date') return parseValue(col, raw, latestDate);
    let p = dateCache.get(raw);
    if (!p) dateCache.set(raw, (p = parseValue(col, raw, latestDate)));
    return p;
  };
  const plainText = present.map((c) => c.kind === 'id' || c.kind === 'text');
  for (const rec of csv.records) {
    if (rec.fields.length !== header.length) {
      quarantine.push({
        file: relPath,
        line: rec.line,
        column: null,
        value: null,
        reason: `has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}; the header has ${header.length} (a stray comma, or a row cut short)`,
      });
      continue;
    }
    const values: (string | null)[] = [];
    let bad: QuarantinedRow | null = null;
    for (let k = 0; k < present.length; k++) {
      const col = present[k]!;
      const raw = rec.fields[positions[k]!] ?? '';
      // most IDs and codes need nothing done: short, printable ASCII at both ends (trim() would keep them)
      if (plainText[k] && raw.length > 0 && raw.length <= 200 && isPlain(raw.charCodeAt(0)) && isPlain(raw.charCodeAt(raw.length - 1))) {
        values.push(raw);
        continue;
      }
      const parsed = parse(col, raw);
      if (!parsed.ok) {
        bad = { file: relPath, line: rec.line, column: col.source, value: clipValue(raw), reason: parsed.reason };
        break;
      }
      if (parsed.value === null && col.valueRequired) {
        bad = { file: relPath, line: rec.line, column: col.source, value: null, reason: `${col.source} is empty` };
        break;
      }
      values.push(parsed.value);
    }
    if (!bad) {
      for (const [ia, ib, a, b] of orderChecks) {
        const start = values[ia];
        const end = values[ib];
        if (start && end && end < start) {
          const source = present[ib]!.source;
          bad = { file: relPath, line: rec.line, column: source, value: end, reason: `${source} is before ${present[ia]!.source} (${b} before ${a})` };
          break;
        }
      }
    }
    if (!bad && spec.oneOfColumns) {
      const idx = spec.oneOfColumns.map((s) => present.findIndex((c) => c.source === s)).filter((i) => i >= 0);
      if (idx.every((i) => values[i] === null)) {
        bad = { file: relPath, line: rec.line, column: spec.oneOfColumns.join('/'), value: null, reason: `has neither ${spec.oneOfColumns.join(' nor ')}` };
      }
    }
    if (bad) {
      quarantine.push(bad);
      continue;
    }
    rows.rows.push(values);
    rows.files.push(relPath);
    rows.lines.push(rec.line);
  }

  quarantine.push(...removeDuplicates(spec, rows));

  const notes = ignored.length > 0 ? [`${relPath}: columns not used: ${ignored.join(', ')}`] : [];
  return {
    report: {
      file: relPath,
      adapter: ADAPTER,
      table: spec.table,
      bytes: bytes.length,
      sha256,
      rowsRead: csv.records.length,
      rowsLoaded: rows.rows.length,
      rowsQuarantined: quarantine.length,
      columnsRead: present.map((c) => c.source),
      columnsIgnored: ignored,
    },
    rows,
    quarantine,
    notes,
  };
}

function checkHeader(spec: SsdFileSpec, file: string, header: string[], line: number): void {
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new InputRejected({ file, line }, 'has an empty column name in its header');
    if (seen.has(h)) throw new InputRejected({ file, line, column: h }, `has the column ${h} twice`);
    seen.add(h);
  }
  for (const c of spec.columns) {
    if (c.required && !seen.has(c.source)) {
      throw new InputRejected({ file, line, column: c.source }, `is missing the required column ${c.source} (it has: ${header.join(', ')})`);
    }
  }
  if (spec.oneOfColumns && !spec.oneOfColumns.some((c) => seen.has(c))) {
    throw new InputRejected({ file, line, column: spec.oneOfColumns.join('/') }, `needs one of the columns ${spec.oneOfColumns.join(' or ')}`);
  }
}

function parseValue(col: ColumnSpec, raw: string, latestDate: string): Parsed<string | null> {
  switch (col.kind) {
    case 'id':
      return parseId(raw);
    case 'text':
      return parseText(raw);
    case 'date':
      return parseDate(raw, latestDate);
    case 'flag': {
      const f = parseFlag(raw);
      return f.ok ? { ok: true, value: f.value === null ? null : String(f.value) } : f;
    }
    case 'count': {
      const n = parseCount(raw);
      return n.ok ? { ok: true, value: n.value === null ? null : String(n.value) } : n;
    }
  }
}

/**
 * The same record twice is loaded once (the copy is quarantined as a copy);
 * the same ID with different content is a conflict we cannot settle, so every
 * copy is quarantined and the record counts nowhere until the LA fixes it.
 */
function removeDuplicates(spec: SsdFileSpec, rows: TableRows): QuarantinedRow[] {
  if (spec.key.length === 0) return [];
  const keyIdx = spec.key.map((k) => rows.columns.indexOf(k));
  const single = keyIdx.length === 1 ? keyIdx[0]! : -1;
  // first occurrence of each key; only repeated keys get a list (a million IDs, a handful repeated)
  const first = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  rows.rows.forEach((r, i) => {
    // one-column keys (every SSD ID) are the value itself; composite keys are joined unambiguously
    const key = single >= 0 ? (r[single] ?? '') : JSON.stringify(keyIdx.map((k) => (k >= 0 ? r[k] : null)));
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else {
      const g = repeated.get(key);
      if (g) g.push(i);
      else repeated.set(key, [at, i]);
    }
  });
  const groups = [...repeated.values()].sort((a, b) => a[0]! - b[0]!);
  const drop = new Map<number, QuarantinedRow>();
  const keyColumn = spec.columns.find((c) => c.target === spec.key[0])?.source ?? null;
  for (const idxs of groups) {
    const head = idxs[0]!;
    const firstContent = JSON.stringify(rows.rows[head]);
    const allSame = idxs.every((i) => JSON.stringify(rows.rows[i]) === firstContent);
    const lines = idxs.map((i) => rows.lines[i]!);
    for (const i of allSame ? idxs.slice(1) : idxs) {
      drop.set(i, {
        file: rows.files[i]!,
        line: rows.lines[i]!,
        column: keyColumn,
        value: null,
        reason: allSame
          ? `exact copy of the row on line ${rows.lines[head]} (loaded once)`
          : `the same ID is on lines ${lines.join(', ')} with different values; none loaded until the extract is corrected`,
      });
    }
  }
  if (drop.size === 0) return [];
  filterRows(rows, (i) => !drop.has(i));
  return [...drop.values()];
}

/** Keeps the rows for which keep(i) is true, in place. */
export function filterRows(rows: TableRows, keep: (i: number) => boolean): void {
  // keep() is called once per row (callers record what they drop); nothing dropped, nothing copied
  const kept = new Uint8Array(rows.rows.length);
  let dropped = 0;
  for (let i = 0; i < rows.rows.length; i++) {
    if (keep(i)) kept[i] = 1;
    else dropped++;
  }
  if (dropped === 0) return;
  const r: (string | null)[][] = [];
  const f: string[] = [];
  const l: number[] = [];
  for (let i = 0; i < rows.rows.length; i++) {
    if (!kept[i]) continue;
    r.push(rows.rows[i]!);
    f.push(rows.files[i]!);
    l.push(rows.lines[i]!);
  }
  rows.rows = r;
  rows.files = f;
  rows.lines = l;
}

function isPlain(code: number): boolean {
  return code > 32 && code < 127;
}

function clipValue(raw: string): string {
  return raw.length > 200 ? `${raw.slice(0, 197)}...` : raw;
}
