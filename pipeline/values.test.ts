import { describe, expect, it } from 'vitest';
import { latestAcceptableDate, parseCount, parseDate, parseFlag, parseId } from './values.ts';

const LATEST = '2018-04-10';

describe('parseDate', () => {
  it.each([
    ['2016-02-29', '2016-02-29'],
    ['2016-11-30 13:45:00', '2016-11-30'],
    ['2016-11-30 13:45:00.123', '2016-11-30'],
    ['2016-11-30T00:00:00', '2016-11-30'],
    ['29/02/2016', '2016-02-29'],
    ['1/4/2016', '2016-04-01'],
    [' 2016-04-01 ', '2016-04-01'],
    ['', null],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseDate(raw, LATEST)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31/02/2024', /not a real date/],
    ['2015-02-29', /not a real date/],
    ['2016-13-01', /not a real date/],
    ['01/02/16', /two-digit year/],
    ['1899-12-31', /before 1900/],
    ['2018-04-11', /after 2018-04-10/],
    ['yesterday', /not a date/],
    ['2016-01-01 25:00:00', /impossible time/],
  ])('rejects %j', (raw, reason) => {
    const r = parseDate(raw, LATEST);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseFlag', () => {
  it.each([
    ['Y', true],
    ['y', true],
    ['1', true],
    ['TRUE', true],
    ['N', false],
    ['0', false],
    ['False', false],
    ['', null],
    ['  ', null],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseFlag(raw)).toEqual({ ok: true, value: expected });
  });
  it('rejects anything else', () => {
    expect(parseFlag('maybe').ok).toBe(false);
  });
});

describe('parseId', () => {
  it('keeps leading zeros: IDs are text', () => {
    expect(parseId('007')).toEqual({ ok: true, value: '007' });
    expect(parseId(' 7 ')).toEqual({ ok: true, value: '7' });
    expect(parseId('')).toEqual({ ok: true, value: null });
  });
});

describe('parseCount', () => {
  it('reads whole numbers with thousands separators', () => {
    expect(parseCount('67,800')).toEqual({ ok: true, value: 67800 });
    expect(parseCount('6.5').ok).toBe(false);
  });
});

describe('latestAcceptableDate', () => {
  it('adds one year, 29 February going to 28 February', () => {
    expect(latestAcceptableDate('2017-04-10')).toBe('2018-04-10');
    expect(latestAcceptableDate('2016-02-29')).toBe('2017-02-28');
  });
});
