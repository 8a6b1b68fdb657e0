/*
 * SPC (XmR, Making Data Count rules) on hand-made series. Each rule has a
 * series that triggers it and one that must not; the arithmetic is worked in
 * the comments so a reader can check the expectations without the code.
 */
import { describe, expect, it } from 'vitest';
import { shiftMonth } from '../pipeline/periods.ts';
import { assuranceIcon, spc, variationIcon, type SpcInputPoint } from './spc.ts';

const series = (values: (number | null)[]): SpcInputPoint[] => values.map((value, i) => ({ period: `p${String(i).padStart(2, '0')}`, value }));
const flagged = (r: ReturnType<typeof spc>, rule: 'outside_limits' | 'run' | 'trend' | 'two_of_three') =>
  r.points.flatMap((p, i) => (p.special[rule] ? [i] : []));
const anyFlag = (r: ReturnType<typeof spc>) => r.points.flatMap((p, i) => (p.rules.length > 0 ? [i] : []));
const alternate = (a: number, b: number, pairs: number) => Array.from({ length: pairs }, () => [a, b]).flat();

describe('XmR limits and the baseline', () => {
  it('computes mean, mean moving range and limits exactly', () => {
    // 10, 12, 11, 13, 12, 10, 12, 11, 13, 12, 10, 12 (12 points: the minimum for limits)
    // sum 138 -> mean 11.5; moving ranges 2,1,2,1,2,2,1,2,1,2,2 = 18 over 11 -> mrBar 1.6364
    // limits 11.5 +/- 2.66 x 18 / 11 = 11.5 +/- 4.352727 -> 15.852727 and 7.147273
    const r = spc(series([10, 12, 11, 13, 12, 10, 12, 11, 13, 12, 10, 12]), 'high');
    const [phase] = r.phases;
    expect(r.phases).toHaveLength(1);
    expect(phase!.mean).toBeCloseTo(11.5, 10);
    expect(phase!.mrBar).toBeCloseTo(18 / 11, 10);
    expect(phase!.upper).toBeCloseTo(15.852727, 5);
    expect(phase!.lower).toBeCloseTo(7.147273, 5);
    expect(phase!.display).toEqual({ mean: '11.5', mrBar: '1.6', upper: '15.9', lower: '7.1' });
    expect(phase!.exact).toEqual({ mean: 11.5, upper: 15.8527, lower: 7.1473 });
    expect(r.warnings).toEqual([]);
  });

  it('gives a phase with fewer than 12 points a mean but no limits, no rules and the insufficient icon', () => {
    // 11 points: 10, 12 five times, then 30: mean (50 + 60 + 30) / 11 = 12.727
    // with limits, 30 would be far outside; without them nothing is judged
    const values = [...alternate(10, 12, 5), 30];
    const r = spc(series(values), 'high');
    expect(r.phases[0]!.sufficient).toBe(false);
    expect(r.phases[0]!.display.mean).toBe('12.7');
    expect([r.phases[0]!.upper, r.phases[0]!.lower]).toEqual([null, null]);
    expect(anyFlag(r)).toEqual([]);
    expect(r.latest?.icon).toBe('insufficient');
    expect(r.warnings[0]).toMatch(/has 11 points with a value: .* at least 12/);
  });

  it('breaks the moving range at a gap, and counts only points with a value toward the 12', () => {
    // 10, 12, (gap), 10, 12, ... : 13 months, 12 with a value: enough for limits
    // mean 6 x 22 / 12 = 11; moving ranges: 10 to 12, then none either side of the gap, then 9 pairs: 10 of 2 -> mrBar 2
    // limits 11 +/- 5.32 -> 16.32 and 5.68
    const r = spc(series([10, 12, null, ...alternate(10, 12, 5)]), 'none');
    const [phase] = r.phases;
    expect(r.n).toBe(12);
    expect(phase!.sufficient).toBe(true);
    expect(phase!.mean).toBe(11);
    expect(phase!.mrBar).toBe(2);
    expect(phase!.exact).toEqual({ mean: 11, upper: 16.32, lower: 5.68 });
    expect(r.points[2]!.movingRange).toBeNull();
    expect(r.points[3]!.movingRange).toBeNull();
    expect(r.points[4]!.movingRange).toBe(2);
    // 11 values and a gap: too few
    expect(spc(series([10, 12, null, ...alternate(10, 12, 4), 10]), 'none').phases[0]!.sufficient).toBe(false);
  });

  it('takes the mean and limits from the first 20 points with a value, so later points do not move them', () => {
    // 20 points alternating 10, 11: mean 10.5, mrBar 1, limits 10.5 +/- 2.66 -> 13.16 and 7.84;
    // then 5 points of 30: with all 25 in the baseline the mean would be 14.4 and the 30s harder to see
    const r = spc(series([...alternate(10, 11, 10), 30, 30, 30, 30, 30]), 'low');
    expect(r.phases[0]!.baselineN).toBe(20);
    expect(r.phases[0]!.exact).toEqual({ mean: 10.5, upper: 13.16, lower: 7.84 });
    expect(flagged(r, 'outside_limits')).toEqual([20, 21, 22, 23, 24]);
    expect(r.points[24]!.variation).toBe('concern');
    // a gap among the first 20 months: the baseline reaches one month further
    const gapped = spc(series([null, ...alternate(10, 11, 10), 30]), 'low');
    expect(gapped.phases[0]!.baselineN).toBe(20);
    expect(gapped.phases[0]!.exact.mean).toBe(10.5);
  });

  it('clips the limits to what the measure can take', () => {
    // 95, 100 alternating (12 points): mean 97.5, mrBar 5 -> upper 97.5 + 13.3 = 110.8, lower 84.2
    const pct = spc(series(alternate(95, 100, 6)), 'high', { unit: 'percent' });
    expect(pct.phases[0]!.exact).toEqual({ mean: 97.5, upper: 100, lower: 84.2 });
    expect(spc(series(alternate(95, 100, 6)), 'high').phases[0]!.exact.upper).toBe(110.8);
    // 0, 3 alternating: mean 1.5, mrBar 3 -> lower 1.5 - 7.98 = -6.48, clipped to 0 (a rate cannot be negative)
    const rate = spc(series(alternate(0, 3, 6)), 'low', { unit: 'per_10k' });
    expect(rate.phases[0]!.exact).toEqual({ mean: 1.5, upper: 9.48, lower: 0 });
    expect(anyFlag(rate)).toEqual([]); // the zeros sit on the clipped limit: inside
  });

  it('rejects values not rounded to one decimal place', () => {
    expect(() => spc(series([1.25, 2]), 'high')).toThrow(/one decimal place/);
  });

  it('has no latest with no points, and no limits with one', () => {
    const one = spc(series([5]), 'high');
    expect(one.phases[0]!.mean).toBe(5);
    expect(one.phases[0]!.upper).toBeNull();
    expect(one.latest?.icon).toBe('insufficient');
    expect(spc([], 'high').latest).toBeNull();
    expect(spc([], 'high').phases).toEqual([]);
  });
});

