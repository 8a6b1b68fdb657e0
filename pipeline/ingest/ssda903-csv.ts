/*
 * The SSDA903 adapter (extract.md section 2): the DfE looked-after children
 * return, three CSV files recognised by their header row, not their name (as
 * the DfE/D2I validator does): header (children), episodes and reviews. The
 * files of one folder are one return; its collection year is the financial
 * year of its latest date (DECOM, DEC or REVIEW).
 *
 * Each file is read with the SSD CSV reader (ssd-csv.ts: line numbers, strict
 * UTF-8, quarantine of bad rows), through a column map like ssd-files.ts, and
 * its rows become records keyed by child and start date for stacking:
 * - header -> person (CHILD, DOB, SEX, ETHNIC, UPN);
 * - episodes -> cla_episode (DECOM, DEC, RNE, REC, LS, PLACE); periods of
 *   care are made from `RNE = S` once every return is stacked (stacking.ts);
 * - reviews -> cla_review (REVIEW, REVIEW_CODE as participation), with the
 *   child and no period of care: views.ts puts each in the period of care
 *   that contains it. The return has no IRO, social worker or care plan flags.
 * Dates are DD/MM/YYYY. A DEC before its DECOM is a bad row (DfE rule 356).
 */
import { posix } from 'node:path';
import { InputRejected } from '../errors.ts';
import type { Database } from '../db.ts';
import { emptyOutput } from './adapter.ts';
import type { InputAdapter } from './adapter.ts';
import { readSsdRows } from './ssd-csv.ts';
import type { SsdFileSpec } from './ssd-files.ts';
import { KeyMaker, financialYear, recordId } from './stacking.ts';
import type { ColumnSpec, FileReport, ParsedReturn, ReturnQuarantine, ReturnRecord } from './types.ts';

export const ADAPTER = 'ssda903-csv';

/**
 * The SSDA903 adapter (adapter.ts): CSVs by their header row, the files of
 * one folder read as one return. A rejected file leaves the rest of its
 * return to be read, so that every rejected file is reported.
 */
export const SSDA903_CSV: InputAdapter = {
  name: ADAPTER,
  title: 'an SSDA903 return',
  reads: 'SSDA903 CSVs, recognised by their header row',
  sources: { person: 'the SSDA903 header', cla_episode: 'the SSDA903 episodes', cla_review: 'the SSDA903 reviews' },
  notCarried: { cla_review: 'the SSDA903 return does not carry it' },
  recognise: (file) => recogniseSsda903(file.bytes) !== null,
  async read(files, ctx) {
    const out = emptyOutput();
    const folders = new Map<string, (Ssda903File & { at: number })[]>();
    for (const { at, file } of files) {
      const folder = folderOf(file.path);
      folders.set(folder, [...(folders.get(folder) ?? []), { ...file, at, kind: recogniseSsda903(file.bytes)! }]);
    }
    for (const [folder, list] of folders) {
      const rejected: { path: string; error: InputRejected }[] = [];
      out.returns.push(await readSsda903Return(ctx.db, folder, list, ctx.latest, rejected));
      for (const r of rejected) out.problems.push({ at: list.find((f) => f.path === r.path)!.at, error: r.error });
    }
    return out;
  },
};

export type Ssda903Kind = 'header' | 'episodes' | 'reviews';

const col = (source: string, target: string, kind: ColumnSpec['kind'], required = false): ColumnSpec => ({ source, target, kind, required, valueRequired: required });

/** Which columns make a file of each kind (a file is recognised when its header row has all of them). */
const RECOGNISED_BY: Record<Ssda903Kind, string[]> = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC'],
  episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'DEC', 'REC'],
  reviews: ['CHILD', 'REVIEW', 'REVIEW_CODE'],
};

const SPECS: Record<Ssda903Kind, SsdFileSpec> = {
  header: {
    file: 'SSDA903 header',
    table: 'person',
    key: ['person_id'],
    columns: [col('CHILD', 'person_id', 'id', true), col('DOB', 'dob', 'date'), col('SEX', 'sex', 'text'), col('ETHNIC', 'ethnicity', 'text'), col('UPN', 'upn', 'text')],
  },
  episodes: {
    file: 'SSDA903 episodes',
    table: 'cla_episode',
    key: [],
    columns: [
      col('CHILD', 'person_id', 'id', true),
      col('DECOM', 'start_date', 'date', true),
      col('RNE', 'start_reason', 'text'),
      col('LS', 'legal_status', 'text'),
      col('PLACE', 'placement_type', 'text'),
      col('DEC', 'end_date', 'date'),
      col('REC', 'ceased_reason', 'text'),
    ],
    dateOrder: [['start_date', 'end_date']],
  },
  reviews: {
    file: 'SSDA903 reviews',
    table: 'cla_review',
    key: [],
    columns: [col('CHILD', 'person_id', 'id', true), col('REVIEW', 'review_date', 'date', true), col('REVIEW_CODE', 'participation', 'text')],
  },
};

