/*
 * A realistic ReportInput for tests and for looking at the reports by eye:
 * Wigan (359, North West), four financial years 2013/14 to 2016/17, all 19
 * registered indicators, comparators and ranks where DfE publishes them, a few
 * gaps, and 48 calendar-month points per indicator. The counts behind 13
 * indicators are the board's published ones (indicators.md, "Acceptance
 * data"); the rest, and every monthly point, are made up but plausible, from a
 * seeded generator so the fixture never changes. Values are computed from the
 * counts with exact half-up rounding, as the metrics layer does.
 * `wiganRestatement()` adds figures restated since a made-up earlier
 * snapshot, one of each kind a report prints.
 */
import type { Area, Benchmark, IndicatorResult, IndicatorsDocument, Polarity, Rank, Unit } from '../metrics/types.ts';
import type { FigureMove, IndicatorDefinition, MonthlyPoint, MonthlySeries, ReportInput, Restatement } from '../reports/types.ts';
import { ratioToOneDecimal } from '../pipeline/decimal.ts';
import { directionOfTravel } from '../reports/direction.ts';
import { definitionOf } from '../reports/definitions.ts';
import { INDICATORS } from '../metrics/index.ts';

export const POPULATION = 67_800;
const YEARS = ['2013/14', '2014/15', '2015/16', '2016/17'] as const;

/** `scale * n / d` rounded half up to one decimal, exactly (null for d = 0): the pipeline's own rounding. */
export const ratio1dp = (n: number, d: number, scale: 100 | 10000): number | null => ratioToOneDecimal(n, d, scale);

type Four<T> = readonly [T, T, T, T];
/** What the fixture makes up; the title, area, polarity, unit and words come from the registry (metrics/), the one source. */
interface Spec {
  id: string;
  /** counts per year; for rates the denominator is the population */
  numerators: Four<number | null>;
  denominators?: Four<number>;
  /** sn / region / england per year, or none (local only) */
  bench?: { sn: Four<number | null>; region: Four<number | null>; england: Four<number | null>; source: string };
  ranks?: Four<[number, Rank['quartile']] | null>;
  notes?: Partial<Record<(typeof YEARS)[number], string[]>>;
}

const CIN = 'DfE Characteristics of children in need';
const CLA = 'DfE Children looked after in England';
const BOARD = 'Wigan Safeguarding Children Board Annual Report 2016-17';

