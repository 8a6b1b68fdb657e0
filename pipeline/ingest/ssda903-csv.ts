/*
 * The SSDA903 adapter (extract.md section 2): the DfE looked-after children
 * return, CSV files recognised by their header row, not their name (as the
 * DfE/D2I validator does). Three are read: header (children), episodes and
 * reviews. The return's other tables (UASC, missing, OC2, OC3, AD1, placed
 * for adoption, previous permanence, social worker episodes) are recognised
 * too, and noted as not used: no indicator needs them.
 *
 * Which files make one return, and its year (extract.md v2, "Stacked
 * returns"; rules where the spec is silent are marked "rule:"):
 * - files that share a year in their names are one return, else the files of
 *   one folder. Rule: the grouping is within a folder (the same year named in
 *   two folders is two returns for one year, which stacking.ts rejects), and
 *   a file whose name gives no year joins its folder's named files when they
 *   all name one year;
 * - a name gives a year as a span (`2016-17`, `2016_17`, `2016-2017`: the
 *   financial year 2016/17) or as one four-digit year (`SSDA903_2017`,
 *   `903_2017`: the year ending 31 March 2017); dates (`2017-04-10`) in a
 *   name are not years, and a name giving two different years gives none;
 * - the year is the one the file names give, else the nearest folder's name,
 *   else the financial year of the latest episode start (DECOM): DEC and
 *   REVIEW never move it (a date keyed years ahead is a keying error);
 * - an episode starting after the end of a named year contradicts the name:
 *   the file is rejected (exit 3), naming the year, the name that gave it and
 *   the episode's line.
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
import { KeyMaker, financialYear, recordId, yearLabel } from './stacking.ts';
import { financialYearStarting } from '../periods.ts';
import type { ColumnSpec, FileReport, ParsedReturn, RecordWarning, ReturnQuarantine, ReturnRecord } from './types.ts';
import { parseDate, shorten } from '../values.ts';

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
    const read: (Ssda903File & { at: number })[] = [];
    for (const { at, file } of files) {
      const kind = recogniseSsda903(file.bytes)!;
      if (kind in SPECS) read.push({ ...file, at, kind: kind as Ssda903Kind });
      else out.notes.push({ at, text: `${file.path}: an SSDA903 ${OTHER_TABLES[kind as Ssda903Other].title} file: not used (no indicator needs it)` });
    }
    for (const group of returnGroups(read)) {
      const rejected: { path: string; error: InputRejected }[] = [];
      out.returns.push(await readSsda903Return(ctx.db, group.label, group.files, ctx.latest, rejected, group.named));
      for (const r of rejected) out.problems.push({ at: group.files.find((f) => f.path === r.path)!.at, error: r.error });
    }
    return out;
  },
};

export type Ssda903Kind = 'header' | 'episodes' | 'reviews';
/** The return's other tables: recognised, never read. */
export type Ssda903Other = 'uasc' | 'missing' | 'oc2' | 'oc3' | 'ad1' | 'placed_for_adoption' | 'previous_permanence' | 'social_worker';

/**
 * Headers of the other SSDA903 tables, as the DfE guidance and the D2I
 * validator (csc-validator-be-903) name their columns. A file is recognised
 * by CHILD and the columns listed here, which no other table of the return
 * has (the full headers are in the comments; older years lack a column or two,
 * so the distinctive ones are enough).
 */
const OTHER_TABLES: Record<Ssda903Other, { title: string; columns: string[] }> = {
  uasc: { title: 'UASC', columns: ['DUC'] }, // CHILD,SEX,DOB,DUC
  missing: { title: 'missing', columns: ['MIS_START'] }, // CHILD,DOB,MISSING,MIS_START,MIS_END
  oc2: { title: 'OC2', columns: ['SDQ_SCORE', 'CONVICTED'] }, // CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
  oc3: { title: 'OC3', columns: ['IN_TOUCH', 'ACTIV', 'ACCOM'] }, // CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
  ad1: { title: 'AD1', columns: ['DATE_INT', 'DATE_MATCH'] }, // CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
  placed_for_adoption: { title: 'placed for adoption', columns: ['DATE_PLACED'] }, // CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
  previous_permanence: { title: 'previous permanence', columns: ['PREV_PERM'] }, // CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM
  social_worker: { title: 'social worker episodes', columns: ['SW_ID', 'SW_DECOM'] }, // CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON
};

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
    // DOB as text, parsed below: a DOB that cannot be read is left out with a warning (DfE 147), not the child (whose records would go with it)
    columns: [col('CHILD', 'person_id', 'id', true), col('DOB', 'dob', 'text'), col('SEX', 'sex', 'text'), col('ETHNIC', 'ethnicity', 'text'), col('UPN', 'upn', 'text')],
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
export function recogniseSsda903(bytes: Uint8Array): Ssda903Kind | Ssda903Other | null {
  let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const columns = new Set(firstLine.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim()));
  // reviews and episodes first: the header kind's columns are the least specific
  for (const kind of ['episodes', 'reviews', 'header'] as const) {
    if (RECOGNISED_BY[kind].every((c) => columns.has(c))) return kind;
  }
  if (!columns.has('CHILD')) return null;
  for (const [kind, t] of Object.entries(OTHER_TABLES)) if (t.columns.every((c) => columns.has(c))) return kind as Ssda903Other;
  return null;
}

