/*
 * What the renderers take in. A report is a pure function of one ReportInput:
 * the computed financial-year results (with benchmarks and ranks), the
 * indicator definitions in registry order, the calendar-month series for the
 * SPC charts with the settings that shape them (rebase months, annotations,
 * targets), and a timestamp passed in so the output is reproducible. Nothing
 * here reads a file or a database; the CLI builds this object and writes what
 * the renderers return.
 */
import type { Indicator, IndicatorsDocument } from '../metrics/types.ts';

/**
 * What a report needs of each registered indicator (metrics/types.ts
 * `Indicator`, without its SQL), and its DfE comparator in words (written
 * from the formula by `dfeSourceWords` in metrics/dfe.ts); null = local only.
 */
export type IndicatorDefinition = Pick<Indicator, 'id' | 'title' | 'area' | 'polarity' | 'unit' | 'definition'> & { dfeSource: string | null };

export interface MonthlyPoint {
  /** the calendar month, `2016-03` = 2016-03-01 .. 2016-03-31 */
  period: string;
  /** the month's first day (optional: it follows from `period`) */
  period_start?: string;
  period_end: string;
  /** already rounded half up to one decimal place; `null` = nothing to count */
  value: number | null;
  /**
   * The counts behind the value. Optional for plain reports; needed by
   * `--suppress`, which withholds a monthly value whose counts it cannot check
   * (fail closed). Rates: the denominator is the population.
   */
  numerator?: number | null;
  denominator?: number | null;
  /** why a month has no value (the metrics layer's note); null or absent when it has one */
  gap_reason?: string | null;
  /** set by `suppress`: which figures were withheld (renderers show `c`) */
  suppressed?: { numerator: boolean; denominator: boolean; value: boolean };
}

/** One line of an annotations file (trends.md): a labelled marker, and perhaps the start of a new phase. */
export interface Annotation {
  /** `YYYY-MM-DD` as written */
  date: string;
  label: string;
  /** `Y`: a known change in the process: the SPC limits are recalculated from here */
  rebase: boolean;
}

/** What shapes the SPC charts, from `--rebase`, `--annotations` and `--targets`. */
export interface TrendSettings {
  /** `YYYY-MM`: months that start a new phase (from `--rebase`) */
  rebase: string[];
  annotations: Annotation[];
  /** indicator id -> target, in the indicator's unit */
  targets: Record<string, number>;
}

export interface MonthlySeries {
  indicator: string;
  points: MonthlyPoint[];
}

export interface ReportInput {
  /** results for one or more periods (financial years across); may carry benchmarks and ranks */
  doc: IndicatorsDocument;
  /** every registered indicator, in registry order (it orders the tables) */
  definitions: IndicatorDefinition[];
  /** calendar-month series for the SPC charts, oldest first (they are sorted anyway) */
  monthly: MonthlySeries[];
  /** rebase months, annotations and targets for the SPC charts; absent = one phase, no markers, no targets */
  trends?: TrendSettings;
  /** ISO timestamp printed on the report; passed in so renders are deterministic */
  generatedAt: string;
  /** publish-safe version: small counts shown as `c` (see suppress.ts) */
  suppress?: boolean;
  /** the board's "what this tells us" by indicator id (`--commentary FILE`), printed under the indicator */
  commentary?: Record<string, string>;
  /** the figures that moved since the snapshot loaded before this one (app/restatements.ts); absent when there is none */
  restatement?: Restatement;
}

/** One figure's counts and value in one snapshot (value rounded half up to one decimal; null = no value). */
export interface FigureNow {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** set by `suppress`: which of them were withheld (renderers show `c`) */
  suppressed?: { numerator: boolean; denominator: boolean; value: boolean };
}

/** A figure that moved between two snapshots: its numerator, denominator or value differs (a number against no value too). */
export interface FigureMove {
  indicator: string;
  /** the period label, as in IndicatorResult.period */
  period: string;
  /** in the earlier snapshot */
  from: FigureNow;
  /** in the later one (the report's) */
  to: FigureNow;
  /** to.value - from.value rounded to 1 dp, null when either value is null (or, after `suppress`, either is withheld) */
  difference: number | null;
}

/**
 * What moved between two snapshots for the same periods (app/restatements.ts
 * makes it; the reports and `safeguard changes` read it). Figures only, never
 * a record: which records moved a figure is `safeguard changes`'s, child-level.
 */
export interface Restatement {
  from: { id: string; extracted_at: string };
  to: { id: string; extracted_at: string };
  /** registry order, then period order */
  moves: FigureMove[];
  /** what was not compared and why (a part-year period, snapshots of different LAs), in words */
  notes: string[];
}
