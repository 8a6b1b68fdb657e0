/*
 * The Standard Safeguarding Dataset CSV adapter: one SSD file in, its rows
 * staged for one internal table (staging.ts), with every row it could not use
 * quarantined (line, column, value, reason). A file that cannot be read as the
 * table it claims to be (not UTF-8, wrong delimiter, a required column missing)
 * rejects the whole extract: half an extract would give wrong figures, not fewer.
 *
 * Two readers, one set of checks. Most extracts hold one record per line (no
 * line break inside a quoted field, no blank line, one kind of line ending);
 * DuckDB's own CSV reader reads those, in parallel, and record n is then on
 * line n + 1. Anything else (and files given as bytes, as tests do) goes
 * through our RFC 4180 reader (csv.ts), which tracks physical lines. Either
 * way the raw fields land in one temp table, `raw`, and every check after that
 * is SQL over it; a property test holds the two readers to the same result.
 *
 * csv.ts is kept only for what DuckDB's reader (1.5) provably cannot do, each
 * pinned by a test in readers.test.ts: give the line of a row it read (it has
 * no line column; store_rejects numbers a bad row by records, not lines, once
 * a quoted field has run over a line break); see empty fields past the last
 * column (it drops them, where a row with a stray comma must be quarantined);
 * and count every row (a last row longer than its 32 MiB buffer is dropped
 * without an error, strict or not). So DuckDB reads only one-record-per-line
 * files whose lines ending in a comma fit the header, its count of rows is
 * held to the file's lines (recordsOnLines), and any other file, or any row
 * it will not read strictly, sends the file to csv.ts, which quarantines each
 * such row with its line. No row is read without being counted.
 *
 * Values SQL can take as read (plain IDs and codes, empty values, real
 * YYYY-MM-DD dates in range, the usual flag spellings: fastPath) are taken so;
 * every other value is parsed by values.ts, once per distinct value, and comes
 * back in a small lookup table joined to `raw`. A clean file needs no join.
 *
 * The format is one adapter (SSD_CSV, adapter.ts): files by name, two staged
 * at a time (stageInOrder). Reasons and messages never echo an identifier:
 * quarantine summaries are printed, and an ID in a log is a child's ID in a
 * log; a header is quoted by its column names only (checkHeader).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Database } from '../db.ts';
import { ident, literal } from '../db.ts';
import { decodeUtf8, guessWrongDelimiter, parseCsv } from '../csv.ts';
import { InputRejected } from '../errors.ts';
import { EARLIEST_DATE, LEGAL_STATUSES, parseCount, parseDate, parseFlag, parseId, parseLegalStatus, parseText, shorten } from '../values.ts';
import type { Parsed } from '../values.ts';
import { emptyOutput } from './adapter.ts';
import type { ClaimedFile, InputAdapter, InputFile } from './adapter.ts';
import { SSD_FILES } from './ssd-files.ts';
import type { SsdFileSpec } from './ssd-files.ts';
import { QUARANTINE, QUARANTINE_COLUMNS, STAGING, readQuarantine, readRows, stageTable } from './staging.ts';
import type { ColumnSpec, FileReport, QuarantinedRow, TableRows } from './types.ts';

export const ADAPTER = 'ssd-csv';

/** An SSD file: DuckDB reads it itself when it is on disk (`abs`). */
export type SsdSource = InputFile;

/**
 * The table a file name gives, in any case: `ssd_person.csv`, `SSD_PERSON.CSV`,
 * and (extract.md v2) with a schema prefix, one or more dot-separated words
 * before `ssd_`, as SQL Server tools name an exported table:
 * `ssd_development.ssd_cin_episodes.csv`, `dbo.SSD_PERSON.CSV`.
 */
const specOf = (path: string): SsdFileSpec | undefined => {
  const name = path.split(/[\\/]/).pop()!.toLowerCase().replace(SCHEMA_PREFIX, '');
  return SSD_FILES.find((s) => s.file === name);
};
const SCHEMA_PREFIX = /^(?:[^.\s]+\.)+(?=ssd_)/;

