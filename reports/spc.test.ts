/*
 * SPC (XmR, Making Data Count rules) on hand-made series. Each rule has a
 * series that triggers it and one that must not; the arithmetic is worked in
 * the comments so a reader can check the expectations without the code.
 */
import { describe, expect, it } from 'vitest';
import { spc, type SpcInputPoint } from './spc.ts';

const series = (values: (number | null)[]): SpcInputPoint[] => values.map((value, i) => ({ period: `p${String(i).padStart(2, '0')}`, value }));
const flagged = (r: ReturnType<typeof spc>, rule: 'outside_limits' | 'shift' | 'trend' | 'two_of_three') =>
  r.points.flatMap((p, i) => (p.special[rule] ? [i] : []));
const anyFlag = (r: ReturnType<typeof spc>) => r.points.flatMap((p, i) => (p.rules.length > 0 ? [i] : []));
const alternate = (a: number, b: number, pairs: number) => Array.from({ length: pairs }, () => [a, b]).flat();

describe('XmR limits', () => {
  it('computes mean, mean moving range and limits exactly', () => {
    // 10, 12, 11, 13, 12: mean 58/5 = 11.6; moving ranges 2, 1, 2, 1 -> mrBar 1.5
    // limits 11.6 +/- 2.66 x 1.5 = 11.6 +/- 3.99 -> 15.59 and 7.61, printed 15.6 and 7.6
    const r = spc(series([10, 12, 11, 13, 12]), 'high');
    expect(r.mean).toBeCloseTo(11.6, 10);
    expect(r.mrBar).toBeCloseTo(1.5, 10);
    expect(r.upper).toBeCloseTo(15.59, 10);
    expect(r.lower).toBeCloseTo(7.61, 10);
    expect(r.display).toEqual({ mean: '11.6', mrBar: '1.5', upper: '15.6', lower: '7.6' });
    expect(r.warnings[0]).toMatch(/at least 15/);
  });

  it('breaks the moving range at a gap and skips missing points', () => {
    // 10, 12, (gap), 20, 22: mean 64/4 = 16; moving ranges only 2 and 2 -> mrBar 2
    const r = spc(series([10, 12, null, 20, 22]), 'none');
    expect(r.n).toBe(4);
    expect(r.mean).toBe(16);
    expect(r.mrBar).toBe(2);
    expect(r.points[2]!.movingRange).toBeNull();
    expect(r.points[3]!.movingRange).toBeNull();
    expect(r.points[4]!.movingRange).toBe(2);
  });

  it('rejects values not rounded to one decimal place', () => {
    expect(() => spc(series([1.25, 2]), 'high')).toThrow(/one decimal place/);
  });

  it('has no limits with a single point, and no latest with no points', () => {
    const one = spc(series([5]), 'high');
    expect(one.mean).toBe(5);
    expect(one.upper).toBeNull();
    expect(one.latest?.words).toBe('Common cause variation');
    expect(spc([], 'high').latest).toBeNull();
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
    expect(r.mean).toBe(11);
    expect(r.display.upper).toBe('15.9');
    expect(flagged(r, 'outside_limits')).toEqual([10]);
    expect(anyFlag(r)).toEqual([10]);
    expect(r.points[10]!.side).toBe('high');
    expect(r.points[10]!.variation).toBe('improvement');
    expect(spc(series(values), 'low').points[10]!.variation).toBe('concern');
    expect(spc(series(values), 'none').points[10]!.variation).toBe('neutral');
  });

  it('does not flag a high point inside the limits', () => {
    // the spike at 13: sum 213 -> mean 10.65; moving ranges 17 + 2 + 2 = 21 / 19 = 1.105
    // upper = 10.65 + 2.66 x 1.105 = 13.59 > 13. (13 is beyond the 2/3 line, 12.61, but alone.)
    const inside = [...values];
    inside[10] = 13;
    const r = spc(series(inside), 'high');
    expect(r.display.upper).toBe('13.6');
    expect(anyFlag(r)).toEqual([]);
  });

  it('treats a point exactly on a limit as inside (exact arithmetic, no float slop)', () => {
    // 0, 1.1, 0, 1.1, 0, 1.1, 0, 5.9: mean 9.2 / 8 = 1.15; moving ranges 6 x 1.1 + 5.9 = 12.5 / 7 = 1.7857
    // upper = 1.15 + 2.66 x 12.5 / 7 = 1.15 + 4.75 = 5.9 exactly: the last point is on the limit, not outside
    const r = spc(series([0, 1.1, 0, 1.1, 0, 1.1, 0, 5.9]), 'high');
    expect(r.display.upper).toBe('5.9');
    expect(r.points[7]!.special.outside_limits).toBe(false);
    // and with every value equal, mrBar is 0 and the limits sit on the mean: nothing is special
    const flat = spc(series([4, 4, 4, 4, 4, 4, 4, 4]), 'high');
    expect([flat.upper, flat.lower]).toEqual([4, 4]);
    expect(anyFlag(flat)).toEqual([]);
  });
});

