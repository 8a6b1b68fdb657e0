/*
 * The one analysis of an indicator's monthly series (trends.md): XmR with
 * phases (reports/spc.ts), the latest point's variation icon and, with a
 * target, its assurance icon. Pure. The report model calls it after
 * suppression (so a withheld month is a gap in the chart, and no limit is
 * worked from a withheld value), and `safeguard trends` calls it on the same
 * series, so the chart, its table, the at-a-glance row and the JSON cannot
 * disagree.
 *
 * Phases start at each `--rebase` month and at each annotation marked
 * `rebase`. A rebase dated after the 1st of a month starts the phase at the
 * next month (trends.md): the month it falls in is part before and part after
 * the change, and belongs with the old process. Markers are drawn at the month
 * the date falls in.
 */
import type { Polarity, Unit } from '../metrics/types.ts';
import { assuranceIcon, spc, type AssuranceIcon, type SpcResult, type VariationIcon } from './spc.ts';
import type { Annotation, MonthlyPoint, TrendSettings } from './types.ts';

export interface Marker extends Annotation {
  /** `YYYY-MM`: where the marker is drawn (the month the date falls in) */
  month: string;
  /** `YYYY-MM`: the month its phase starts, for a rebase; else null */
  phaseFrom: string | null;
}

export interface TrendAnalysis {
  result: SpcResult<MonthlyPoint>;
  /** the latest point with a value's icon; null when no month has a value */
  variationIcon: VariationIcon | null;
  assuranceIcon: AssuranceIcon | null;
  target: number | null;
  markers: Marker[];
}

/** The month a rebase dated `date` starts its phase: its own month on the 1st, else the next. */
export function rebaseMonth(date: string): string {
  if (date.slice(8, 10) === '01') return date.slice(0, 7);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every annotation as a marker, oldest first. */
export function markersOf(settings: TrendSettings | undefined): Marker[] {
  return [...(settings?.annotations ?? [])]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((a) => ({ ...a, month: a.date.slice(0, 7), phaseFrom: a.rebase ? rebaseMonth(a.date) : null }));
}

/** The months that start a new phase: `--rebase` and the annotations marked rebase. */
export function rebaseMonths(settings: TrendSettings | undefined): string[] {
  const months = [...(settings?.rebase ?? []), ...markersOf(settings).flatMap((m) => (m.phaseFrom ? [m.phaseFrom] : []))];
  return [...new Set(months)].sort();
}

export function analyseTrend(points: readonly MonthlyPoint[], def: { id: string; polarity: Polarity; unit: Unit }, settings?: TrendSettings): TrendAnalysis {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const result = spc(sorted, def.polarity, { rebase: rebaseMonths(settings), unit: def.unit });
  const target = settings?.targets[def.id] ?? null;
  return {
    result,
    variationIcon: result.latest?.icon ?? null,
    assuranceIcon: assuranceIcon(result, def.polarity, target),
    target,
    markers: markersOf(settings),
  };
}