/** The SSD adapter (adapter.ts): files by name (`<table>.csv`, any case, in any sub-folder), each staged for its table. */
export const SSD_CSV: InputAdapter = {
  name: ADAPTER,
  title: 'a file name safeguard knows',
  reads: SSD_FILES.map((s) => s.file).join(', '),
  sources: Object.fromEntries(SSD_FILES.map((s) => [s.table, s.file])),
  recognise: (file) => specOf(file.path) !== undefined,
  async read(files, ctx) {
    const out = emptyOutput();
    const claimed = new Map<string, string>();
    const todo: { at: number; spec: SsdFileSpec; file: InputFile }[] = [];
    for (const { at, file } of files) {
      const spec = specOf(file.path)!;
      const other = claimed.get(spec.file);
      if (other) {
        out.problems.push({ at, error: new InputRejected({ file: file.path }, `is a second ${spec.file} (the first is ${other}); an extract holds each table once`) });
        continue;
      }
      claimed.set(spec.file, file.path);
      todo.push({ at, spec, file });
    }
    const staged = await stageInOrder(ctx.db, todo, ctx.latest, { reader: ctx.reader });
    out.problems.push(...staged.problems);
    for (const r of staged.results) {
      out.reports.push({ at: r.at, report: r.report });
      out.notes.push(...r.notes.map((text) => ({ at: r.at, text })));
    }
    return out;
  },
};

/**
 * Stages the SSD files two at a time, on the run's connection and a second
 * one: most of a small file's statements keep one core busy, and DuckDB has
 * two. Each file's quarantined rows wait in a table of their own and join the
 * staged quarantine in file order, so the quarantine reads as if the files had
 * been read one after another. Every file is read, so that every rejected
 * file is reported (validate lists them all in one run).
 */
async function stageInOrder(
  db: Database,
  ssd: { at: number; spec: SsdFileSpec; file: InputFile }[],
  latest: string,
  opts: SsdReadOptions,
): Promise<{ results: { at: number; report: FileReport; notes: string[] }[]; problems: { at: number; error: InputRejected }[] }> {
  const lanes = ssd.length > 1 ? [db, await db.fork()] : [db];
  const results: ({ at: number; report: FileReport; notes: string[] } | null)[] = ssd.map(() => null);
  const problems: ({ at: number; error: InputRejected } | null)[] = ssd.map(() => null);
  let next = 0;
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        for (let i = next++; i < ssd.length; i = next++) {
          const { at, spec, file } = ssd[i]!;
          try {
            await lane.run(`CREATE TABLE ${fileQuarantine(i)} ${QUARANTINE_COLUMNS}`);
            results[i] = { at, ...(await stageSsdFile(lane, spec, file, latest, opts, fileQuarantine(i))) };
          } catch (error) {
            if (!(error instanceof InputRejected)) throw error;
            // (rejections come from the header and the text, before anything is staged)
            problems[i] = { at, error };
          }
        }
      }),
    );
  } finally {
    for (const lane of lanes) if (lane !== db) lane.close();
  }
  // the quarantines in file order: a clean file's is empty, and left out
  const quarantined = results.flatMap((r, i) => (r && r.report.rowsQuarantined > 0 ? [`SELECT * FROM ${fileQuarantine(i)}`] : []));
  for (const q of quarantined) await db.run(`INSERT INTO ${QUARANTINE} ${q} ORDER BY rowid`);
  if (ssd.length > 0) await db.run(ssd.map((_, i) => `DROP TABLE IF EXISTS ${fileQuarantine(i)};`).join(' '));
  return { results: results.filter((r) => r !== null), problems: problems.filter((p) => p !== null) };
}

const fileQuarantine = (i: number) => `${STAGING}.file_quarantine_${i}`;

export interface SsdReadOptions {
  /** 'js' forces our own reader (tests compare the two) */
  reader?: 'auto' | 'js';
}

interface Targets {
  /** table the good rows go to (created: file, line, then the spec's target columns), as SQL names it */
  rows: string;
  /** table the quarantined rows are added to (stage_quarantine's columns), as SQL names it */
  quarantine: string;
}

/**
 * Reads one SSD file into stage_<table>, its bad rows into `quarantine` (the
 * staged quarantine, or a table like it); returns the file's account (rows
 * loaded before cross-file checks).
 */
export async function stageSsdFile(
  db: Database,
  spec: SsdFileSpec,
  file: SsdSource,
  latestDate: string,
  opts: SsdReadOptions = {},
  quarantine = QUARANTINE,
): Promise<{ report: FileReport; notes: string[] }> {
  return readChecked(db, spec, file, latestDate, opts, { rows: stageTable(spec.table), quarantine });
}

/**
 * The same reader and checks for a file whose rows are wanted in memory: the
 * SSDA903 adapter reads its CSVs with this (returns are stacked in JavaScript).
 */
