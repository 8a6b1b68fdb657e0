/*
 * `safeguard changes [--from SNAPSHOT] [--to SNAPSHOT] [--period P]...
 * [--format table|json|csv] [--records]`: every figure that moved between two
 * snapshots (default: the current one and the one loaded before it; the
 * board's four financial years), and the records that moved it, by kind
 * (app/changes-service.ts). Counts by default, an aggregate; with --records
 * the records too, child-level: headed OFFICIAL-SENSITIVE, identifiers
 * pseudonymised unless --reveal-ids.
 */
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { laCodes, resolveLa } from '../../pipeline/la.ts';
import { parsePeriods } from '../../pipeline/periods.ts';
import { identifierShower, isIdentifierColumn } from '../../pipeline/pseudonym.ts';
import type { Pseudonymise } from '../../pipeline/pseudonym.ts';
import { findSnapshot } from '../../pipeline/store.ts';
import { csvRecord } from '../../reports/safe-cell.ts';
import { textTable } from '../../reports/terminal.ts';
import { changesBetween, KINDS } from '../changes-service.ts';
import type { Changes, Delta, FigureChange, Kind, MovedRecord } from '../changes-service.ts';
import { reportPeriods } from '../indicators-service.ts';
import { otherLa, previousSnapshot } from '../restatements.ts';
import type { FigureNow } from '../restatements.ts';
import type { Io } from '../io.ts';
import { identifierNote, SENSITIVE_HEADING } from './snapshots.ts';

export interface ChangesOptions {
  db: string;
  from?: string;
  to?: string;
  period?: string[];
  format?: string;
  records?: boolean;
  revealIds?: boolean;
}

const KIND_WORDS: Record<Kind, string> = {
  new_record: 'new record',
  record_removed: 'record removed',
  date_changed: 'date changed',
  status_changed: 'status changed',
  other: 'other',
};

