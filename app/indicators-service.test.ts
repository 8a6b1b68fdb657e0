/*
 * The one rule for direction of travel (app/indicators-service.ts), on single
 * results: against the period before, by polarity, and never against a period
 * that starts before the extract's data does. That every output shows this
 * same direction is held on the demo extract in commands/report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorResult, Period } from '../metrics/types.ts';
import { directionAgainst } from './indicators-service.ts';

const fy = (y: number): Period => ({ label: `${y}/${String((y + 1) % 100).padStart(2, '0')}`, kind: 'financial_year', start: `${y}-04-01`, end: `${y + 1}-03-31` });
function result(period: Period, value: number | null, polarity: IndicatorResult['polarity'] = 'high'): IndicatorResult {
  return {
    indicator: 'icpc_within_15wd_pct', title: 'ICPCs in time', area: 'child_protection', period: period.label, period_start: period.start, period_end: period.end,
    numerator: null, denominator: null, value, unit: 'percent', polarity, benchmarks: {}, rank: null, notes: [],
  };
}

describe('direction of travel', () => {
  it('is better or worse by polarity against the year before', () => {
    expect(directionAgainst(result(fy(2016), 85.7), fy(2015), result(fy(2015), 91.6), '2010-05-04')).toEqual({ previous_period: '2015/16', previous_value: 91.6, value: 'worse' });
    expect(directionAgainst(result(fy(2016), 85.7, 'low'), fy(2015), result(fy(2015), 91.6, 'low'), '2010-05-04').value).toBe('better');
    expect(directionAgainst(result(fy(2016), 91.6), fy(2015), result(fy(2015), 91.6), '2010-05-04').value).toBe('same');
  });

  it('is up or down for an indicator without polarity; not rated after a year with no value, or for a part-year', () => {
    expect(directionAgainst(result(fy(2016), 600, 'none'), fy(2015), result(fy(2015), 500, 'none'), '2010-05-04')).toEqual({ previous_period: '2015/16', previous_value: 500, value: 'up' });
    expect(directionAgainst({ ...result(fy(2017), 95.1), partial: true }, fy(2016), result(fy(2016), 85.7), '2010-05-04')).toEqual({ previous_period: '2016/17', previous_value: 85.7, value: 'not_rated' });
    expect(directionAgainst(result(fy(2016), 85.7), fy(2015), result(fy(2015), null), '2010-05-04')).toEqual({ previous_period: '2015/16', previous_value: null, value: 'not_rated' });
  });

  it('never compares with a year that starts before the data (a part-year is not a year)', () => {
    // the data starts 2013-03-05: 2012/13 holds 27 days of it, so 2013/14 has nothing to be compared with
    expect(directionAgainst(result(fy(2013), 5.8), fy(2012), result(fy(2012), 0), '2013-03-05')).toEqual({ previous_period: null, previous_value: null, value: 'not_rated' });
    // a year starting on the day the data starts is covered
    expect(directionAgainst(result(fy(2014), 11.3), fy(2013), result(fy(2013), 5.8), '2013-04-01').value).toBe('better');
    expect(directionAgainst(result(fy(2013), 5.8), fy(2012), result(fy(2012), 0), null).value).toBe('not_rated');
  });
});
