/*
 * `safeguard indicators`: the figures for one snapshot and some periods, as a
 * table for people, JSON for programs (cli.md's shape) or CSV.
 */
import { computeIndicators } from '../../pipeline/compute.ts';
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { resolveLa } from '../../pipeline/la.ts';
import { latestCompleteFinancialYear, parsePeriods, previousPeriod } from '../../pipeline/periods.ts';
import type { Period } from '../../metrics/types.ts';
import { directionLabel, directionOfTravel, movement } from '../../reports/direction.ts';
import { csvRecord } from '../../reports/safe-cell.ts';
import { formatValue } from '../../reports/format.ts';
import { findSnapshot } from '../../pipeline/snapshots.ts';
import type { IndicatorsDocument, IndicatorResult } from '../../metrics/types.ts';
import { attachBenchmarks } from '../../pipeline/benchmarks/attach.ts';
import { bundledDfeDataset, loadDfeDataset } from '../../pipeline/benchmarks/dfe-store.ts';
import type { Io } from '../io.ts';
import { textTable } from '../io.ts';

export interface DocumentOptions {
  period?: string[];
  snapshot?: string;
  snStat?: string;
  snModel?: string;
}

export interface IndicatorsOptions extends DocumentOptions {
  db: string;
  format?: string;
}

export async function buildDocument(db: Database, opts: DocumentOptions): Promise<IndicatorsDocument> {
  const snStat = opts.snStat ?? 'mean';
  const snModel = opts.snModel ?? '2025';
  if (snStat !== 'mean' && snStat !== 'median') throw new UsageError(`--sn-stat ${snStat}: use mean or median`);
  if (snModel !== '2025' && snModel !== '2021') throw new UsageError(`--sn-model ${snModel}: use 2025 or 2021`);
  // periods first: bad usage is bad usage whatever the database holds
  const asked = opts.period && opts.period.length > 0 ? parsePeriods(opts.period) : null;
  const snap = await findSnapshot(db, opts.snapshot);
  const periods = asked ?? parsePeriods([latestCompleteFinancialYear(snap.data_to ?? snap.extracted_at).label]);
  const la = snap.la_code ? resolveLa(snap.la_code) : null;
  // the period before each, computed in the same pass, for the direction of travel
  const previous = periods.map(previousPeriod);
  const extra = previous.filter((p) => !periods.some((q) => q.label === p.label));
  const all = await computeIndicators(db, { snapshotId: snap.snapshot_id, periods: [...periods, ...uniqueByLabel(extra)], laCodes: la ? [la.code, la.ons_code] : [] });
  const byKey = new Map(all.map((r) => [`${r.indicator}|${r.period}`, r]));
  const results = all.filter((r) => periods.some((p) => p.label === r.period));
  for (const r of results) {
    const before = previous[periods.findIndex((p) => p.label === r.period)]!;
    const prev = byKey.get(`${r.indicator}|${before.label}`);
    const value = prev?.value ?? null;
    r.direction = { previous_period: before.label, previous_value: value, value: directionOfTravel(value, r.value, r.polarity) };
  }
  const dataset = (await loadDfeDataset(db)) ?? bundledDfeDataset();
  await attachBenchmarks(db, results, { dataset, laCode: la?.code ?? null, snModel, snStat });
  return { la, snapshot: { id: snap.snapshot_id, extracted_at: snap.extracted_at }, results };
}

function uniqueByLabel(ps: Period[]): Period[] {
  return ps.filter((p, i) => ps.findIndex((q) => q.label === p.label) === i);
}

export async function indicators(opts: IndicatorsOptions, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format ${format}: use table, json or csv`);
  const db = await Database.open(opts.db, { existing: true });
  try {
    const doc = await buildDocument(db, opts);
    // the table's colours are safeguard's own (io.ts shows any other control character as an escape)
    io.out(format === 'json' ? JSON.stringify(doc, null, 2) : format === 'csv' ? indicatorsCsv(doc.results) : indicatorsTable(doc, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }), { colour: format === 'table' });
  } finally {
    db.close();
  }
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatValue(v));
const count = (v: number | null): string => (v === null ? '—' : String(v));

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/** Direction in words (colour is never the only signal), coloured by polarity on a terminal. */
function directionCell(r: IndicatorResult, colour: boolean): string {
  if (!r.direction) return '';
  const label = directionLabel(r.direction.value, movement(r.direction.previous_value, r.value));
  if (!colour) return label;
  return r.direction.value === 'better' ? `${GREEN}${label}${RESET}` : r.direction.value === 'worse' ? `${RED}${label}${RESET}` : label;
}

export function indicatorsTable(doc: IndicatorsDocument, opts: { colour?: boolean } = {}): string {
  const head = doc.la ? `${doc.la.name} (${doc.la.code}), snapshot ${doc.snapshot.id}, extract taken ${doc.snapshot.extracted_at}` : `snapshot ${doc.snapshot.id}`;
  const rows = doc.results.map((r) => [
    r.indicator,
    r.period,
    count(r.numerator),
    count(r.denominator),
    fmt(r.value),
    fmt(r.benchmarks.sn?.value),
    fmt(r.benchmarks.region?.value),
    fmt(r.benchmarks.england?.value),
    r.rank ? `${r.rank.position}/${r.rank.of}${r.rank.provisional ? '*' : ''}` : '—',
    r.rank?.quartile ?? '—',
    directionCell(r, opts.colour ?? false),
  ]);
  const notes = doc.results.flatMap((r) => r.notes.filter((n) => !n.startsWith('local indicator')).map((n) => `${r.indicator} ${r.period}: ${n}`));
  const uniqueNotes = [...new Set(notes)];
  const provisional = doc.results.some((r) => r.rank?.provisional) ? ['* rank provisional: against the latest year DfE has published'] : [];
  return [
    head,
    '',
    textTable(['indicator', 'period', 'numerator', 'denominator', 'value', 'sn', 'region', 'england', 'rank', 'quartile', 'direction'], rows),
    ...(uniqueNotes.length || provisional.length ? ['', ...provisional, ...uniqueNotes] : []),
  ].join('\n');
}

export function indicatorsCsv(results: IndicatorResult[]): string {
  const header = ['indicator', 'period', 'period_start', 'period_end', 'numerator', 'denominator', 'value', 'unit', 'polarity', 'sn', 'region', 'england', 'notes'];
  const lines = results.map((r) =>
    [
      r.indicator,
      r.period,
      r.period_start,
      r.period_end,
      r.numerator,
      r.denominator,
      r.value,
      r.unit,
      r.polarity,
      r.benchmarks.sn?.value,
      r.benchmarks.region?.value,
      r.benchmarks.england?.value,
      r.notes.join('; '),
    ].map((v) => (v === undefined ? null : v)),
  );
  return [csvRecord(header), ...lines.map((l) => csvRecord(l))].join('\n');
}
