/*
 * The tidy long CSV for Power BI and R: one row per indicator x period x
 * measure, financial years first and then the calendar-month points with
 * their SPC, so a pivot or `tidyr::pivot_wider` rebuilds any table or chart.
 * Columns:
 *
 *   la_code, la_name, indicator, title, area, period, period_start, period_end,
 *   measure, value, unit, polarity, source, restated_from
 *
 * measure is one of numerator, denominator, value, published (the LA's own
 * figure as DfE published it), sn, region, england, rank, rank_of, quartile,
 * direction; and, for a month (period `2016-01`),
 * spc_phase, spc_mean, spc_lower, spc_upper (the phase's, to four decimals;
 * limits empty where the phase has too few points) and spc_variation
 * (common, improvement, concern or neither; empty for a month with no value;
 * its source lists the rules broken). `value` holds a number for all but quartile
 * (A-D), direction (better, worse, same; up, down, same without polarity; not_rated) and spc_variation; it is empty when the
 * figure is not available and `c` when withheld by --suppress (DfE's
 * convention; in R: `read_csv(..., na = c("", "c"))`). A comparator's source
 * starts with the words every report labels it with (`DfE 2013/14: `,
 * `Board's report, 2015/16 carried forward: `). Benchmark and rank rows
 * appear only where the figure exists. restated_from is empty but for a
 * figure that moved since the last snapshot (app/restatements.ts): on each
 * of its numerator, denominator and value rows that moved it holds that
 * measure as the earlier snapshot had it (`c` where withheld; empty where it
 * had no value), and the row's source ends `; restated since extract <id>
 * (<date>)`, which tells an empty earlier value from a measure that did not
 * move (a population, a count that stayed the same). UTF-8 with a byte-order mark (so Excel
 * and Power BI detect the encoding; readr strips it), LF line endings, RFC 4180
 * quoting, and every text cell neutralised against formula injection.
 */
import { SUPPRESSED_MARK, dayLabel } from './format.ts';
import { buildReportModel, type BenchmarkFigure, type Figure, type IndicatorModel, type ReportModel } from './model.ts';
import { csvRecord, type CsvValue } from './safe-cell.ts';
import type { ReportInput } from './types.ts';

export const CSV_COLUMNS = ['la_code', 'la_name', 'indicator', 'title', 'area', 'period', 'period_start', 'period_end', 'measure', 'value', 'unit', 'polarity', 'source', 'restated_from'] as const;

type Row = Record<Exclude<(typeof CSV_COLUMNS)[number], 'restated_from'>, CsvValue> & { restated_from?: CsvValue };

function figureValue(f: Figure, oneDecimal: boolean): CsvValue {
  if (f.suppressed) return SUPPRESSED_MARK;
  if (f.value === null) return null;
  return oneDecimal ? { oneDecimal: f.value } : f.value;
}

/** The source in words first (as every report labels it), then the benchmarks layer's own record of it. */
function benchmarkSource(b: BenchmarkFigure): string {
  const neighbours = b.n !== undefined ? ` (${b.n}${b.of !== undefined ? ` of ${b.of}` : ''} neighbours with a value)` : '';
  return `${b.words ? `${b.words.short}: ` : ''}${b.source ?? ''}${neighbours}`;
}

