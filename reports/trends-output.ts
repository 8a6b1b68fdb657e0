/*
 * What `safeguard trends` prints (trends.md, "`safeguard trends --format
 * json`"): every monthly point of every indicator with its value, counts,
 * phase, the phase's mean and limits, the rules it breaks and its variation,
 * so the SPC chart can be checked by hand or rebuilt in R or Power BI; as
 * JSON, as a flat CSV (one row per indicator x month), or as a table for
 * people (one row per indicator, the at-a-glance view). Pure: the analysis
 * comes from reports/trend.ts, the same call the HTML report's model makes.
 *
 * A month with no value has `value: null`, its `gap_reason`, no rules and
 * `variation: null` (trends.md lists common, improvement, concern and neither
 * for a point; a gap is none of them, and calling it "common" would be a
 * judgement of a figure that does not exist). Means and limits are the
 * phase's exact figures rounded half up to four decimals.
 */
import type { LaInfo } from '../metrics/types.ts';
import { formatValue } from './format.ts';
import { csvRecord } from './safe-cell.ts';
import { analyseTrend } from './trend.ts';
import { textTable } from './terminal.ts';
import type { IndicatorDefinition, MonthlySeries, TrendSettings } from './types.ts';

export interface TrendsInput {
  snapshot: { id: string; extracted_at: string };
  la: LaInfo | null;
  definitions: IndicatorDefinition[];
  monthly: MonthlySeries[];
  settings: TrendSettings;
}

export interface TrendsJsonPoint {
  month: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  phase: number;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  rules: string[];
  variation: 'common' | 'improvement' | 'concern' | 'neither' | null;
  gap_reason: string | null;
  partial: boolean;
}

export interface TrendsJsonSeries {
  indicator: string;
  title: string;
  polarity: IndicatorDefinition['polarity'];
  unit: IndicatorDefinition['unit'];
  phases: { phase: number; from: string; to: string; points_with_value: number; baseline_points: number; mean: number | null; lower: number | null; upper: number | null }[];
  points: TrendsJsonPoint[];
  latest_month: string | null;
  variation_icon: string | null;
  target: number | null;
  assurance_icon: string | null;
  special_cause_months: number;
}

export interface TrendsDocument {
  la: LaInfo | null;
  snapshot: { id: string; extracted_at: string };
  rebase: string[];
  annotations: TrendSettings['annotations'];
  series: TrendsJsonSeries[];
}

export function trendsDocument(input: TrendsInput): TrendsDocument {
  const byId = new Map(input.monthly.map((s) => [s.indicator, s.points]));
  const series = input.definitions
    .filter((d) => byId.has(d.id))
    .map((d): TrendsJsonSeries => {
      const trend = analyseTrend(byId.get(d.id)!, d, input.settings);
      const r = trend.result;
      return {
        indicator: d.id,
        title: d.title,
        polarity: d.polarity,
        unit: d.unit,
        phases: r.phases.map((ph) => ({
          phase: ph.number,
          from: r.points[ph.first]!.period,
          to: r.points[ph.last]!.period,
          points_with_value: ph.n,
          baseline_points: ph.baselineN,
          ...ph.exact,
        })),
        points: r.points.map((p) => {
          const ph = r.phases[p.phase - 1]!;
          return {
            month: p.period,
            numerator: p.input.numerator ?? null,
            denominator: p.input.denominator ?? null,
            value: p.value,
            phase: p.phase,
            mean: ph.exact.mean,
            lower: ph.exact.lower,
            upper: ph.exact.upper,
            rules: p.rules,
            variation: p.value === null ? null : (p.variation ?? 'common'),
            gap_reason: p.value === null ? (p.input.gap_reason ?? 'no value') : null,
            // every month is complete: the series ends at the last complete month before the extract date
            partial: false,
          };
        }),
        latest_month: r.latest?.period ?? null,
        variation_icon: trend.variationIcon,
        target: trend.target,
        assurance_icon: trend.assuranceIcon,
        special_cause_months: r.points.filter((p) => p.variation !== null).length,
      };
    });
  return { la: input.la, snapshot: input.snapshot, rebase: input.settings.rebase, annotations: input.settings.annotations, series };
}

export function trendsJson(input: TrendsInput): string {
  return JSON.stringify(trendsDocument(input), null, 2);
}

export const TRENDS_CSV_COLUMNS = ['indicator', 'month', 'numerator', 'denominator', 'value', 'unit', 'polarity', 'phase', 'mean', 'lower', 'upper', 'rules', 'variation', 'gap_reason'] as const;

/** One row per indicator x month; rules joined with `;`; empty cells for nulls. */
export function trendsCsv(input: TrendsInput): string {
  const lines = [TRENDS_CSV_COLUMNS.join(',')];
  for (const s of trendsDocument(input).series) {
    for (const p of s.points) {
      lines.push(csvRecord([s.indicator, p.month, p.numerator, p.denominator, p.value === null ? null : { oneDecimal: p.value }, s.unit, s.polarity, p.phase, p.mean, p.lower, p.upper, p.rules.join(';'), p.variation, p.gap_reason]));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A four-decimal figure rounded half up to one decimal, on its decimal digits (no binary rounding). */
function oneDecimal(x: number): string {
  const [int, frac = ''] = Math.abs(x).toFixed(4).split('.');
  let tenths = BigInt(int!) * 10n + BigInt(frac[0] ?? '0');
  if (frac.slice(1) >= '500') tenths += 1n;
  return formatValue(Number(x < 0 ? -tenths : tenths) / 10);
}

const ICON_WORDS: Record<string, string> = {
  common: 'common cause',
  improving_high: 'improving (high)',
  improving_low: 'improving (low)',
  concerning_high: 'concerning (high)',
  concerning_low: 'concerning (low)',
  higher: 'higher',
  lower: 'lower',
  insufficient: 'too few points',
  pass: 'passing',
  fail: 'failing',
  hit_and_miss: 'hit and miss',
};

/** For people: one row per indicator, its latest month judged against its own phase. */
export function trendsTable(input: TrendsInput): string {
  const doc = trendsDocument(input);
  const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : oneDecimal(x));
  const rows = doc.series.map((s) => {
    const latest = s.points.find((p) => p.month === s.latest_month);
    const ph = latest ? s.phases[latest.phase - 1] : undefined;
    return [
      s.indicator,
      s.latest_month ?? '—',
      v(latest?.value),
      latest ? String(latest.phase) : '—',
      v(ph?.mean),
      ph && ph.lower !== null ? `${v(ph.lower)} to ${v(ph.upper)}` : '—',
      `${s.special_cause_months} of ${s.points.filter((p) => p.value !== null).length}`,
      s.variation_icon ? ICON_WORDS[s.variation_icon]! : '—',
      s.assurance_icon ? ICON_WORDS[s.assurance_icon]! : s.target === null ? '' : '—',
    ];
  });
  const first = doc.series[0]?.points[0]?.month;
  const last = doc.series[0]?.points.at(-1)?.month;
  const head = first && last ? `Monthly SPC, ${first} to ${last} (snapshot ${doc.snapshot.id}, taken ${doc.snapshot.extracted_at})` : `No monthly series (snapshot ${doc.snapshot.id})`;
  return `${head}\n${textTable(['indicator', 'latest', 'value', 'phase', 'mean', 'limits', 'special cause', 'variation', 'assurance'], rows)}`;
}
