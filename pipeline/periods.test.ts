import { describe, expect, it } from 'vitest';
import { calendarMonths, firstWholeMonth, latestCompleteFinancialYear, monthlySeries, parsePeriod, parsePeriods, populationYear, sameTimeAYearEarlier, shiftMonth, lastWholeMonth } from './periods.ts';
import { UsageError } from './errors.ts';

describe('parsePeriod', () => {
  it('reads a financial year', () => {
    expect(parsePeriod('2016/17')).toEqual([{ label: '2016/17', kind: 'financial_year', start: '2016-04-01', end: '2017-03-31' }]);
    expect(parsePeriod('1999/00')[0]!.end).toBe('2000-03-31');
  });
  it('reads a run of financial years', () => {
    expect(parsePeriod('2013/14:2016/17').map((p) => p.label)).toEqual(['2013/14', '2014/15', '2015/16', '2016/17']);
  });
  it('reads rolling 12 months ending a month, month ends and leap years included', () => {
    expect(parsePeriod('2024-10')[0]).toMatchObject({ start: '2023-11-01', end: '2024-10-31' });
    expect(parsePeriod('2016-02')[0]).toMatchObject({ start: '2015-03-01', end: '2016-02-29' });
    expect(parsePeriod('2016-12')[0]).toMatchObject({ start: '2016-01-01', end: '2016-12-31' });
  });
  it('reads a run of months as the rolling 12 months ending each', () => {
    const run = parsePeriod('2016-11:2017-02');
    expect(run.map((p) => p.label)).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
    expect(run[3]).toMatchObject({ start: '2016-03-01', end: '2017-02-28' });
    expect(() => parsePeriod('2017-02:2016-11')).toThrow(UsageError);
  });
  it('reads an explicit range', () => {
    expect(parsePeriod('2024-01-01..2024-06-30')[0]).toMatchObject({ kind: 'range', start: '2024-01-01', end: '2024-06-30' });
  });
  it.each(['2016/18', '2016-13', '2024-06-30..2024-01-01', '2024-02-30..2024-03-01', '2016', 'last year', '2016/17:2013/14'])(
    'rejects %j as bad usage',
    (s) => {
      expect(() => parsePeriod(s)).toThrow(UsageError);
    },
  );
  it('drops repeats', () => {
    expect(parsePeriods(['2016/17', '2015/16:2016/17']).map((p) => p.label)).toEqual(['2016/17', '2015/16']);
  });
});

describe('populationYear', () => {
  it('uses the calendar year of the midpoint (FY 2016/17 -> 2016)', () => {
    expect(populationYear(parsePeriod('2016/17')[0]!)).toBe(2016);
    expect(populationYear(parsePeriod('2024-10')[0]!)).toBe(2024);
    expect(populationYear(parsePeriod('2024-03')[0]!)).toBe(2023);
  });
});

describe('latestCompleteFinancialYear', () => {
  it('is the last FY ended on or before the date', () => {
    expect(latestCompleteFinancialYear('2017-04-10').label).toBe('2016/17');
    expect(latestCompleteFinancialYear('2017-03-31').label).toBe('2016/17');
    expect(latestCompleteFinancialYear('2017-03-30').label).toBe('2015/16');
  });
});

describe('monthlySeries', () => {
  it('gives one rolling period per month', () => {
    const s = monthlySeries('2016-11', '2017-02');
    expect(s.map((p) => p.label)).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
    expect(monthlySeries('2007-04', '2017-03')).toHaveLength(120);
  });
});

describe('calendarMonths', () => {
  it('gives each calendar month as the explicit range --period would, leap Februaries included', () => {
    const s = calendarMonths('2015-12', '2016-02');
    expect(s).toEqual([
      { label: '2015-12-01..2015-12-31', kind: 'range', start: '2015-12-01', end: '2015-12-31' },
      { label: '2016-01-01..2016-01-31', kind: 'range', start: '2016-01-01', end: '2016-01-31' },
      { label: '2016-02-01..2016-02-29', kind: 'range', start: '2016-02-01', end: '2016-02-29' },
    ]);
    expect(s[1]).toEqual(parsePeriod('2016-01-01..2016-01-31')[0]);
    // each month's population is its own calendar year's
    expect(s.map(populationYear)).toEqual([2015, 2016, 2016]);
  });

  it('starts at the first month the data covers in full', () => {
    expect(firstWholeMonth('2013-03-01')).toBe('2013-03');
    expect(firstWholeMonth('2013-03-02')).toBe('2013-04');
    expect(firstWholeMonth('2013-12-15')).toBe('2014-01');
  });
});

describe('sameTimeAYearEarlier', () => {
  it('is the same period a year before: the year, the 12 months ending a year earlier, the same dates', () => {
    expect(sameTimeAYearEarlier(parsePeriod('2016/17')[0]!).label).toBe('2015/16');
    expect(sameTimeAYearEarlier(parsePeriod('2017-01')[0]!)).toMatchObject({ label: '2016-01', start: '2015-02-01', end: '2016-01-31' });
    // 12 months ending February 2017 -> those ending February 2016, a leap month
    expect(sameTimeAYearEarlier(parsePeriod('2017-02')[0]!)).toMatchObject({ label: '2016-02', start: '2015-03-01', end: '2016-02-29' });
    expect(sameTimeAYearEarlier(parsePeriod('2016-04-01..2016-06-30')[0]!)).toMatchObject({ start: '2015-04-01', end: '2015-06-30' });
    // a range ending on a leap day: a year earlier there is no 29 February
    expect(sameTimeAYearEarlier(parsePeriod('2016-01-01..2016-02-29')[0]!)).toMatchObject({ start: '2015-01-01', end: '2015-02-28' });
  });
});

describe('month labels', () => {
  it('shift across year ends, and the last whole month of a date is its own only on the last day', () => {
    expect(shiftMonth('2016-12', 1)).toBe('2017-01');
    expect(shiftMonth('2017-01', -1)).toBe('2016-12');
    expect(shiftMonth('2016-03', 12)).toBe('2017-03');
    expect(lastWholeMonth('2016-02-29')).toBe('2016-02');
    expect(lastWholeMonth('2016-02-28')).toBe('2016-01');
    expect(lastWholeMonth('2017-04-10')).toBe('2017-03');
  });
});