const SPECS: Spec[] = [
  {
    id: 'referrals_per_10k',
    numerators: [3390, 3522, 3710, 3601],
    bench: { sn: [598.3, 612.0, 590.4, 590.4], region: [602.1, 598.8, 611.3, 611.3], england: [573.0, 548.3, 532.2, 532.2], source: CIN },
    ranks: [[40, 'B'], [55, 'B'], [71, 'B'], [64, 'B']],
  },
  {
    id: 'rereferrals_12m_pct',
    numerators: [null, 512, 580, 601], denominators: [3390, 3522, 3710, 3601],
    bench: { sn: [21.5, 20.8, 21.9, 21.9], region: [null, 21.7, 22.3, 22.3], england: [23.4, 24.0, 22.3, 22.3], source: CIN },
    ranks: [null, [12, 'A'], [25, 'A'], [30, 'A']],
    notes: { '2013/14': ['no value: the extract holds no referrals before 2013-04-01, so a re-referral cannot be recognised'] },
  },
  {
    id: 'cin_per_10k',
    numerators: [2035, 2110, 2240, 2190],
    bench: { sn: [388.2, 392.5, 401.7, 401.7], region: [371.0, 375.9, 380.2, 380.2], england: [346.4, 337.3, 337.7, 337.7], source: CIN },
    ranks: [[101, 'C'], [98, 'C'], [106, 'C'], [99, 'C']],
  },
  {
    id: 's47_per_10k',
    numerators: [609, 872, 1126, 1051],
    bench: { sn: [150.2, 166.9, 180.3, 180.3], region: [140.8, 152.1, 168.0, 168.0], england: [124.1, 138.2, 147.5, 147.5], source: CIN },
    ranks: [[20, 'A'], [48, 'B'], [81, 'C'], [70, 'B']],
  },
  {
    id: 's47_to_icpc_pct',
    numerators: [398, 516, 547, 468], denominators: [609, 872, 1126, 1051],
    bench: { sn: [51.9, 45.4, 44.4, 44.4], region: [44.7, 47.7, 47.3, 47.3], england: [null, 44.6, 42.4, 42.4], source: CIN },
    ranks: [[139, 'D'], [131, 'D'], [110, 'C'], [120, 'D']],
  },
  {
    id: 's47_proceeded_to_icpc_pct',
    numerators: [418, 522, 545, 486], denominators: [609, 872, 1126, 1051],
  },
  {
    id: 'icpc_per_10k',
    numerators: [398, 516, 547, 468],
    bench: { sn: [78.0, 75.7, 80.1, 80.1], region: [62.9, 72.6, 79.5, 79.5], england: [56.8, 61.6, 62.6, 62.6], source: BOARD },
    ranks: [[78, 'C'], [101, 'C'], [94, 'C'], [80, 'C']],
  },
  {
    id: 'icpc_within_15wd_pct',
    numerators: [376, 492, 501, 401], denominators: [398, 516, 547, 468],
    bench: { sn: [67.5, 82.5, 80.9, 80.9], region: [70.9, 74.1, 74.4, 74.4], england: [69.3, 74.8, 76.7, 76.7], source: BOARD },
    ranks: [[3, 'A'], [5, 'A'], [14, 'A'], [31, 'A']],
  },
  {
    id: 'cpp_per_10k',
    numerators: [213, 317, 271, 260],
    bench: { sn: [57.4, 55.8, 58.9, 58.9], region: [50.8, 49.9, 55.2, 55.2], england: [42.1, 42.9, 43.1, 43.1], source: BOARD },
    ranks: [[30, 'A'], [88, 'C'], [55, 'B'], [49, 'B']],
  },
  {
    id: 'cpp_repeat_pct',
    numerators: [41, 102, 115, 84], denominators: [380, 488, 505, 452],
    bench: { sn: [14.2, 16.1, 16.9, 16.9], region: [15.6, 17.8, 18.2, 18.2], england: [15.8, 16.6, 17.9, 17.9], source: BOARD },
    ranks: [[9, 'A'], [140, 'D'], [139, 'D'], [118, 'D']],
  },
  {
    id: 'cpp_repeat_2y_pct',
    numerators: [21, 62, 64, 43], denominators: [380, 488, 505, 452],
  },
  {
    id: 'cpp_ceased_3m_pct',
    numerators: [115, 105, 162, 119], denominators: [347, 384, 551, 463],
    bench: { sn: [17.8, 18.1, 17.7, 17.7], region: [22.6, 20.6, 19.7, 19.7], england: [20.3, 20.1, 20.0, 20.0], source: BOARD },
  },
  {
    id: 'cpp_2y_plus_pct',
    numerators: [6, 9, 5, 8], denominators: [213, 317, 271, 260],
    bench: { sn: [2.4, 2.1, 2.3, 2.3], region: [2.2, 2.0, 2.1, 2.1], england: [2.2, 2.1, 2.0, 2.0], source: CIN },
    ranks: [[110, 'C'], [95, 'C'], [60, 'B'], [105, 'C']],
  },
  {
    id: 'cpp_reviews_in_time_pct',
    numerators: [135, 200, 149, 134], denominators: [140, 203, 158, 146],
    bench: { sn: [94.2, 94.1, 84.9, 84.9], region: [96.1, 94.0, 94.5, 94.5], england: [94.6, 94.0, 93.7, 93.7], source: BOARD },
  },
  {
    id: 'cla_per_10k',
    numerators: [497, 504, 483, 446],
    bench: { sn: [81.9, 81.9, 83.4, 83.4], region: [81.0, 82.0, 82.0, 82.0], england: [60.0, 60.0, 60.0, 60.0], source: BOARD },
    ranks: [[95, 'C'], [97, 'C'], [90, 'C'], [80, 'C']],
  },
  {
    id: 'cla_reviews_in_time_pct',
    numerators: [429, 427, 421, 383], denominators: [453, 461, 444, 411],
  },
  {
    id: 'cla_review_iro_consulted_pct',
    numerators: [93, 533, 669, 700], denominators: [1457, 1469, 1315, 1255],
  },
  {
    id: 'cla_review_sw_attended_pct',
    numerators: [205, 1328, 1215, 1110], denominators: [1457, 1469, 1315, 1255],
  },
  {
    id: 'cla_review_care_plan_current_pct',
    numerators: [133, 1229, 1161, 1083], denominators: [1457, 1469, 1315, 1255],
  },
];