describe('phases (rebase)', () => {
  const months = (values: (number | null)[], from = '2016-01') => values.map((value, i) => ({ period: shiftMonth(from, i), value }));
  // 12 months alternating 10, 11, then 12 alternating 20, 21: a step change in January 2017
  const step = [...alternate(10, 11, 6), ...alternate(20, 21, 6)];

  it('without a rebase, the step is special cause against one mean', () => {
    // baseline: the first 20 points = 12 of 10/11 (sum 126) and 8 of 20/21 (sum 164): mean 290 / 20 = 14.5
    // moving ranges: 11 of 1, 9 (11 to 20), 7 of 1 = 27 / 19 = 1.421 -> limits 14.5 +/- 3.78 = 10.72 to 18.28:
    // every 20 and 21 is outside, and so is every 10
    const r = spc(months(step), 'high');
    expect(r.phases).toHaveLength(1);
    expect(flagged(r, 'outside_limits')).toEqual([0, 2, 4, 6, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('with a rebase, each phase has its own mean and limits from its own points, and nothing is special', () => {
    // phase 1: mean 10.5, mrBar 1 -> 7.84 to 13.16; phase 2: mean 20.5, mrBar 1 -> 17.84 to 23.16
    // (the 11 -> 20 jump is not a moving range of either phase)
    const r = spc(months(step), 'high', { rebase: ['2017-01'] });
    expect(r.phases.map((p) => [p.number, p.from, p.first, p.last, p.n])).toEqual([[1, '2016-01', 0, 11, 12], [2, '2017-01', 12, 23, 12]]);
    expect(r.phases.map((p) => p.exact)).toEqual([{ mean: 10.5, upper: 13.16, lower: 7.84 }, { mean: 20.5, upper: 23.16, lower: 17.84 }]);
    expect(r.points[11]!.phase).toBe(1);
    expect(r.points[12]!.phase).toBe(2);
    expect(r.points[12]!.movingRange).toBeNull();
    expect(anyFlag(r)).toEqual([]);
    expect(r.latest?.icon).toBe('common');
  });

  it('ignores rebase months at or before the first point or after the last', () => {
    const r = spc(months(step), 'high', { rebase: ['2015-06', '2016-01', '2019-01'] });
    expect(r.phases).toHaveLength(1);
  });

  it('never lets a run span a phase boundary', () => {
    // phase 1: 9, 11, 9, 11, 9, 9, then six 11s: mean 124 / 12 = 10.333; the last six points are above it (a run of 6)
    //   moving ranges 2, 2, 2, 2, 0, 2, then 5 of 0 = 10 / 11 = 0.909 -> 2/3 lines 8.72 and 11.95: 9 and 11 are inside
    // phase 2: 21, 20 alternating, mean 20.5: its first point is above its own mean.
    // Joined, that would be 7 points above "the mean" in a row; across a boundary it is no run.
    const values = [9, 11, 9, 11, 9, 9, 11, 11, 11, 11, 11, 11, ...alternate(21, 20, 6)];
    const r = spc(months(values), 'high', { rebase: ['2017-01'] });
    expect(r.phases[0]!.display.mean).toBe('10.3');
    expect(r.points[11]!.rules).toEqual([]);
    expect(anyFlag(r)).toEqual([]);
    // a seventh 11 inside phase 1 (phase 2 one month later) is a run: mean 135 / 13 = 10.385, mrBar 10 / 12, 2/3 lines 8.91 and 11.86
    const longer = spc(months([9, 11, 9, 11, 9, 9, 11, 11, 11, 11, 11, 11, 11, ...alternate(21, 20, 6)]), 'high', { rebase: ['2017-02'] });
    expect(flagged(longer, 'run')).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('never lets a trend or a 2-of-3 span a phase boundary', () => {
    // phase 1 ends 10.1, 10.2, 10.3 ... rising; phase 2 starts rising from its own low: 7 rises in a row across the boundary
    const p1 = [...alternate(10, 10.2, 3), 10.1, 10.2, 10.3, 10.4, 10.5, 10.6];
    const p2 = [19.7, 19.8, 19.9, ...alternate(20.4, 20.1, 5)];
    const r = spc(months([...p1, ...p2]), 'none', { rebase: ['2017-01'] });
    expect(flagged(r, 'trend')).toEqual([]);
    const joined = spc(months([...p1, 10.7, ...p2.slice(1)]), 'none', { rebase: ['2017-02'] });
    // 10.1 .. 10.7 (points 6 to 12) is 7 points rising inside phase 1; 10.2 -> 10.1 before it is a fall
    expect(flagged(joined, 'trend')).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('gives a short last phase a mean only, and the latest point the insufficient icon', () => {
    const r = spc(months([...alternate(10, 11, 6), 20, 40, 20, 40, 20]), 'low', { rebase: ['2017-01'] });
    expect(r.phases[1]!.sufficient).toBe(false);
    expect(r.phases[1]!.display.mean).toBe('28.0');
    expect(r.latest?.icon).toBe('insufficient');
    expect(r.latest?.words).toBe('Too few points to judge');
    expect(r.warnings).toHaveLength(1);
  });
});

describe('rule 1: a point outside the process limits', () => {
  // 20 points alternating 10, 11, except point 10 which is 20.
  // sum = 9 x 10 + 10 x 11 + 20 = 220 -> mean 11.0 (the 11s sit on the mean, so no runs)
  // moving ranges: 17 of 1, and 9 either side of the spike -> 35 / 19 = 1.842
  // upper = 11 + 2.66 x 1.842 = 15.90; 20 is outside. Lower = 6.10.
  const values = alternate(10, 11, 10);
  values[10] = 20;

  it('flags the point, and only that point', () => {
    const r = spc(series(values), 'high');
    expect(r.phases[0]!.mean).toBe(11);
    expect(r.phases[0]!.display.upper).toBe('15.9');
    expect(flagged(r, 'outside_limits')).toEqual([10]);
    expect(anyFlag(r)).toEqual([10]);
    expect(r.points[10]!.side).toBe('high');
    expect(r.points[10]!.variation).toBe('improvement');
    expect(spc(series(values), 'low').points[10]!.variation).toBe('concern');
    expect(spc(series(values), 'none').points[10]!.variation).toBe('neither');
  });

  it('does not flag a high point inside the limits', () => {
    // the spike at 13: sum 213 -> mean 10.65; moving ranges 17 + 2 + 2 = 21 / 19 = 1.105
    // upper = 10.65 + 2.66 x 1.105 = 13.59 > 13. (13 is beyond the 2/3 line, 12.61, but alone.)
    const inside = [...values];
    inside[10] = 13;
    const r = spc(series(inside), 'high');
    expect(r.phases[0]!.display.upper).toBe('13.6');
    expect(anyFlag(r)).toEqual([]);
  });

  it('treats a point exactly on a limit as inside (exact arithmetic, no float slop)', () => {
    // 0, c, 0, c, 0, X, 0, c, 0, c, 0, c with c = 142.9 and X = 855.7 (12 points)
    // sum 5c + X = 1570.2 -> mean 130.85; moving ranges 9c + 2X = 2997.5 over 11 -> mrBar 272.5
    // upper = 130.85 + 2.66 x 272.5 = 130.85 + 724.85 = 855.7 exactly: X is on the limit, not outside
    // (X was found from X = (5c + X) / 12 + 2.66 (9c + 2X) / 11, i.e. X / c = 342.28 / 57.16 = 8557 / 1429)
    const onLimit = (x: number) => [0, 142.9, 0, 142.9, 0, x, 0, 142.9, 0, 142.9, 0, 142.9];
    const r = spc(series(onLimit(855.7)), 'high');
    expect(r.phases[0]!.exact.upper).toBe(855.7);
    expect(r.points[5]!.special.outside_limits).toBe(false);
    expect(anyFlag(r)).toEqual([]);
    // a tenth more moves the limit only 0.1 x (1/12 + 2 x 2.66 / 11) = 0.057: now outside
    expect(spc(series(onLimit(855.8)), 'high').points[5]!.special.outside_limits).toBe(true);
    // and with every value equal, mrBar is 0 and the limits sit on the mean: nothing is special
    const flat = spc(series(new Array<number>(12).fill(4)), 'high');
    expect([flat.phases[0]!.upper, flat.phases[0]!.lower]).toEqual([4, 4]);
    expect(anyFlag(flat)).toEqual([]);
  });
});

describe('rule 2: a run of 7 on one side of the mean', () => {
  // 14 points alternating 10, 9, then 11, 10.5, 11, 10.5, 11, 10.5, 11 (21 points).
  // baseline, the first 20: sum = 133 + 64.5 = 197.5 -> mean 9.875: the 10s are above and the 9s below, so the run starts at point 14.
  // moving ranges of the baseline: 13 of 1, 2 (9 -> 11), 5 of 0.5 = 17.5 / 19 = 0.921 -> upper 9.875 + 2.45 = 12.33,
  // 2/3 line 11.51: nothing outside or near a limit, and no trend.
  const run = [...alternate(10, 9, 7), 11, 10.5, 11, 10.5, 11, 10.5, 11];

  it('flags all 7 points of the run', () => {
    const r = spc(series(run), 'low');
    expect(flagged(r, 'run')).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(anyFlag(r)).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(r.latest?.words).toBe('Special cause — concerning high');
  });

  it('does not flag 6 points above the mean', () => {
    // drop the last point: the same baseline, mean 9.875, and a run of 6 (points 14 to 19)
    const r = spc(series(run.slice(0, -1)), 'low');
    expect(anyFlag(r)).toEqual([]);
    expect(r.latest?.words).toBe('Common cause variation');
  });

  it('is broken by a point exactly on the mean', () => {
    // 12 points alternating 8.5, 10.5 (sum 114), then 11, 11, 11, 10, 11, 11, 11 (sum 76):
    // 19 points, sum 190: mean exactly 10.0, so the 10 sits on it.
    // runs above the mean: 10.5, 11, 11, 11 (4) and 11, 11, 11 (3): no run.
    // moving ranges: 11 of 2, 0.5, 0, 0, 1, 1, 0, 0 = 24.5 / 18 = 1.361 -> 2/3 line 12.41, limits 6.38 to 13.62: nothing near a limit.
    const onMean = [...alternate(8.5, 10.5, 6), 11, 11, 11, 10, 11, 11, 11];
    const r = spc(series(onMean), 'high');
    expect(r.phases[0]!.mean).toBe(10);
    expect(r.phases[0]!.display.mean).toBe('10.0');
    expect(anyFlag(r)).toEqual([]);
    // move that point above the mean (now 191 / 19 = 10.05) and the run is 8 long: the 10.5 before it joins
    const above = [...onMean];
    above[15] = 11;
    expect(flagged(spc(series(above), 'high'), 'run')).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('is broken by a gap', () => {
    // the gap at 17 leaves 20 values (mean 198 / 20 = 9.9): 3 above, the gap, 3 above
    const gapped: (number | null)[] = [...run];
    gapped[17] = null;
    expect(flagged(spc(series(gapped), 'low'), 'run')).toEqual([]);
  });
});

describe('rule 3: a trend of 7 points (6 consecutive rises or falls)', () => {
  // 10 points alternating 10, 11, then 9.7, 10.0, 10.3, 10.6, 10.9, 11.2, 11.5.
  // sum = 105 + 74.2 = 179.2 -> mean 10.54; only 10.6 .. 11.5 (4 points) are above it: no shift.
  // moving ranges: 9 of 1, 1.3, 6 of 0.3 = 12.1 / 16 = 0.756 -> 2/3 lines 9.20 and 11.88: nothing near a limit.
  const base = alternate(10, 11, 5);
  const rising = [9.7, 10.0, 10.3, 10.6, 10.9, 11.2, 11.5];

  it('flags all 7 points of a rising trend', () => {
    const r = spc(series([...base, ...rising]), 'low');
    expect(flagged(r, 'trend')).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(anyFlag(r)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    // the side of a trend is its direction, even for the points below the mean
    expect(r.points[10]!.side).toBe('high');
    expect(r.points[10]!.variation).toBe('concern');
    expect(r.latest?.words).toBe('Special cause — concerning high');
  });

  it('flags a falling trend as low', () => {
    // 11.5, 11.2, ..., 9.7 after the base: same mean 10.54; moving ranges 9 + 0.5 + 1.8 = 11.3 / 16 = 0.706,
    // 2/3 lines 9.29 and 11.79: nothing near a limit; above the mean only 11, 11.5, 11.2, 10.9, 10.6 (5)
    const r = spc(series([...base, ...[...rising].reverse()]), 'low');
    expect(flagged(r, 'trend')).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(r.points[16]!.side).toBe('low');
    expect(r.points[16]!.variation).toBe('improvement');
  });

  it('does not flag 6 rising points (5 rises)', () => {
    expect(anyFlag(spc(series([...base, ...rising.slice(0, 6)]), 'low'))).toEqual([]);
  });

  it('is broken by an equal value', () => {
    const flat = [9.7, 10.0, 10.3, 10.3, 10.6, 10.9, 11.2];
    expect(flagged(spc(series([...base, ...flat]), 'low'), 'trend')).toEqual([]);
  });
});

describe('rule 4: 2 of 3 points beyond 2/3 of the way to a limit, same side', () => {
  // 16 points alternating 10, 11, then 13.2, 10.5, 13.2.
  // sum = 168 + 36.9 = 204.9 -> mean 10.784; moving ranges 15 + 2.2 + 2.7 + 2.7 = 22.6 / 18 = 1.256
  // upper = 10.784 + 3.340 = 14.12 (13.2 is inside); 2/3 line = 10.784 + 2.226 = 13.01 (13.2 is beyond).
  // 10.5 is below the mean, so there is no run; no trend.
  const base = alternate(10, 11, 8);

  it('flags the two points beyond the 2/3 line', () => {
    const r = spc(series([...base, 13.2, 10.5, 13.2]), 'high');
    expect(r.phases[0]!.display.upper).toBe('14.1');
    expect(flagged(r, 'outside_limits')).toEqual([]);
    expect(flagged(r, 'two_of_three')).toEqual([16, 18]);
    expect(anyFlag(r)).toEqual([16, 18]);
    expect(r.points[18]!.variation).toBe('improvement');
    expect(r.latest?.words).toBe('Special cause — improving high');
  });

  it('does not flag two such points that are not within 3', () => {
    // 13.2, 10.5, 10.0, 13.2: mean 214.9 / 20 = 10.745; mrBar 23.6 / 19 = 1.242;
    // 2/3 line 10.745 + 2.203 = 12.95 and upper 14.05: both 13.2s beyond the line, but 3 points apart
    const r = spc(series([...base, 13.2, 10.5, 10.0, 13.2]), 'high');
    expect(flagged(r, 'two_of_three')).toEqual([]);
    expect(anyFlag(r)).toEqual([]);
  });

  it('does not flag two points on opposite sides', () => {
    // 13.2 and then 8.0: one beyond each 2/3 line, so neither pair is on the same side
    const r = spc(series([...base, 13.2, 8.0, 10.5]), 'high');
    expect(flagged(r, 'two_of_three')).toEqual([]);
  });
});

describe('latest point in words', () => {
  it('names each kind of variation', () => {
    const values = alternate(10, 11, 10);
    values[19] = 20; // the latest point is outside the upper limit
    expect(spc(series(values), 'high').latest?.words).toBe('Special cause — improving high');
    expect(spc(series(values), 'low').latest?.words).toBe('Special cause — concerning high');
    expect(spc(series(values), 'none').latest?.words).toBe('Special cause — higher, neither improving nor concerning');
    values[19] = 2;
    expect(spc(series(values), 'high').latest?.words).toBe('Special cause — concerning low');
    expect(spc(series(values), 'low').latest?.words).toBe('Special cause — improving low');
    // a trailing gap has nothing to judge: the latest point with a value is read
    const gap = spc(series([...values.slice(0, 19), null]), 'high').latest;
    expect([gap?.period, gap?.words]).toEqual(['p18', 'Common cause variation']);
  });
});

describe('variation icon (the latest point)', () => {
  // the same 20 points as rule 1's latest: alternating 10, 11, the last 20 (high) or 2 (low), outside the limits
  const high = [...alternate(10, 11, 9), 10, 20];
  const low = [...alternate(10, 11, 9), 10, 2];
  const icon = (values: number[], polarity: 'high' | 'low' | 'none') => spc(series(values), polarity).latest?.icon;

  it('names the MDC icon for each polarity and side', () => {
    expect([icon(high, 'high'), icon(low, 'high')]).toEqual(['improving_high', 'concerning_low']);
    expect([icon(high, 'low'), icon(low, 'low')]).toEqual(['concerning_high', 'improving_low']);
    expect([icon(high, 'none'), icon(low, 'none')]).toEqual(['higher', 'lower']);
    expect(icon(alternate(10, 11, 10), 'high')).toBe('common');
    expect(variationIcon(null, null, 'low')).toBe('common');
  });
});

describe('assurance icon', () => {
  // 20 points alternating 10, 11: mean 10.5, limits 7.84 to 13.16
  const r = (polarity: 'high' | 'low' | 'none') => spc(series(alternate(10, 11, 10)), polarity);

  it('passes, fails or hits and misses by where the target sits against the limits', () => {
    // high is good: a target below the lower limit is always met; above the upper, never
    expect(assuranceIcon(r('high'), 'high', 7.8)).toBe('pass');
    expect(assuranceIcon(r('high'), 'high', 13.2)).toBe('fail');
    expect(assuranceIcon(r('high'), 'high', 10.5)).toBe('hit_and_miss');
    // low is good: the other way round
    expect(assuranceIcon(r('low'), 'low', 13.2)).toBe('pass');
    expect(assuranceIcon(r('low'), 'low', 7.8)).toBe('fail');
    expect(assuranceIcon(r('low'), 'low', 12)).toBe('hit_and_miss');
  });

  it('counts a target exactly on a limit as between them (exact arithmetic)', () => {
    expect(assuranceIcon(r('high'), 'high', 7.84)).toBe('hit_and_miss');
    expect(assuranceIcon(r('high'), 'high', 7.8399)).toBe('pass');
    expect(assuranceIcon(r('low'), 'low', 13.16)).toBe('hit_and_miss');
    expect(assuranceIcon(r('low'), 'low', 13.1601)).toBe('pass');
  });

  it('has no icon without a target, without polarity, or without limits', () => {
    expect(assuranceIcon(r('high'), 'high', null)).toBeNull();
    expect(assuranceIcon(r('none'), 'none', 5)).toBeNull();
    expect(assuranceIcon(spc(series([10, 11, 10]), 'high'), 'high', 5)).toBeNull();
  });
});