export async function readSsdRows(
  db: Database,
  spec: SsdFileSpec,
  file: SsdSource,
  latestDate: string,
): Promise<{ report: FileReport; rows: TableRows; quarantine: QuarantinedRow[] }> {
  // in the staging area (started by the caller), not stage_*: stagedTables() would take them for internal tables
  const targets = { rows: `${STAGING}.csv_rows`, quarantine: `${STAGING}.csv_quarantine` };
  await db.run(`CREATE OR REPLACE TABLE ${targets.quarantine} ${QUARANTINE_COLUMNS}`);
  try {
    const { report } = await readChecked(db, spec, file, latestDate, {}, targets);
    const columns = spec.columns.filter((c) => report.columnsRead.includes(c.source)).map((c) => c.target);
    return { report, rows: await readRows(db, targets.rows, spec.table, columns), quarantine: await readQuarantine(db, targets.quarantine) };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${targets.rows}`);
    await db.run(`DROP TABLE IF EXISTS ${targets.quarantine}`);
  }
}

async function readChecked(
  db: Database,
  spec: SsdFileSpec,
  file: SsdSource,
  latestDate: string,
  opts: SsdReadOptions,
  targets: Targets,
): Promise<{ report: FileReport; notes: string[] }> {
  const { path: relPath, bytes } = file;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  checkText(bytes, relPath);

  const simple = opts.reader !== 'js' && file.abs !== undefined && oneRecordPerLine(bytes) ? headerOfSimpleFile(bytes, relPath) : null;
  const native = simple && trailingDelimitersFit(bytes, simple.length) ? simple : null;
  const parsed = native ? null : parseCsv(decodeUtf8(bytes, relPath), relPath);
  const header = native ?? parsed!.header;
  const headerLine = parsed?.headerLine ?? 1;
  const wrong = guessWrongDelimiter(header);
  if (wrong) throw new InputRejected({ file: relPath, line: headerLine }, `is ${wrong}-separated; safeguard reads comma-separated files (RFC 4180)`);
  checkHeader(spec, relPath, header, headerLine);

  const present = spec.columns.filter((c) => header.includes(c.source));
  const positions = present.map((c) => header.indexOf(c.source));
  const known = new Set(spec.columns.map((c) => c.source));
  const ignored = header.filter((h) => !known.has(h));

  const short: QuarantinedRow[] = [];
  let rowsRead: number;
  let lineOf: string;
  let reader: FileReport['reader'] = 'duckdb';
  const records = native ? recordsOnLines(bytes) : 0;
  if (native && (await readNative(db, file.abs!, header, positions, records))) {
    rowsRead = records;
    // DuckDB keeps a file's records in order, and record n is on line n + 1 (oneRecordPerLine)
    lineOf = 'CAST(raw.rowid + 2 AS INTEGER)';
  } else {
    reader = 'csv.ts';
    const csv = parsed ?? parseCsv(decodeUtf8(bytes, relPath), relPath);
    await db.run(`CREATE OR REPLACE TEMP TABLE raw (line INTEGER${present.map((_, k) => `, c${k} VARCHAR`).join('')})`);
    const rows: (string | number)[][] = [];
    const long = csv.records.filter((rec) => rec.fields.length > header.length);
    if (long.length * 2 > csv.records.length) throw unqualifiedExport(spec, relPath, header, long, csv.records.length, latestDate);
    for (const rec of csv.records) {
      if (rec.fields.length !== header.length) {
        short.push({
          file: relPath,
          line: rec.line,
          column: null,
          value: null,
          reason: `has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}; the header has ${header.length} (a stray comma, or a row cut short)`,
        });
      } else rows.push([rec.line, ...positions.map((p) => emptyText(rec.fields[p]!))]);
    }
    await db.append('raw', rows);
    rowsRead = csv.records.length;
    lineOf = 'raw.line';
  }

  const rowsQuarantined = await checkRows(db, spec, relPath, present, lineOf, short, latestDate, targets);
  return {
    report: {
      file: relPath,
      adapter: ADAPTER,
      table: spec.table,
      bytes: bytes.length,
      sha256,
      rowsRead,
      rowsLoaded: rowsRead - rowsQuarantined,
      rowsQuarantined,
      columnsRead: present.map((c) => c.source),
      columnsIgnored: ignored,
      reader,
    },
    notes: ignored.length > 0 ? [`${relPath}: columns not used: ${ignored.join(', ')}`] : [],
  };
}

/**
 * extract.md v2: a file in which most rows (more than half) have more fields
 * than its header was exported without text qualifiers, so the commas inside
 * free-text and JSON values split them. Quarantining row by row would hide
 * that the whole file is unreadable: it is rejected, with how to export it
 * again, naming the columns whose values hold commas where that can be told
 * (commaColumns). Never a value: only column names.
 */
function unqualifiedExport(spec: SsdFileSpec, file: string, header: string[], long: { fields: string[] }[], rows: number, latest: string): InputRejected {
  const named = commaColumns(spec, header, long, latest);
  const which =
    named.length > 0
      ? `values of ${shorten(named.join(', '), 200)} hold commas`
      : 'which column\'s values hold the commas could not be told';
  return new InputRejected(
    { file },
    `has more fields than its header on ${long.length} of ${rows} rows: it was exported without text qualifiers, so commas inside values split them (${which}). ` +
      'Export it again with text qualified by " (double quotes around each text value, as RFC 4180 CSV does; in SQL Server Management Studio, ' +
      'the Import and Export Wizard\'s "Text qualifier" set to ", or "Quote strings containing list separators when saving .csv results" under Options, Query Results)',
  );
}

/**
 * Where the spec is silent, which columns hold the commas of rows too long by
 * k fields: every way of giving the k extra commas to the columns (the fields
 * read in order, each column taking one or more of them) under which every
 * column safeguard knows the type of (dates, flags, counts, legal status)
 * reads as that type, and a value that opens with { or [ closes with } or ]
 * (a JSON column). Where a row has one such reading, its columns that took
 * commas are named. At most 200 rows are tried, and a row with too many
 * readings to try (untyped columns side by side) names none.
 */
export function commaColumns(spec: SsdFileSpec, header: string[], long: { fields: string[] }[], latest: string): string[] {
  const kinds = header.map((h) => spec.columns.find((c) => c.source === h));
  const fits = (j: number, v: string): boolean => {
    const t = v.trim();
    if ((t.startsWith('{') && !t.endsWith('}')) || (t.startsWith('[') && !t.endsWith(']'))) return false;
    const c = kinds[j];
    if (!c || c.kind === 'text' || c.kind === 'id') return true;
    return parseValue(c, emptyText(v), latest).ok;
  };
  const named = new Set<number>();
  for (const rec of long.slice(0, 200)) {
    const readings: number[][] = [];
    let steps = 0;
    // column j starts at field i, with `extra` commas still to place; `took` the columns that took some
    const walk = (i: number, j: number, extra: number, took: number[]): void => {
      if (readings.length > 1 || ++steps > 5000) return;
      if (j === header.length) {
        if (extra === 0) readings.push(took);
        return;
      }
      for (let e = 0; e <= extra; e++) {
        if (fits(j, rec.fields.slice(i, i + e + 1).join(','))) walk(i + e + 1, j + 1, extra - e, e > 0 ? [...took, j] : took);
      }
    };
    walk(0, 0, rec.fields.length - header.length, []);
    if (readings.length === 1 && steps <= 5000) for (const j of readings[0]!) named.add(j);
  }
  return [...named].sort((a, b) => a - b).map((j) => header[j]!);
}

/**
 * extract.md v2: SQL Server Management Studio writes an empty value as the
 * text NULL, so `NULL` in any case, quoted or not, is an empty value in every
 * column (readNative does the same in SQL). Only the exact word: ` NULL ` or
 * `NULLS` is a value like any other.
 */
export function emptyText(field: string): string {
  return field.length === 4 && field.toLowerCase() === 'null' ? '' : field;
}

/** A NUL byte or bad UTF-8 rejects the file (csv.ts says where); the fast check passes nearly every file. */
function checkText(bytes: Uint8Array, file: string): void {
  if (bytes.indexOf(0) >= 0 || !isUtf8(bytes)) decodeUtf8(bytes, file);
}

/**
 * True when record n of the file is on line n + 1, so DuckDB's reader (which
 * counts records, not lines) can be used: no blank line, no line break inside
 * quotes, and one kind of line ending (LF, or CRLF throughout; a lone CR is a
 * line break to csv.ts). Byte scans only: a few milliseconds for 100 MB.
 */
export function oneRecordPerLine(b: Uint8Array): boolean {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (buf.length <= start || buf[start] === 10 || buf[start] === 13) return false;
  if (buf.indexOf('\n\n') >= 0 || buf.indexOf('\n\r\n') >= 0) return false;
  if (buf.indexOf(13) >= 0) {
    // CRLF throughout: every CR before an LF, every LF after a CR
    for (let i = buf.indexOf(13); i >= 0; i = buf.indexOf(13, i + 1)) if (buf[i + 1] !== 10) return false;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) if (buf[i - 1] !== 13) return false;
  }
  // quotes: walk them in pairs; a line break between an opening and closing quote means a multi-line record
  let nextBreak = buf.indexOf(10);
  for (let open = buf.indexOf(34); open >= 0; ) {
    const close = buf.indexOf(34, open + 1);
    if (close < 0) return false;
    if (nextBreak >= 0 && nextBreak < open) nextBreak = buf.indexOf(10, open);
    if (nextBreak >= 0 && nextBreak < close) return false;
    open = buf.indexOf(34, close + 1);
  }
  return true;
}

/**
 * DuckDB's reader drops empty fields after the last column (`a,b,c,` and
 * `a,b,c,,` both read as three fields under a three-column header), where
 * csv.ts quarantines the row as too long. Only a line ending in a comma can be
 * read so, and it is fine when it has the header's number of fields (its last
 * column empty): any other sends the file to csv.ts. A one-record-per-line file
 * (oneRecordPerLine) is assumed: no quoted line breaks.
 */
export function trailingDelimitersFit(b: Uint8Array, fields: number): boolean {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const fits = (end: number): boolean => {
    const start = buf.lastIndexOf(10, end - 1) + 1;
    let n = 1;
    let quoted = false;
    for (let i = start; i < end; i++) {
      if (buf[i] === 34) quoted = !quoted;
      else if (buf[i] === 44 && !quoted) n++;
    }
    return n === fields;
  };
  // native searches find the lines ending in a comma (LF, CRLF, or the last line without one)
  for (const ending of [',\n', ',\r\n']) {
    for (let at = buf.indexOf(ending); at >= 0; at = buf.indexOf(ending, at + 1)) if (!fits(at + 1)) return false;
  }
  return !(buf.length > 0 && buf[buf.length - 1] === 44 && !fits(buf.length));
}

/** The header of a one-record-per-line file: its first line, read by csv.ts. */
function headerOfSimpleFile(bytes: Uint8Array, file: string): string[] {
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(10);
  const first = decodeUtf8(bytes.subarray(0, end < 0 ? bytes.length : end), file);
  return parseCsv(first, file).header;
}

/**
 * DuckDB reads the file into `raw` (the columns safeguard uses, empty as '').
 * Strict: a row with too many or too few fields is an error, and then csv.ts
 * reads the file instead, so that each such row is quarantined with its line.
 */
async function readNative(db: Database, abs: string, header: string[], positions: number[], records: number): Promise<boolean> {
  const columns = header.map((_, i) => `'h${i}': 'VARCHAR'`).join(', ');
  // SQL Server's NULL text is an empty value (emptyText)
  const select = positions.map((p, k) => `CASE WHEN lower(h${p}) = 'null' THEN '' ELSE coalesce(h${p}, '') END AS c${k}`).join(', ');
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE raw AS SELECT ${select || '1 AS none'}
       FROM read_csv(${literal(abs)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                     columns = {${columns}}, strict_mode = true, null_padding = false, encoding = 'utf-8')`,
    );
    // DuckDB 1.5 drops a last row longer than its read buffer (32 MiB) without an error: a row
    // read must be a row counted, so a count that differs from the file's lines sends it to csv.ts
    const n = Number((await db.one<{ n: number }>('SELECT count(*) AS n FROM raw'))?.n ?? 0);
    if (n === records) return true;
  } catch {
    // a row DuckDB cannot read strictly: csv.ts reads the file and quarantines that row with its line
  }
  await db.run('DROP TABLE IF EXISTS temp.raw');
  return false;
}