function fyDates(label: string): { start: string; end: string } {
  const y = Number(label.slice(0, 4));
  return { start: `${y}-04-01`, end: `${y + 1}-03-31` };
}

/** The registry's definition of one indicator (the fixture makes up only the figures). */
function registered(id: string): IndicatorDefinition {
  const ind = INDICATORS.find((i) => i.id === id);
  if (!ind) throw new Error(`the report fixture names ${id}, which is not a registered indicator`);
  return definitionOf(ind);
}

function results(): IndicatorResult[] {
  const out: IndicatorResult[] = [];
  for (const spec of SPECS) {
    const s = { ...spec, ...registered(spec.id) };
    YEARS.forEach((year, i) => {
      const numerator = s.numerators[i] ?? null;
      const denominator = s.unit === 'per_10k' ? POPULATION : s.denominators![i]!;
      const value = numerator === null ? null : ratio1dp(numerator, denominator, s.unit === 'percent' ? 100 : 10000);
      const benchmarks: IndicatorResult['benchmarks'] = {};
      if (s.bench) {
        const src = `${s.bench.source} ${2014 + i}`;
        const sn: Benchmark = { value: s.bench.sn[i] ?? null, source: src, n: 10, of: 10 };
        if (s.id === 'cpp_2y_plus_pct' && year === '2015/16') sn.n = 9;
        benchmarks.sn = sn;
        benchmarks.region = { value: s.bench.region[i] ?? null, source: src };
        benchmarks.england = { value: s.bench.england[i] ?? null, source: src };
        if (s.bench.source === BOARD && year === '2016/17') {
          benchmarks.england.note = 'as published by the board: 2016/17 national figures were not yet available';
        }
      }
      const r = s.ranks?.[i] ?? null;
      const rank: Rank | null = r ? { position: r[0], of: 152, quartile: r[1], provisional: year === '2016/17', year: year === '2016/17' ? 2016 : 2014 + i } : null;
      out.push({
        indicator: s.id,
        title: s.title,
        area: s.area,
        period: year,
        period_start: fyDates(year).start,
        period_end: fyDates(year).end,
        numerator,
        denominator,
        value,
        unit: s.unit,
        polarity: s.polarity,
        benchmarks,
        rank,
        // as the indicators service sets it: against the year before, none before 2013/14 (the data starts then)
        direction:
          i === 0
            ? { previous_period: null, previous_value: null, value: 'not_rated' }
            : { previous_period: YEARS[i - 1]!, previous_value: out.at(-1)!.value, value: directionOfTravel(out.at(-1)!.value, value, s.polarity) },
        notes: s.notes?.[year] ?? [],
      });
    });
  }
  return out;
}

/** mulberry32: a tiny seeded generator, so the fixture is the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Measured at the month's end (a count of children on a plan or in care), not events in the month. */
const STOCKS = new Set(['cpp_per_10k', 'cla_per_10k']);

/**
 * 48 calendar months, 2013-04 .. 2017-03: each month's counts are its
 * financial year's / 12 (a stock's are the year's), with noise; re-referrals
 * have no value for their first 12 months (a gap, with its reason).
 */
function monthly(): MonthlySeries[] {
  const rand = seeded(359);
  return SPECS.map((spec) => {
    const s = { ...spec, ...registered(spec.id) };
    const points: MonthlyPoint[] = [];
    for (let k = 0; k < 48; k++) {
      const year = 2013 + Math.floor((k + 3) / 12);
      const month = ((k + 3) % 12) + 1;
      const fy = Math.floor(k / 12);
      const share = STOCKS.has(s.id) ? 1 : 1 / 12;
      const noise = 1 + (rand() - 0.5) * (STOCKS.has(s.id) ? 0.04 : 0.3);
      const label = `${year}-${String(month).padStart(2, '0')}`;
      const n0 = s.numerators[fy] ?? null;
      let numerator: number | null = n0 === null || (s.id === 'rereferrals_12m_pct' && k < 12) ? null : Math.round(n0 * share * noise);
      let denominator: number | null;
      if (s.unit === 'per_10k') {
        denominator = POPULATION;
      } else {
        // a percentage: the month's denominator, and its year's proportion of it with a little noise
        denominator = Math.max(1, Math.round(s.denominators![fy]! * share * noise));
        if (numerator !== null) numerator = Math.min(denominator, Math.round((denominator * n0!) / s.denominators![fy]! * (1 + (rand() - 0.5) * 0.08)));
      }
      if (numerator === null) {
        points.push({ period: label, period_start: `${label}-01`, period_end: lastDay(year, month), value: null, numerator: null, denominator: null, gap_reason: 'no data: the look-back reaches before the extract starts' });
        continue;
      }
      const value = ratio1dp(numerator, denominator, s.unit === 'percent' ? 100 : 10000);
      points.push({ period: label, period_start: `${label}-01`, period_end: lastDay(year, month), value, numerator, denominator, gap_reason: null });
    }
    return { indicator: s.id, points };
  });
}