export async function changes(opts: ChangesOptions, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format}: use table, json or csv`);
  if (opts.revealIds && !opts.records) throw new UsageError('--reveal-ids goes with --records: without it no identifier is printed');
  const asked = opts.period && opts.period.length > 0 ? parsePeriods(opts.period) : null;
  const db = await Database.open(opts.db, { existing: true });
  try {
    const to = await findSnapshot(db, opts.to);
    const from = opts.from ? await findSnapshot(db, opts.from) : await previousSnapshot(db, to.snapshot_id);
    if (!from) throw new UsageError(`nothing to compare: no snapshot of the same LA was loaded before ${to.snapshot_id}; ingest this month's extract after last month's, or name two with --from and --to`);
    if (from.snapshot_id === to.snapshot_id) throw new UsageError(`--from and --to are the same snapshot (${to.snapshot_id}): nothing to compare`);
    if (otherLa(from, to)) throw new UsageError(`snapshots ${from.snapshot_id} (LA ${from.la_code}) and ${to.snapshot_id} (LA ${to.la_code}) are of different LAs: their figures are not restatements of each other`);
    const periods = asked ?? parsePeriods(await reportPeriods(db, { snapshot: to.snapshot_id }));
    const la = to.la_code ? resolveLa(to.la_code) : null;
    const result = await changesBetween(db, from, to, periods, laCodes(la));
    const show = opts.records ? identifierShower(opts.db, opts.revealIds === true) : null;
    if (format === 'json') io.out(JSON.stringify(asJson(result, show), null, 2));
    else if (format === 'csv') io.out(show ? recordsCsv(result, show) : figuresCsv(result));
    else io.out(asTable(result, show));
    const summary = `${result.changes.length} figure(s) compared moved between snapshot ${result.from.id} (extract taken ${result.from.extracted_at}) and ${result.to.id} (${result.to.extracted_at}), over ${periods.map((p) => p.label).join(', ')}.`;
    // the table prints the notes itself; the JSON and CSV readers get them here too
    for (const line of [summary, ...(format === 'table' ? [] : result.notes.map((n) => `Note: ${n}.`))]) io.err(line);
    if (show) io.err(identifierNote(opts.revealIds === true));
  } finally {
    db.close();
  }
}


function shownRecord(r: MovedRecord, show: Pseudonymise): Record<string, unknown> {
  const value = (v: unknown) => (r.field && isIdentifierColumn(r.field) && v !== null ? show(String(v)) : v);
  return {
    kind: r.kind,
    table: r.table,
    record_id: show(r.record_id),
    child: show(r.person_id),
    numerator: r.numerator,
    denominator: r.denominator,
    field: r.field,
    was: value(r.was),
    now: value(r.now),
    ...(r.counted ? { counted: { table: r.counted.table, record_id: show(r.counted.record_id) } } : {}),
  };
}

function asJson(c: Changes, show: Pseudonymise | null): unknown {
  return {
    ...(show ? { marking: SENSITIVE_HEADING } : {}),
    from: c.from,
    to: c.to,
    changes: c.changes.map((f) => ({
      indicator: f.indicator,
      period: f.period,
      from: f.from,
      to: f.to,
      difference: f.difference,
      kinds: f.kinds,
      ...(show ? { records: f.records.map((r) => shownRecord(r, show)) } : {}),
    })),
    notes: c.notes,
  };
}

const figureText = (f: FigureNow) => (f.value === null ? `no value (${f.numerator ?? '-'}/${f.denominator ?? '-'})` : `${f.value} (${f.numerator}/${f.denominator})`);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const deltaText = (d: Delta | undefined) => (d ? (d.denominator === null ? signed(d.numerator) : `${signed(d.numerator)}/${signed(d.denominator)}`) : '');

function asTable(c: Changes, show: Pseudonymise | null): string {
  const lines: string[] = [];
  if (show) lines.push(SENSITIVE_HEADING, '');
  lines.push(`From snapshot ${c.from.id} (extract taken ${c.from.extracted_at}) to ${c.to.id} (${c.to.extracted_at}).`);
  const notes = c.notes.map((n) => `Note: ${n}.`);
  if (c.changes.length === 0) {
    lines.push(c.notes.length > 0 ? 'No figure compared has moved.' : 'No figure moved.', ...notes);
    return lines.join('\n');
  }
  lines.push('Changes are counts of records, numerator/denominator (a rate: numerator only).', '');
  const kinds = KINDS.filter((k) => c.changes.some((f) => f.kinds[k]));
  lines.push(
    textTable(
      ['indicator', 'period', 'was', 'now', 'move', ...kinds.map((k) => KIND_WORDS[k])],
      c.changes.map((f) => [f.indicator, f.period, figureText(f.from), figureText(f.to), f.difference === null ? '' : signed(f.difference), ...kinds.map((k) => deltaText(f.kinds[k]))]),
    ),
  );
  if (notes.length > 0) lines.push('', ...notes);
  if (show) {
    lines.push('', 'The records that moved them:', '');
    lines.push(
      textTable(
        ['indicator', 'period', 'change', 'record', 'record_id', 'child', 'num', 'den', 'field', 'was', 'now', 'counted record'],
        c.changes.flatMap((f) => f.records.map((r) => recordCells(f, r, show).map((v) => (v === null ? '' : String(v))))),
      ),
    );
  }
  return lines.join('\n');
}

/**
 * A record's cells: the kind in words for people, as its key (`date_changed`)
 * for programs; last, the record counted in the figure where the change was
 * in another of the child's records (`cp_plan P-…`).
 */
function recordCells(f: FigureChange, r: MovedRecord, show: Pseudonymise, kind: (k: Kind) => string = (k) => KIND_WORDS[k]): (string | number | null)[] {
  const s = shownRecord(r, show);
  const counted = r.counted ? `${r.counted.table} ${show(r.counted.record_id)}` : null;
  return [f.indicator, f.period, kind(r.kind), r.table, s.record_id as string, s.child as string, r.numerator, r.denominator, r.field, s.was as string | null, s.now as string | null, counted];
}

function figuresCsv(c: Changes): string {
  const header = ['indicator', 'period', 'from_numerator', 'from_denominator', 'from_value', 'to_numerator', 'to_denominator', 'to_value', 'difference', ...KINDS.flatMap((k) => [`${k}_numerator`, `${k}_denominator`])];
  const rows = c.changes.map((f) => [
    f.indicator,
    f.period,
    f.from.numerator,
    f.from.denominator,
    f.from.value === null ? null : { oneDecimal: f.from.value },
    f.to.numerator,
    f.to.denominator,
    f.to.value === null ? null : { oneDecimal: f.to.value },
    f.difference === null ? null : { oneDecimal: f.difference },
    ...KINDS.flatMap((k) => [f.kinds[k]?.numerator ?? null, f.kinds[k]?.denominator ?? null]),
  ]);
  return [csvRecord(header), ...rows.map((r) => csvRecord(r))].join('\n');
}

function recordsCsv(c: Changes, show: Pseudonymise): string {
  const header = ['indicator', 'period', 'kind', 'table', 'record_id', 'child', 'numerator', 'denominator', 'field', 'was', 'now', 'counted_record'];
  const rows = c.changes.flatMap((f) => f.records.map((r) => recordCells(f, r, show, (k) => k)));
  return [csvRecord([SENSITIVE_HEADING]), csvRecord(header), ...rows.map((r) => csvRecord(r))].join('\n');
}