/**
 * The records of a one-record-per-line file (oneRecordPerLine), the header
 * left out: its lines, the last counted though it has no line break.
 */
export function recordsOnLines(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let lines = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
  if (buf.length > 0 && buf[buf.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

/**
 * Every row check as SQL over `raw`, in the order a person would: each column
 * in turn (bad value, then required and empty), then dates in the wrong order,
 * then "neither of" columns; then duplicates among the rows that passed. Good
 * rows become `targets.rows` (file, line, the columns by their internal
 * names); the rest go to the quarantine, in line order. A handful of
 * statements a file, whatever its width: an extract's time goes on its rows,
 * not on round trips. Returns how many of the file's rows were quarantined.
 */
async function checkRows(
  db: Database,
  spec: SsdFileSpec,
  file: string,
  present: ColumnSpec[],
  lineOf: string,
  short: QuarantinedRow[],
  latestDate: string,
  targets: Targets,
): Promise<number> {
  const fast = present.map((col, k) => fastPath(col, `raw.c${k}`, latestDate));
  const looked = await buildLookups(db, present, fast, latestDate);
  const joins: string[] = [];
  const values: string[] = [];
  const bad: string[] = [];
  for (let k = 0; k < present.length; k++) {
    const col = present[k]!;
    let v = fast[k]!.value;
    if (looked.has(k)) {
      // the lookup holds only the values the fast path does not know; the rest take its value
      joins.push(`LEFT JOIN (SELECT raw, value, reason, shown FROM lookup WHERE k = ${k}) l${k} ON l${k}.raw = raw.c${k}`);
      v = `CASE WHEN l${k}.raw IS NULL THEN ${v} ELSE l${k}.value END`;
      bad.push(`WHEN l${k}.reason IS NOT NULL THEN {'col': ${literal(col.source)}, 'value': l${k}.shown, 'reason': l${k}.reason}`);
    }
    values.push(`${v} AS v${k}`);
    if (col.valueRequired) {
      bad.push(`WHEN ${v} IS NULL THEN {'col': ${literal(col.source)}, 'value': NULL, 'reason': ${literal(`${col.source} is empty`)}}`);
    }
  }
  // checks across a row's parsed values, for rows whose values all passed
  const at = (target: string) => present.findIndex((c) => c.target === target);
  const rowChecks: string[] = [];
  for (const [a, b] of spec.dateOrder ?? []) {
    const ia = at(a);
    const ib = at(b);
    if (ia < 0 || ib < 0) continue;
    const source = present[ib]!.source;
    rowChecks.push(
      `WHEN v${ib} < v${ia} THEN {'col': ${literal(source)}, 'value': v${ib}, 'reason': ${literal(`${source} is before ${present[ia]!.source} (${b} before ${a})`)}}`,
    );
  }
  for (const [source, other] of spec.emptyIfGiven ?? []) {
    const ia = present.findIndex((c) => c.source === source);
    const ib = present.findIndex((c) => c.source === other);
    if (ia < 0) continue;
    const reason = ib < 0 ? `${source} is empty` : `${source} is empty and so is ${other} (neither a review held nor one due)`;
    rowChecks.push(`WHEN v${ia} IS NULL${ib < 0 ? '' : ` AND v${ib} IS NULL`} THEN {'col': ${literal(source)}, 'value': NULL, 'reason': ${literal(reason)}}`);
  }
  if (spec.oneOfColumns) {
    const idx = spec.oneOfColumns.map((s) => present.findIndex((c) => c.source === s)).filter((i) => i >= 0);
    const cols = spec.oneOfColumns.join('/');
    rowChecks.push(`WHEN ${idx.map((i) => `v${i} IS NULL`).join(' AND ')} THEN {'col': ${literal(cols)}, 'value': NULL, 'reason': ${literal(`has neither ${spec.oneOfColumns.join(' nor ')}`)}}`);
  }
  const rowBad = rowChecks.length > 0 ? `coalesce(cell_bad, CASE ${rowChecks.join(' ')} END)` : 'cell_bad';
  const named = present.map((c, k) => `v${k} AS ${ident(c.target)}`);
  await db.run(`DROP TABLE IF EXISTS ${targets.rows}`);
  // rows stay in line order: a scan keeps it, and a join (which may not) is followed by a sort
  await db.run(
    `CREATE TABLE ${targets.rows} AS
     SELECT ${literal(file)} AS file, line${named.map((v) => `, ${v}`).join('')}, ${rowBad} AS bad
     FROM (
       SELECT ${lineOf} AS line${values.map((v) => `, ${v}`).join('')},
              CASE ${bad.join(' ') || 'WHEN false THEN NULL'} ELSE NULL END AS cell_bad
       FROM raw ${joins.join(' ')})
     ${joins.length > 0 ? 'ORDER BY line' : ''}`,
  );
  await db.run('DROP TABLE IF EXISTS temp.raw; DROP TABLE IF EXISTS temp.lookup');

  const duplicates = await findDuplicates(db, spec, present, targets.rows);
  const keyColumn = spec.columns.find((c) => c.target === spec.key[0])?.source ?? null;
  // rows with the wrong number of fields (our reader) and rows with a bad value, in line order; then duplicates
  const sources = [`SELECT 0 AS grp, line AS k1, line AS k2, bad.col AS col, bad.value AS value, bad.reason AS reason FROM ${targets.rows} WHERE bad IS NOT NULL`];
  if (short.length > 0) {
    await db.run('CREATE OR REPLACE TEMP TABLE short_rows (line INTEGER, reason VARCHAR)');
    await db.append('short_rows', short.map((q) => [q.line, q.reason]));
    sources.push('SELECT 0, line, line, NULL, NULL, reason FROM short_rows');
  }
  if (duplicates) sources.push(`SELECT 1, head, line, ${keyColumn === null ? 'NULL' : literal(keyColumn)}, NULL, reason FROM dup`);
  const quarantined = await db.change(
    `INSERT INTO ${targets.quarantine}
     SELECT ${literal(file)}, k2, col, value, reason FROM (${sources.join(' UNION ALL ')}) ORDER BY grp, k1, k2`,
  );
  if (quarantined > short.length) {
    await db.run(`DELETE FROM ${targets.rows} WHERE bad IS NOT NULL${duplicates ? ' OR line IN (SELECT line FROM dup)' : ''}`);
  }
  await db.run(`ALTER TABLE ${targets.rows} DROP COLUMN bad; DROP TABLE IF EXISTS temp.dup; DROP TABLE IF EXISTS temp.short_rows`);
  return quarantined;
}

/**
 * The values of a column that SQL can take as read, with what values.ts would
 * make of them, so that a clean column needs no lookup and no join: `known`
 * says whether a raw value is one of them, `value` is its parsed value. Plain
 * IDs and codes (printable ASCII at both ends, 1 to 200 characters) stand as
 * read; an empty date or flag is unknown (NULL); a date already written
 * YYYY-MM-DD, real, and between 1900 and the latest acceptable date stands as
 * read; a flag is one of the usual spellings, mapped by parseFlag itself.
 * Anything else is looked up (buildLookups). `known` is never NULL: the
 * lookup takes the values where it is false. A test holds each to values.ts.
 */
export function fastPath(col: ColumnSpec, c: string, latestDate: string): { known: string; value: string } {
  switch (col.kind) {
    case 'id':
    case 'text':
      return { known: `(strlen(${c}) BETWEEN 1 AND 200 AND ascii(${c}) BETWEEN 33 AND 126 AND ascii(right(${c}, 1)) BETWEEN 33 AND 126)`, value: c };
    case 'date':
      return {
        // a real date written exactly as DuckDB writes it back is YYYY-MM-DD (coalesce: not a date is NULL, and known must be false)
        known: `coalesce(${c} = '' OR (${c} BETWEEN ${literal(EARLIEST_DATE)} AND ${literal(latestDate)} AND CAST(try_cast(${c} AS DATE) AS VARCHAR) = ${c}), false)`,
        value: `nullif(${c}, '')`,
      };
    case 'flag': {
      const cases = FLAG_SPELLINGS.map((f) => {
        const p = parseFlag(f);
        if (!p.ok) throw new Error(`internal: ${f} is not a flag`);
        return `WHEN ${literal(f)} THEN ${p.value === null ? 'NULL' : literal(String(p.value))}`;
      });
      return { known: `(${c} IN (${FLAG_SPELLINGS.map(literal).join(', ')}))`, value: `(CASE ${c} ${cases.join(' ')} END)` };
    }
    case 'count':
      return { known: 'false', value: 'NULL' };
    case 'legal_status':
      // the codes as written (most extracts); descriptions and other spellings are parsed
      return { known: `(${c} IN ('', ${Object.keys(LEGAL_STATUSES).map(literal).join(', ')}))`, value: `nullif(${c}, '')` };
  }
}

const FLAG_SPELLINGS = ['', 'Y', 'N', 'y', 'n', '1', '0', 'Yes', 'No', 'YES', 'NO', 'yes', 'no', 'true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'T', 'F', 't', 'f'];

/**
 * `lookup(k, raw, value, reason, shown)`: the distinct values of each column k
 * of `raw` that its fast path does not know, parsed by values.ts, all columns
 * in one query and one table. Returns the columns with a value in the lookup.
 */
async function buildLookups(db: Database, present: ColumnSpec[], fast: { known: string }[], latestDate: string): Promise<Set<number>> {
  const parts = present.map((_, k) => `SELECT DISTINCT ${k} AS k, raw.c${k} AS v FROM raw WHERE NOT ${fast[k]!.known}`);
  const distinct = parts.length === 0 ? [] : await db.all<{ k: number; v: string }>(parts.join(' UNION ALL '));
  const looked = new Set<number>();
  await db.run('CREATE OR REPLACE TEMP TABLE lookup (k INTEGER, raw VARCHAR, value VARCHAR, reason VARCHAR, shown VARCHAR)');
  await db.append(
    'lookup',
    distinct.map(({ k, v }) => {
      looked.add(k);
      const p = parseValue(present[k]!, v, latestDate);
      return p.ok ? [k, v, p.value, null, null] : [k, v, null, p.reason, shorten(v, 200)];
    }),
  );
  return looked;
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
    case 'legal_status':
      return parseLegalStatus(raw);
  }
}

/**
 * The same record twice is loaded once (the copy is quarantined as a copy);
 * the same ID with different content is a conflict we cannot settle, so every
 * copy is quarantined and the record counts nowhere until the LA fixes it.
 * Leaves `dup` (line, head, reason) and returns true when any key repeats
 * among the rows whose values passed.
 */
async function findDuplicates(db: Database, spec: SsdFileSpec, present: ColumnSpec[], table: string): Promise<boolean> {
  if (spec.key.length === 0) return false;
  const keyCols = spec.key.map((t) => (present.some((c) => c.target === t) ? ident(t) : 'NULL'));
  // one-column keys (every SSD ID) are the value itself; composite keys compare as lists (NULL equals NULL)
  const key = keyCols.length === 1 ? `coalesce(${keyCols[0]}, '')` : `[${keyCols.join(', ')}]`;
  const whole = present.length === 0 ? '1' : `(${present.map((c) => ident(c.target)).join(', ')}${present.length === 1 ? ', NULL' : ''})`;
  await db.run('CREATE OR REPLACE TEMP TABLE dup (line INTEGER, head INTEGER, reason VARCHAR)');
  const found = await db.change(
    `INSERT INTO dup
     WITH passed AS (SELECT * FROM ${table} WHERE bad IS NULL),
     repeated AS (SELECT ${key} AS k FROM passed GROUP BY ALL HAVING count(*) > 1),
     -- only rows whose key repeats go further: in a clean file, none
     keyed AS (SELECT line, ${key} AS k, ${whole} AS whole FROM passed WHERE ${key} IN (SELECT k FROM repeated)),
     groups AS (
       SELECT k, count(DISTINCT whole) AS versions, min(line) AS head, string_agg(CAST(line AS VARCHAR), ', ' ORDER BY line) AS lines
       FROM keyed GROUP BY k)
     SELECT keyed.line, groups.head,
            CASE WHEN versions = 1 THEN 'exact copy of the row on line ' || head || ' (loaded once)'
                 ELSE 'the same ID is on lines ' || lines || ' with different values; none loaded until the extract is corrected' END AS reason
     FROM keyed JOIN groups USING (k)
     WHERE versions > 1 OR keyed.line <> head`,
  );
  return found > 0;
}

/**
 * Rejects a header safeguard cannot read the file by. A message quotes at
 * most column names (cli.md): a file without its header line has a child's
 * record where the header should be, so a header that looks like a data row
 * is said to be one and not quoted, and a cell that does not look like a
 * column name is counted, never shown (headerNames).
 */
function checkHeader(spec: SsdFileSpec, file: string, header: string[], line: number): void {
  const known = new Set(spec.columns.map((c) => c.source));
  if (looksLikeDataRow(header, known)) {
    const required = spec.columns.filter((c) => c.required).map((c) => c.source);
    throw new InputRejected(
      { file, line },
      `has a first line that looks like a data row, not a header: the file must start with a header line naming its columns${required.length > 0 ? ` (${shorten(required.join(', '), 200)})` : ''}`,
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new InputRejected({ file, line }, 'has an empty column name in its header');
    if (seen.has(h)) {
      if (known.has(h) || looksLikeName(h)) throw new InputRejected({ file, line, column: shorten(h, 200) }, `has the column ${shorten(h, 200)} twice`);
      throw new InputRejected({ file, line }, 'has a column name twice in its header');
    }
    seen.add(h);
  }
  for (const c of spec.columns) {
    if (c.required && !seen.has(c.source)) {
      throw new InputRejected({ file, line, column: c.source }, `is missing the required column ${c.source} (it has: ${headerNames(header, known)})`);
    }
  }
  if (spec.oneOfColumns && !spec.oneOfColumns.some((c) => seen.has(c))) {
    throw new InputRejected({ file, line, column: spec.oneOfColumns.join('/') }, `needs one of the columns ${spec.oneOfColumns.join(' or ')}`);
  }
}

// Where the spec is silent, what an analyst would take for a value rather than a column name:
// a number or date (IDs, dates of birth), or something too long to be a name.
const VALUE_LIKE = /^\s*[+-]?\d|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;
function looksLikeName(h: string): boolean {
  return h.length > 0 && h.length <= 64 && !VALUE_LIKE.test(h) && /^[\p{L}_][\p{L}\p{N}_ .()/-]*$/u.test(h);
}

/** No column safeguard knows, and at least one cell that reads as a value: the header line is missing. */
export function looksLikeDataRow(header: string[], known: Set<string>): boolean {
  return !header.some((h) => known.has(h)) && header.some((h) => VALUE_LIKE.test(h));
}

/** A header as a message may show it: the cells that look like column names, the rest counted; at most 200 characters. */
export function headerNames(header: string[], known: Set<string>): string {
  const names = header.filter((h) => known.has(h) || looksLikeName(h));
  const others = header.length - names.length;
  const list = shorten(names.join(', '), 200);
  const rest = others > 0 ? `${names.length > 0 ? '; and ' : ''}${others} column${others === 1 ? '' : 's'} not shown (not named like columns)` : '';
  return list + rest;
}