export function wiganDefinitions(): IndicatorDefinition[] {
  return SPECS.map((s) => registered(s.id));
}

export function wiganDocument(): IndicatorsDocument {
  return {
    la: { code: '359', ons_code: 'E08000010', name: 'Wigan', region: 'North West' },
    snapshot: { id: 'snap-2017-04-10-a1', extracted_at: '2017-04-10' },
    results: results(),
  };
}

/** The whole fixture; a fresh copy on every call, so a test may change it. */
export function wiganReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    doc: wiganDocument(),
    definitions: wiganDefinitions(),
    monthly: monthly(),
    generatedAt: '2017-05-02T09:30:00Z',
    ...overrides,
  };
}

/** One move from the counts of the earlier snapshot to the fixture's own; values and the difference as app/restatements.ts makes them. */
function moveTo(indicator: string, period: string, from: [number | null, number]): FigureMove {
  const now = wiganDocument().results.find((r) => r.indicator === indicator && r.period === period)!;
  const fromValue = from[0] === null ? null : ratio1dp(from[0], from[1], now.unit === 'percent' ? 100 : 10000);
  return {
    indicator,
    period,
    from: { numerator: from[0], denominator: from[1], value: fromValue },
    to: { numerator: now.numerator, denominator: now.denominator, value: now.value },
    difference: fromValue === null || now.value === null ? null : (Math.round(now.value * 10) - Math.round(fromValue * 10)) / 10,
  };
}

/**
 * Figures restated since an earlier snapshot (taken 2017-03-10), one of each
 * kind the reports print:
 *   rereferrals_12m_pct 2013/14   480 / 3,390 / 14.2 -> no value now
 *   rereferrals_12m_pct 2014/15   no value -> 512 / 3,522 / 14.5
 *   icpc_within_15wd_pct 2016/17  390 / 462 / 84.4 -> 401 / 468 / 85.7, +1.3
 *   cpp_2y_plus_pct 2015/16       7 / 270 / 2.6 -> 5 / 271 / 1.8, -0.8 (5 is withheld under --suppress: the move with it)
 *   cpp_2y_plus_pct 2016/17       4 / 259 / 1.5 -> 8 / 260 / 3.1, +1.6 (4 is withheld under --suppress: the move with it)
 *   cpp_reviews_in_time_pct 2014/15  199 / 202 / 98.5 -> 200 / 203 / 98.5: the counts only (3 late both times: withheld under --suppress)
 */
export function wiganRestatement(): Restatement {
  return {
    from: { id: 'snap-2017-03-10-b7', extracted_at: '2017-03-10' },
    to: { id: 'snap-2017-04-10-a1', extracted_at: '2017-04-10' },
    moves: [
      moveTo('rereferrals_12m_pct', '2013/14', [480, 3390]),
      moveTo('rereferrals_12m_pct', '2014/15', [null, 3522]),
      moveTo('icpc_within_15wd_pct', '2016/17', [390, 462]),
      moveTo('cpp_2y_plus_pct', '2015/16', [7, 270]),
      moveTo('cpp_2y_plus_pct', '2016/17', [4, 259]),
      moveTo('cpp_reviews_in_time_pct', '2014/15', [199, 202]),
    ],
    notes: ['not compared: 2017/18, part-year in one snapshot or both (ending after its extract date); a part-year grows with each extract, so its change is new data, not a restatement'],
  };
}
