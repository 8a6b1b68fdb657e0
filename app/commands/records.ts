/*
 * `safeguard records --indicator ID --period P [--part numerator|denominator|excluded]
 * [--format csv|xlsx] [--out FILE]`: the records behind one figure, by the
 * indicator's own SQL (app/records-service.ts). Child-level: the output is
 * headed OFFICIAL-SENSITIVE, identifiers are pseudonymised unless
 * --reveal-ids, a file is its owner's only, every cell is spreadsheet-safe.
 *
 * Without --part, the list is every record of the numerator or the
 * denominator, with a column for each and the reason a record of the
 * denominator is not in the numerator. The summary on stderr holds counts
 * only, never an identifier.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { writeOwnerOnly } from '../../pipeline/files.ts';
import { identifierShower, isIdentifierColumn, keyPath } from '../../pipeline/pseudonym.ts';
import type { Pseudonymise } from '../../pipeline/pseudonym.ts';
import { recordsCsv, recordsWorkbook } from '../../reports/record-list.ts';
import type { ListCell, RecordTable } from '../../reports/record-list.ts';
import { excludedRecords, figureRecords, PARTS, rowsOfPart } from '../records-service.ts';
import type { FigureRecords, Part, RecordRow } from '../records-service.ts';
import type { Io } from '../io.ts';
import { identifierNote, SENSITIVE_HEADING } from './snapshots.ts';

export interface RecordsOptions {
  db: string;
  indicator?: string;
  period?: string;
  snapshot?: string;
  part?: string;
  format?: string;
  out?: string;
  revealIds?: boolean;
}

export async function records(opts: RecordsOptions, io: Io): Promise<void> {
  if (!opts.indicator) throw new UsageError('--indicator is required: the figure whose records to list (e.g. icpc_within_15wd_pct)');
  if (!opts.period) throw new UsageError('--period is required: one period, e.g. 2023/24, 2024-10 (12 months ending October 2024) or 2024-01-01..2024-01-31');
  const part = opts.part as Part | undefined;
  if (part !== undefined && !PARTS.includes(part)) throw new UsageError(`--part ${opts.part}: use numerator, denominator or excluded`);
  const format = opts.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format ${format}: use csv or xlsx`);
  if (format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx writes a file: give --out FILE');
  if (opts.out !== undefined) checkOut(opts.out, opts.db);
  const db = await Database.open(opts.db, { existing: true });
  try {
    const list = await figureRecords(db, { indicator: opts.indicator, period: opts.period, snapshot: opts.snapshot });
    if (part === 'denominator' && list.indicator.denominatorSql === 'population') {
      throw new UsageError(`${list.indicator.id} is a rate: its denominator is the population (${list.figure.denominator ?? 'none'}), not records; use --part numerator`);
    }
    const show = identifierShower(opts.db, opts.revealIds === true);
    const rows = part === 'excluded' ? await excludedRecords(db, list.indicator, list.period) : part ? rowsOfPart(list.rows, part) : list.rows;
    const table = recordTable(list, rows, part, show, opts.revealIds === true);
    if (format === 'xlsx') writeOwnerOnly(opts.out!, await recordsWorkbook(table, new Date().toISOString()));
    else if (opts.out) writeOwnerOnly(opts.out, recordsCsv(table));
    else io.out(recordsCsv(table).replace(/\n$/, ''));
    for (const line of table.about) io.err(line);
    if (opts.out) io.err(`Written to ${opts.out} (readable by you only).`);
  } finally {
    db.close();
  }
}

function recordTable(list: FigureRecords, rows: RecordRow[], part: Part | undefined, show: Pseudonymise, revealed: boolean): RecordTable {
  const hide = (v: ListCell): ListCell => (v !== null ? show(String(v)) : v);
  const f = list.figure;
  const rate = list.indicator.denominatorSql === 'population';
  const figure =
    f.value === null
      ? f.notes.filter((n) => n.startsWith('no ')).join('; ') || 'no value'
      : `${f.value}${list.indicator.unit === 'percent' ? '%' : ' per 10,000'} = ${f.numerator} / ${f.denominator}${rate ? ' (population)' : ''}`;
  const what = part === 'excluded' ? 'records the definition leaves out' : part ? `records of the ${part}` : rate ? 'records of the numerator' : 'records of the numerator and the denominator';
  const about = [
    `${list.indicator.id} (${list.indicator.title}), ${list.period.label}, snapshot ${list.snapshot.snapshot_id} (extract taken ${list.snapshot.extracted_at}): ${figure}.`,
    `${rows.length} ${what}${list.indicator.records.counts === 'children' && part !== 'excluded' ? ' (one row per child; record_id names the record that decided it)' : ''}.`,
    ...f.notes.filter((n) => !n.startsWith('no ')),
    identifierNote(revealed),
  ];
  if (part === 'excluded') {
    return {
      marking: SENSITIVE_HEADING,
      about,
      columns: ['child', 'record', 'record_id', 'starts', 'ends', 'reason'],
      rows: rows.map((r) => [hide(r.person_id), r.source_table, hide(r.record_id), r.details.starts ?? null, r.details.ends ?? null, r.reason]),
    };
  }
  const details = list.details;
  const flags = rate ? ['in_numerator'] : ['in_numerator', 'in_denominator'];
  return {
    marking: SENSITIVE_HEADING,
    about,
    columns: ['child', 'record', 'record_id', ...flags, 'reason', ...details],
    rows: rows.map((r) => [
      hide(r.person_id),
      r.source_table,
      hide(r.record_id),
      r.in_numerator,
      ...(rate ? [] : [r.in_denominator]),
      r.reason,
      ...details.map((d) => (isIdentifierColumn(d) ? hide(r.details[d] ?? null) : (r.details[d] ?? null))),
    ]),
  };
}

/** `--out` names a file to write, never the database or what belongs to it (its write-ahead log, its pseudonym key). */
function checkOut(out: string, db: string): void {
  if (out.trim() === '') throw new UsageError('--out is empty: give a file to write, or leave --out off for standard output');
  // by real paths: a --db (or --out) reached through a symbolic link is still the database
  const target = realPath(out);
  const ours = [db, `${db}.wal`, keyPath(db)].map(realPath);
  if (ours.includes(target)) throw new UsageError(`--out ${out} is the database or its key: give another file`);
}

/** The path with every symbolic link resolved, for a file that need not exist yet (its folder's real path, then its name). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