describe('rule 2: a run of 7 on one side of the mean', () => {
  // 14 points alternating 10, 9, then 11, 10.5, 11, 10.5, 11, 10.5, 11.
  // sum = 133 + 75.5 = 208.5 -> mean 9.93: the 10s are above and the 9s below, so the run starts at point 14.
  // moving ranges: 13 of 1, 2 (9 -> 11), 6 of 0.5 = 18 / 20 = 0.9 -> upper 9.93 + 2.39 = 12.32, 2/3 line 11.52:
  // nothing outside or near a limit, and no trend.
  const run = [...alternate(10, 9, 7), 11, 10.5, 11, 10.5, 11, 10.5, 11];

  it('flags all 7 points of the run', () => {
    const r = spc(series(run), 'low');
    expect(flagged(r, 'shift')).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(anyFlag(r)).toEqual([14, 15, 16, 17, 18, 19, 20]);
    expect(r.latest?.words).toBe('Special cause — concerning high');
  });

  it('does not flag 6 points above the mean', () => {
    // drop the last point: mean 197.5 / 20 = 9.875, run of 6 (points 14 to 19)
    const r = spc(series(run.slice(0, -1)), 'low');
    expect(anyFlag(r)).toEqual([]);
    expect(r.latest?.words).toBe('Common cause variation');
  });

  it('is broken by a point exactly on the mean', () => {
    // 24 points alternating 9, 10.5, then 11, 11, 11, 10, 11, 11, 11.
    // sum = 12 x 19.5 + 76 = 310 over 31 points: mean exactly 10.0, so the 10 sits on it.
    // runs above the mean: 10.5, 11, 11, 11 (4) and 11, 11, 11 (3): no shift.
    // moving ranges: 23 of 1.5, 0.5, 0, 0, 1, 1, 0, 0 = 37 / 30 = 1.233 -> 2/3 line 12.19: nothing near a limit.
    const onMean = [...alternate(9, 10.5, 12), 11, 11, 11, 10, 11, 11, 11];
    const r = spc(series(onMean), 'high');
    expect(r.mean).toBe(10);
    expect(r.display.mean).toBe('10.0');
    expect(anyFlag(r)).toEqual([]);
    // move that point above the mean (now 311 / 31 = 10.03) and the run is 8 long: the 10.5 before it joins
    const above = [...onMean];
    above[27] = 11;
    expect(flagged(spc(series(above), 'high'), 'shift')).toEqual([23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it('is broken by a gap', () => {
    const gapped: (number | null)[] = [...run];
    gapped[17] = null;
    expect(flagged(spc(series(gapped), 'low'), 'shift')).toEqual([]);
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
    expect(r.display.upper).toBe('14.1');
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
    expect(spc(series(values), 'none').latest?.words).toBe('Special cause — high, neither improving nor concerning');
    values[19] = 2;
    expect(spc(series(values), 'high').latest?.words).toBe('Special cause — concerning low');
    expect(spc(series(values), 'low').latest?.words).toBe('Special cause — improving low');
    expect(spc(series([...values.slice(0, 19), null]), 'high').latest?.words).toBe('No value for this period');
  });
});