/** The kind of SSDA903 file a header row makes this, or null (`ETHNIC` etc. are matched exactly, as the DfE names them). */
export function recogniseSsda903(bytes: Uint8Array): Ssda903Kind | null {
  let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const columns = new Set(firstLine.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim()));
  // reviews and episodes first: the header kind's columns are the least specific
  for (const kind of ['episodes', 'reviews', 'header'] as const) {
    if (RECOGNISED_BY[kind].every((c) => columns.has(c))) return kind;
  }
  return null;
}

export interface Ssda903File {
  path: string;
  bytes: Uint8Array;
  kind: Ssda903Kind;
}

/**
 * Reads the SSDA903 files of one folder as one return. Two files of one kind
 * in a folder are two returns mixed up: the extract is rejected.
 */
export async function readSsda903Return(
  db: Database,
  folder: string,
  given: Ssda903File[],
  latestDate: string,
  /** each file rejected, with why (the rest of the return is still read) */
  rejected: { path: string; error: InputRejected }[],
): Promise<ParsedReturn> {
  const byKind = new Map<Ssda903Kind, string>();
  const files: Ssda903File[] = [];
  for (const f of given) {
    const other = byKind.get(f.kind);
    if (other) {
      rejected.push({ path: f.path, error: new InputRejected({ file: f.path }, `is a second SSDA903 ${f.kind} file in ${folder || 'the extract folder'} (the first is ${other}); put each return in its own folder`) });
      continue;
    }
    byKind.set(f.kind, f.path);
    files.push(f);
  }
  const keys = new KeyMaker();
  const records: ReturnRecord[] = [];
  const quarantine: ReturnQuarantine[] = [];
  const reports: FileReport[] = [];
  const notes: string[] = [];
  const span: { latest: string | null } = { latest: null };
  const later = (d: string | null | undefined) => {
    if (d && (span.latest === null || d > span.latest)) span.latest = d;
  };
  // header first, so a child's person row is read before the child's episodes (the order does not change the result)
  const order: Ssda903Kind[] = ['header', 'episodes', 'reviews'];
  for (const f of [...files].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
    const spec = SPECS[f.kind];
    let result: Awaited<ReturnType<typeof readSsdRows>>;
    try {
      result = await readSsdRows(db, spec, f, latestDate);
    } catch (error) {
      if (!(error instanceof InputRejected)) throw error;
      rejected.push({ path: f.path, error });
      continue;
    }
    reports.push({ ...result.report, adapter: ADAPTER });
    // said once per kind of file, not once per return (stacking drops repeated notes)
    if (result.report.columnsIgnored.length > 0) notes.push(`SSDA903 ${f.kind} files: columns not used: ${result.report.columnsIgnored.join(', ')}`);
    for (const q of result.quarantine) {
      const reason = /^DEC is before DECOM/.test(q.reason) ? 'DEC is before DECOM (DfE SSDA903 rule 356: the episode ceased before it started)' : q.reason;
      quarantine.push({ ...q, reason, table: spec.table });
    }
    const rows = result.rows;
    for (let i = 0; i < rows.rows.length; i++) {
      const r = rows.rows[i]!;
      const values: Record<string, string | null> = {};
      rows.columns.forEach((c, k) => (values[c] = r[k] ?? null));
      const child = values.person_id!;
      let key: string;
      if (f.kind === 'header') {
        key = child;
      } else if (f.kind === 'episodes') {
        key = keys.make('cla_episode', `${child}/${values.start_date}`);
        values.cla_episode_id = recordId('cla_episode', key);
        later(values.start_date);
        later(values.end_date);
      } else {
        key = keys.make('cla_review', `${child}/${values.review_date}`);
        values.cla_review_id = recordId('cla_review', key);
        later(values.review_date);
      }
      records.push({ table: spec.table, key, child, values, file: f.path, line: rows.lines[i]!, childColumn: 'CHILD', warnings: [] });
    }
  }
  const label = folder === '' ? '(extract folder)' : folder;
  const asOf = span.latest;
  if (asOf === null) notes.push(`${label}: an SSDA903 return with no dates; its collection year is unknown, so every other return wins over it`);
  const tables = files.map((f) => SPECS[f.kind].table);
  return { format: 'ssda903', title: 'SSDA903 return', adapter: ADAPTER, label, year: asOf === null ? null : financialYear(asOf), asOf, tables, records, quarantine, reports, notes };
}

/** The folder of a relative path ('' for the extract folder itself). */
export function folderOf(relPath: string): string {
  const d = posix.dirname(relPath.split('\\').join('/'));
  return d === '.' ? '' : d;
}
