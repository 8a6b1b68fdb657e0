/*
 * Restatements (issue 16): which figures moved since the last snapshot, and
 * by how much. Every monthly extract restates the past: a referral recorded
 * late, a plan's start date corrected, a record deleted or merged into
 * another. A board member who sees 2023/24's figure move between two board
 * papers asks why: the reports mark each figure that moved and list them
 * (reports/), and `safeguard changes` lists the records behind each move
 * (child-level). This file finds the figures only; it prints nothing and
 * writes no file.
 *
 * The rules (the choices the issue leaves open are marked "choice"):
 *
 *  - "The last snapshot" is the one loaded before this one (the highest seq
 *    below its seq): the extract the previous run reported from. Choice: load
 *    order, not the order snapshots were made current (an old extract made
 *    current again is compared with the one loaded before it, as when it was
 *    first reported); where that one was extracted later than this one, a
 *    note says so.
 *  - A figure moved when its numerator, denominator or value differs, a
 *    number against no value included (it became, or stopped being, a
 *    figure). The difference is to.value - from.value to one decimal place,
 *    worked in integer tenths (both are already rounded), null when either
 *    value is null.
 *  - A period that is part-year in either snapshot (it ends after that
 *    snapshot's extract date, or starts after it) is not compared: it grows
 *    with each extract, so its change is new data, not a restatement. No move
 *    is listed for it; one note names such periods.
 *  - Snapshots of different LAs (both name an LA, and not the same one, in
 *    DfE or ONS code) are not compared: no moves, a note. Choice: a snapshot
 *    that names no LA is compared with one that does (the same extract
 *    ingested with and without --la).
 *  - No earlier snapshot: no restatement at all (`reportRestatement` gives
 *    null); the reports then show nothing extra.
 *
 * Both snapshots are computed alike, by `figuresAt` (app/indicators-service.ts:
 * the part-year clipping of every report) with the same LA codes, so the same
 * population serves both ends of a rate. A report reuses its own figures, so
 * comparing costs one extra compute pass: the earlier snapshot over the
 * report's periods.
 */
import type { Database } from '../pipeline/db.ts';
import { laCodes, resolveLa } from '../pipeline/la.ts';
import { findSnapshot, type SnapshotInfo } from '../pipeline/store.ts';
import type { IndicatorResult, IndicatorsDocument, Period } from '../metrics/types.ts';
import { periodKind, toTenths } from '../reports/format.ts';
import type { FigureMove, FigureNow, Restatement } from '../reports/types.ts';
import { figuresAt } from './indicators-service.ts';

export type { FigureMove, FigureNow, Restatement } from '../reports/types.ts';

/**
 * The snapshot of the same LA loaded before `snapshotId` (the highest seq
 * lower than its seq; one that names no LA, or is of one that names none,
 * counts as the same), or null: a database holding several LAs' extracts
 * compares each with its own last one.
 */
export async function previousSnapshot(db: Database, snapshotId: string): Promise<SnapshotInfo | null> {
  const snap = await findSnapshot(db, snapshotId);
  const earlier = await db.all<SnapshotInfo & Record<string, unknown>>('SELECT * FROM store.snapshot WHERE seq < $seq ORDER BY seq DESC', { seq: Number(snap.seq) });
  const row = earlier.find((e) => !otherLa(e, snap));
  return row ?? null;
}

/** The figures of both snapshots for the same periods, and the moves between them (see the header for the rules). */
export async function compareFigures(db: Database, fromSnapshotId: string, toSnapshotId: string, periods: Period[], laCodes: string[]): Promise<Restatement> {
  const from = await findSnapshot(db, fromSnapshotId);
  const to = await findSnapshot(db, toSnapshotId);
  if (otherLa(from, to)) return notCompared(from, to);
  return restate(db, from, to, await figuresAt(db, to, periods, laCodes), periods, laCodes);
}

/**
 * A report's figures (its document, already computed) against the snapshot
 * loaded before its own: what `report`, `run` and `demo` print. Null when
 * there is no earlier snapshot.
 */
export async function reportRestatement(db: Database, doc: IndicatorsDocument): Promise<Restatement | null> {
  const to = await findSnapshot(db, doc.snapshot.id);
  const from = await previousSnapshot(db, to.snapshot_id);
  if (!from) return null;
  if (otherLa(from, to)) return notCompared(from, to);
  return restate(db, from, to, doc.results, periodsOf(doc.results), laCodes(doc.la));
}

/** `now` (the later snapshot's figures, part-years marked) against the earlier snapshot's for the same periods. */
async function restate(db: Database, from: SnapshotInfo, to: SnapshotInfo, now: readonly IndicatorResult[], periods: Period[], laCodes: string[]): Promise<Restatement> {
  const before = new Map((await figuresAt(db, from, periods, laCodes)).map((r) => [key(r), r]));
  const moves: FigureMove[] = [];
  const partYear = new Set<string>();
  for (const r of now) {
    const e = before.get(key(r));
    if (!e) continue;
    if (r.partial || e.partial) {
      partYear.add(r.period);
      continue;
    }
    const a = figure(e);
    const b = figure(r);
    if (a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value) continue;
    moves.push({ indicator: r.indicator, period: r.period, from: a, to: b, difference: a.value === null || b.value === null ? null : (toTenths(b.value) - toTenths(a.value)) / 10 });
  }
  const notes: string[] = [];
  if (from.extracted_at > to.extracted_at) {
    notes.push(`snapshot ${from.snapshot_id}, compared as the earlier, was extracted later (${from.extracted_at}) than ${to.snapshot_id} (${to.extracted_at}): the changes run backwards in time`);
  }
  const parts = periods.map((p) => p.label).filter((l) => partYear.has(l));
  if (parts.length > 0) {
    notes.push(`not compared: ${parts.join(', ')}, part-year in one snapshot or both (ending after its extract date); a part-year grows with each extract, so its change is new data, not a restatement`);
  }
  return { ...ends(from, to), moves, notes };
}

/** Both snapshots name an LA, and not the same one (in DfE or ONS code). */
export function otherLa(from: SnapshotInfo, to: SnapshotInfo): boolean {
  return from.la_code !== null && to.la_code !== null && resolveLa(from.la_code).code !== resolveLa(to.la_code).code;
}

function notCompared(from: SnapshotInfo, to: SnapshotInfo): Restatement {
  const la = (s: SnapshotInfo) => `${resolveLa(s.la_code!).name} (${resolveLa(s.la_code!).code})`;
  return { ...ends(from, to), moves: [], notes: [`not compared: the earlier snapshot ${from.snapshot_id} is of another LA, ${la(from)}, than this one, ${la(to)}`] };
}

function ends(from: SnapshotInfo, to: SnapshotInfo): Pick<Restatement, 'from' | 'to'> {
  return { from: { id: from.snapshot_id, extracted_at: from.extracted_at }, to: { id: to.snapshot_id, extracted_at: to.extracted_at } };
}

function figure(r: IndicatorResult): FigureNow {
  return { numerator: r.numerator, denominator: r.denominator, value: r.value };
}

function key(r: IndicatorResult): string {
  return `${r.indicator}\u0000${r.period}`;
}

/** A document's periods, in its order, from its results (each result keeps its period's own start and end). */
function periodsOf(results: readonly IndicatorResult[]): Period[] {
  const seen = new Map<string, Period>();
  for (const r of results) if (!seen.has(r.period)) seen.set(r.period, { label: r.period, kind: periodKind(r.period), start: r.period_start, end: r.period_end });
  return [...seen.values()];
}
