/*
 * The shapes every part of safeguard agrees on: what an indicator declares, and
 * what a computed figure looks like when it leaves the metrics layer for the
 * benchmark engine and the renderers. Plain data only; no I/O here.
 */
import type { DfeFormula } from './dfe.ts';

export type Polarity = 'high' | 'low' | 'none';
export type Unit = 'percent' | 'per_10k';
export type Area = 'front_door' | 'child_protection' | 'children_looked_after';

/** A source table (or one optional column of it) an indicator cannot do without. */
export interface Requirement {
  /** internal table name, e.g. `cp_plan` */
  table: string;
  /** an optional column that must have been present in the extract, e.g. `iro_consulted` */
  column?: string;
}

/**
 * One indicator, declared as data. Both SQL statements run against the
 * snapshot's views (`referral`, `s47_enquiry`, `icpc`, `cp_plan`, `cp_review`,
 * `cla_episode`, `period_of_care`, `cla_review`, `person`, `calendar`) and the
 * `period` table (`period_id`, `period_start`, `period_end`), and return one row
 * per period: `(period_id, n)`. Every period must appear (use a LEFT JOIN from
 * `period`), so a zero is a zero and not a missing row.
 */
export interface Indicator {
  id: string;
  title: string;
  area: Area;
  polarity: Polarity;
  unit: Unit;
  /** the definition in words, as printed in the Definitions sheet of reports */
  definition: string;
  /**
   * How DfE's comparable LA-level figure is formed from its published files
   * (metrics/dfe.ts); absent for a local indicator. The comparators are
   * computed from it and the words in reports are written from it.
   */
  dfe?: DfeFormula;
  requires: Requirement[];
  numeratorSql: string;
  /** `'population'` for rates: the ONS mid-year estimate chosen for the period */
  denominatorSql: string | 'population';
  /**
   * Optional: records of the period that cannot be timed because a date falls
   * outside the working-day calendar, as `(period_id, n)`. Where n > 0 the
   * value is withheld with a note: a date outside the calendar is an error,
   * not a guess.
   */
  untimedSql?: string;
  /**
   * Optional: the numerator and denominator from one statement, as
   * `(period_id, numerator, denominator)`, for an indicator whose two counts
   * share nearly all their work (the review walks). compute.ts runs it in place
   * of the two statements above, which still say what is counted; a registry
   * test holds the three to the same counts.
   */
  countsSql?: string;
  /**
   * How far before each counted record the indicator looks (indicators.md v2,
   * "Coverage"): `months` before it in `table`, or all earlier data (`null`).
   * Where that reaches before the table's coverage, the figure is computed
   * from what there is, with a note that it may undercount.
   */
  lookBack?: { table: string; months: number | null };
  /**
   * The records behind the figure (`safeguard records`, `safeguard changes`;
   * issue 16), built from the same fragments and filters as the counts, never
   * a second rule: a registry test holds the rows to the numerator and
   * denominator for every indicator. See `RecordList`.
   */
  records: RecordList;
  /** choices the spec left open, written down where an analyst will find them */
  notes?: string[];
}

/**
 * How an indicator lists its records. `sql` returns one row per counted thing
 * and period, with the leading columns of `RECORD_COLUMNS` (metrics/sql.ts):
 * period_id, source_table, record_id, person_id, in_numerator, in_denominator,
 * reason (why a row of the denominator is not in the numerator; null
 * otherwise), then the indicator's own detail columns (the dates and working
 * days that decided it). For a rate every row is in the numerator only (the
 * denominator is the population). `counts` says what a row is: a record
 * (an ICPC, a plan, a review) or a child (children on a plan at period end;
 * children whose reviews were on time), where `source_table`/`record_id` then
 * name the record that decided the child's place.
 */
export interface RecordList {
  counts: 'records' | 'children';
  sql: string;
}

export interface Period {
  /** as the user wrote it or as we name it: `2016/17`, `2024-10`, `2024-01-01..2024-06-30` */
  label: string;
  kind: 'financial_year' | 'rolling_12_months' | 'range';
  /** ISO dates, inclusive */
  start: string;
  end: string;
}

export interface Benchmark {
  value: number | null;
  source: string;
  /** SN only: how many neighbours had a value */
  n?: number;
  /** SN only: how many neighbours there are in the model */
  of?: number;
  note?: string;
}

/**
 * The LA's own figure as DfE published it for the same year, set beside the
 * one computed from its extract (issue 17): `difference` is computed minus
 * published; `reconciliation` is `differs` when that is beyond `tolerance`
 * (in the indicator's unit), `not_compared` when either value is missing or
 * the period is not a complete financial year (`note` says why).
 */
export interface Published {
  value: number | null;
  source: string;
  difference: number | null;
  tolerance: number;
  reconciliation: 'agrees' | 'differs' | 'not_compared';
  note?: string;
}

export interface Rank {
  position: number;
  of: number;
  quartile: 'A' | 'B' | 'C' | 'D';
  provisional: boolean;
  /** the DfE year ranked against, e.g. 2017 for 2016/17 */
  year?: number;
}

export interface IndicatorResult {
  indicator: string;
  title: string;
  area: Area;
  period: string;
  period_start: string;
  period_end: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: Unit;
  polarity: Polarity;
  benchmarks: {
    sn?: Benchmark;
    region?: Benchmark;
    england?: Benchmark;
  };
  rank: Rank | null;
  /** the LA's own published figure and how this one reconciles with it; on every result with a DfE source */
  published?: Published;
  /**
   * A part-year period: it ends after the extract date, so it is computed up
   * to the extract date (indicators.md, "Part-year periods"). Never ranked or
   * rated for direction. Set on every result by the indicators service.
   */
  partial?: boolean;
  /**
   * Against the same period a year earlier (the previous financial year, the
   * 12 months ending a year earlier, the same dates a year earlier), set by
   * the indicators service (app/indicators-service.ts), the one rule every
   * output reads. `previous_period` is null when that period starts before
   * the extract's data (nothing to compare with).
   */
  direction?: {
    previous_period: string | null;
    previous_value: number | null;
    value: 'better' | 'worse' | 'same' | 'up' | 'down' | 'not_rated';
  };
  notes: string[];
}

export interface LaInfo {
  code: string;
  ons_code: string;
  name: string;
  region: string;
}

export interface IndicatorsDocument {
  /** `dfe_published`: the figures are DfE's published ones for the LA, not an extract's (`safeguard published`); absent: an extract's */
  source?: 'dfe_published';
  la: LaInfo | null;
  snapshot: { id: string; extracted_at: string };
  results: IndicatorResult[];
}