export interface Ssda903File {
  path: string;
  bytes: Uint8Array;
  kind: Ssda903Kind;
}

/** The year a name gives (a folder's or a file's), or null. */
export interface NamedYear {
  /** the financial year's first calendar year (2016 = 2016/17) */
  year: number;
  /** what gave it: "its file names" or "its folder name (2016-17)" */
  rule: string;
  /** the name that gave it, for a contradiction */
  source: string;
}

/**
 * The collection year a file or folder name gives (first calendar year of the
 * financial year: `2016-17`, `SSDA903_2017`, `903_2017` -> 2016), or null when
 * it gives none or two different ones. Dates in a name are not years.
 */
export function yearFromName(name: string): number | null {
  let s = name.replace(/\.[A-Za-z]{1,4}$/, '');
  s = s.replace(/(?<!\d)\d{4}[-_.]\d{1,2}[-_.]\d{1,2}(?!\d)/g, ' ').replace(/(?<!\d)\d{1,2}[-_.]\d{1,2}[-_.]\d{4}(?!\d)/g, ' ');
  const years = new Set<number>();
  s = s.replace(/(?<!\d)((?:19|20)\d\d)\s*[-_/ ]\s*((?:19|20)?\d\d)(?!\d)/g, (all, a: string, b: string) => {
    const first = Number(a);
    const next = Number(b.length === 2 ? String(first + 1).slice(2) : String(first + 1));
    if (Number(b) !== next) return all; // not a span (left for the four-digit rule)
    years.add(first);
    return ' ';
  });
  for (const m of s.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)) years.add(Number(m[0]) - 1);
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * The files of the extract grouped into returns (see the header comment): by
 * folder, then by the year their names give; with the year the names (or the
 * folder's name) give, if any.
 */
export function returnGroups<F extends Ssda903File>(files: F[]): { label: string; files: F[]; named: NamedYear | null }[] {
  const byFolder = new Map<string, F[]>();
  for (const f of files) {
    const folder = folderOf(f.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const out: { label: string; files: F[]; named: NamedYear | null }[] = [];
  for (const [folder, list] of byFolder) {
    const folderName = folder === '' ? '(extract folder)' : folder;
    // the nearest folder whose name gives a year
    const parts = folder === '' ? [] : folder.split('/');
    let fromFolder: NamedYear | null = null;
    for (let i = parts.length - 1; i >= 0 && fromFolder === null; i--) {
      const y = yearFromName(parts[i]!);
      if (y !== null) fromFolder = { year: y, rule: `from its folder name (${shorten(parts[i]!, 60)})`, source: parts.slice(0, i + 1).join('/') };
    }
    const byYear = new Map<number | null, F[]>();
    for (const f of list) {
      const y = yearFromName(posix.basename(f.path.split('\\').join('/')));
      byYear.set(y, [...(byYear.get(y) ?? []), f]);
    }
    const namedYears = [...byYear.keys()].filter((y): y is number => y !== null);
    // files naming no year join the folder's named files when these all name one year
    if (namedYears.length === 1 && byYear.has(null)) {
      byYear.set(namedYears[0]!, [...byYear.get(namedYears[0]!)!, ...byYear.get(null)!]);
      byYear.delete(null);
    }
    for (const [y, group] of byYear) {
      group.sort((a, b) => (a.path < b.path ? -1 : 1));
      if (y === null) {
        out.push({ label: folderName, files: group, named: fromFolder });
      } else {
        const label = byYear.size === 1 ? folderName : `${folderName} (files naming ${yearLabel(y)})`;
        const source = group.find((f) => yearFromName(posix.basename(f.path)) !== null)!.path;
        out.push({ label, files: group, named: { year: y, rule: 'from its file names', source } });
      }
    }
  }
  return out;
}


/**
 * Reads the SSDA903 files of one return. Two files of one kind in a return
 * are two returns mixed up: the extract is rejected.
 */
export async function readSsda903Return(
  db: Database,
  folder: string,
  given: Ssda903File[],
  latestDate: string,
  /** each file rejected, with why (the rest of the return is still read) */
  rejected: { path: string; error: InputRejected }[],
  /** the year its file or folder names give, if any */
  named: NamedYear | null = null,
): Promise<ParsedReturn> {
  const byKind = new Map<Ssda903Kind, string>();
  const files: Ssda903File[] = [];
  for (const f of given) {
    const other = byKind.get(f.kind);
    if (other) {
      rejected.push({ path: f.path, error: new InputRejected({ file: f.path }, `is a second SSDA903 ${f.kind} file in ${folder || 'the extract folder'} (the first is ${other}); put each return in its own folder, or name each file with its year`) });
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
  // the latest episode start gives the year where no name does; every date gives how far the return runs ("to ...")
  let latestStart: { date: string; file: string; line: number } | null = null;
  const dates: string[] = [];
  const later = (d: string | null | undefined) => {
    if (d) dates.push(d);
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
    for (const q of result.quarantine) quarantine.push({ ...q, reason: withRule(q.column, q.reason), table: spec.table });
    const rows = result.rows;
    for (let i = 0; i < rows.rows.length; i++) {
      const r = rows.rows[i]!;
      const values: Record<string, string | null> = {};
      rows.columns.forEach((c, k) => (values[c] = r[k] ?? null));
      const child = values.person_id!;
      const warnings: RecordWarning[] = [];
      let key: string;
      if (f.kind === 'header') {
        key = child;
        const dob = parseDate(values.dob ?? '', latestDate);
        if (!dob.ok) {
          values.dob = null;
          warnings.push({ rule: /not a real date/.test(dob.reason) ? '147' : null, message: 'the date of birth (DOB) cannot be read: the child is loaded without one (no figure uses it)' });
        } else values.dob = dob.value;
      } else if (f.kind === 'episodes') {
        key = keys.make('cla_episode', `${child}/${values.start_date}`);
        values.cla_episode_id = recordId('cla_episode', key);
        later(values.start_date);
        later(values.end_date);
        if (values.start_date && (latestStart === null || values.start_date > latestStart.date)) latestStart = { date: values.start_date, file: f.path, line: rows.lines[i]! };
      } else {
        key = keys.make('cla_review', `${child}/${values.review_date}`);
        values.cla_review_id = recordId('cla_review', key);
        later(values.review_date);
      }
      records.push({ table: spec.table, key, child, values, file: f.path, line: rows.lines[i]!, childColumn: 'CHILD', warnings });
    }
  }
  const label = folder === '' ? '(extract folder)' : folder;
  const start = latestStart as { date: string; file: string; line: number } | null;
  let year: number | null = null;
  let yearRule: string | undefined;
  if (named) {
    year = named.year;
    yearRule = named.rule;
    // a named year that an episode start falls after is a contradiction (no date quoted: it is a child's record)
    if (start && start.date > financialYearStarting(named.year).end) {
      rejected.push({
        path: start.file,
        error: new InputRejected(
          { file: start.file, line: start.line, column: 'DECOM' },
          `has an episode starting after ${yearLabel(named.year)}, the year ${named.source} names: the name and the data disagree; correct the DECOM or put the return under its right year`,
        ),
      });
    }
  } else if (start) {
    year = financialYear(start.date);
    yearRule = 'from its latest episode start (DECOM)';
  }
  // how far the return runs: its latest date within its year (a date keyed beyond it does not count)
  const end = year === null ? null : financialYearStarting(year).end;
  const asOf = dates.filter((d) => end === null || d <= end).reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
  if (year === null) notes.push(`${label}: an SSDA903 return with no episode starts and no year in its file or folder names; its collection year is unknown, so every other return wins over it`);
  const tables = files.map((f) => SPECS[f.kind].table);
  return { format: 'ssda903', title: 'SSDA903 return', adapter: ADAPTER, label, year, yearRule, asOf, tables, records, quarantine, reports, notes };
}

/**
 * A quarantine reason with the DfE rule it breaks. An impossible date (DfE
 * SSDA903 rule 147, as the D2I validator numbers it) is quarantined here, where
 * the validator keeps the row: an episode or review without its DECOM or
 * REVIEW has no date to count by, and one without its DEC would be read as
 * still open, a guessed end that moves "looked after at period end".
 */
function withRule(column: string | null, reason: string): string {
  if (/^DEC is before DECOM/.test(reason)) return 'DEC is before DECOM (DfE SSDA903 rule 356: the episode ceased before it started)';
  if (/is not a real date/.test(reason) && column !== null && column in DATE_USE) {
    return `${reason} (DfE SSDA903 rule 147: a date that does not exist; ${DATE_USE[column]}, so it is not loaded with a guessed date)`;
  }
  return reason;
}

const DATE_USE: Record<string, string> = {
  DECOM: 'the episode has no start without it',
  DEC: 'without it the episode would be read as still open',
  REVIEW: 'the review has no date without it',
};

/** The folder of a relative path ('' for the extract folder itself). */
export function folderOf(relPath: string): string {
  const d = posix.dirname(relPath.split('\\').join('/'));
  return d === '.' ? '' : d;
}