function indicatorRows(model: ReportModel, ind: IndicatorModel, laCode: string | null): Row[] {
  const rows: Row[] = [];
  const extract = !model.publishedOnly ? `case-management extract ${model.snapshotId} (${model.extractedAt})` : model.provenance;
  const base = (period: string, start: string | null, end: string) => ({
    la_code: laCode,
    la_name: model.laName,
    indicator: ind.id,
    title: ind.title,
    area: ind.area,
    period,
    period_start: start,
    period_end: end,
    polarity: ind.polarity,
  });
  for (const f of ind.figures) {
    if (!f.result && !f.value.suppressed) continue;
    const b = base(f.period.label, f.period.start, f.period.end);
    const denominatorSource = ind.unit === 'per_10k' ? 'ONS mid-year population estimate, children aged 0 to 17' : f.period.partialTo ? `${extract}, part-year: to ${dayLabel(f.period.partialTo)}` : extract;
    // a part-year says so on the rows the extract gave (its comparators are full-year figures)
    const ours = f.period.partialTo ? `${extract}, part-year: to ${dayLabel(f.period.partialTo)}` : extract;
    // a figure that moved since the last snapshot: each of its three rows says what that measure was
    // a figure that moved since the last snapshot: each of its three rows that moved says what that measure was
    // (a population or a count that stayed the same is not marked: it was not restated)
    const was = f.restated?.from;
    const since = model.restatement ? `; restated since extract ${model.restatement.fromId} (${model.restatement.fromDate})` : '';
    const restated = (now: Figure, then: Figure | undefined, isValue: boolean) =>
      then && (now.value !== then.value || now.suppressed !== then.suppressed) ? { suffix: since, cell: { restated_from: figureValue(then, isValue) } } : { suffix: '', cell: {} };
    const num = restated(f.numerator, was?.numerator, false);
    const den = restated(f.denominator, was?.denominator, false);
    const val = restated(f.value, was?.value, true);
    rows.push({ ...b, measure: 'numerator', value: figureValue(f.numerator, false), unit: 'count', source: `${ours}${num.suffix}`, ...num.cell });
    rows.push({ ...b, measure: 'denominator', value: figureValue(f.denominator, false), unit: 'count', source: `${denominatorSource}${den.suffix}`, ...den.cell });
    rows.push({ ...b, measure: 'value', value: figureValue(f.value, true), unit: ind.unit, source: `${ours}${val.suffix}`, ...val.cell });
    const pub = f.result?.published;
    if (pub) rows.push({ ...b, measure: 'published', value: figureValue(f.published, true), unit: ind.unit, source: `${pub.source}${pub.note ? `; ${pub.note}` : ''}` });
    const benchmarks = f.result?.benchmarks ?? {};
    if (benchmarks.sn) rows.push({ ...b, measure: 'sn', value: figureValue(f.sn, true), unit: ind.unit, source: benchmarkSource(f.sn) });
    if (benchmarks.region) rows.push({ ...b, measure: 'region', value: figureValue(f.region, true), unit: ind.unit, source: benchmarkSource(f.region) });
    if (benchmarks.england) rows.push({ ...b, measure: 'england', value: figureValue(f.england, true), unit: ind.unit, source: benchmarkSource(f.england) });
    if (f.rank || f.rankSuppressed) {
      const rankSource = f.rank ? `DfE ${f.rank.year ?? ''} published LA values${f.rank.provisional ? ' (provisional: latest published year)' : ''}`.replace('DfE  ', 'DfE ') : null;
      rows.push({ ...b, measure: 'rank', value: f.rankSuppressed ? SUPPRESSED_MARK : f.rank!.position, unit: 'rank', source: rankSource });
      rows.push({ ...b, measure: 'rank_of', value: f.rankSuppressed ? SUPPRESSED_MARK : f.rank!.of, unit: 'count', source: rankSource });
      rows.push({ ...b, measure: 'quartile', value: f.rankSuppressed ? SUPPRESSED_MARK : f.rank!.quartile, unit: 'quartile', source: rankSource });
    }
    const against = f.result?.direction?.previous_period;
    rows.push({ ...b, measure: 'direction', value: f.direction, unit: 'direction', source: against ? `against ${against}` : 'no previous period' });
  }
  for (const p of ind.trend?.result.points ?? []) {
    const m = p.input;
    const b = base(m.period, m.period_start ?? `${m.period}-01`, m.period_end);
    const source = `${extract}, calendar month`;
    const sup = m.suppressed;
    const count = (v: number | null | undefined, withheld: boolean | undefined): CsvValue => (withheld ? SUPPRESSED_MARK : v ?? null);
    if (m.numerator !== undefined || sup?.numerator) rows.push({ ...b, measure: 'numerator', value: count(m.numerator, sup?.numerator), unit: 'count', source });
    if (m.denominator !== undefined || sup?.denominator) rows.push({ ...b, measure: 'denominator', value: count(m.denominator, sup?.denominator), unit: 'count', source });
    rows.push({ ...b, measure: 'value', value: sup?.value ? SUPPRESSED_MARK : p.value === null ? null : { oneDecimal: p.value }, unit: ind.unit, source: p.value === null && !sup?.value && m.gap_reason ? `${source}; ${m.gap_reason}` : source });
    const ph = ind.trend!.result.phases[p.phase - 1]!;
    const spcSource = `XmR (Making Data Count), phase ${p.phase} from ${ph.from}`;
    rows.push({ ...b, measure: 'spc_phase', value: p.phase, unit: 'count', source: spcSource });
    rows.push({ ...b, measure: 'spc_mean', value: ph.exact.mean, unit: ind.unit, source: spcSource });
    rows.push({ ...b, measure: 'spc_lower', value: ph.exact.lower, unit: ind.unit, source: spcSource });
    rows.push({ ...b, measure: 'spc_upper', value: ph.exact.upper, unit: ind.unit, source: spcSource });
    rows.push({ ...b, measure: 'spc_variation', value: p.value === null ? null : p.variation ?? 'common', unit: 'variation', source: p.rules.length > 0 ? `rules: ${p.rules.join('; ')}` : spcSource });
  }
  return rows;
}

export function renderCsv(input: ReportInput): string {
  const model = buildReportModel(input);
  const laCode = input.doc.la?.code ?? null;
  const lines = [CSV_COLUMNS.join(',')];
  for (const ind of model.indicators) {
    for (const row of indicatorRows(model, ind, laCode)) lines.push(csvRecord(CSV_COLUMNS.map((c) => row[c] ?? null)));
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
