import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './db.ts';
import { bankHolidays, calendarYears, createCalendar } from './calendar.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  await createCalendar(db);
});
afterAll(() => db.close());

async function duration(a: string, b: string): Promise<number | null> {
  const r = await db.one<{ d: number | null }>(
    `SELECT (SELECT wd_index FROM calendar WHERE cal_date = DATE '${b}') - (SELECT wd_index FROM calendar WHERE cal_date = DATE '${a}') AS d`,
  );
  return r!.d;
}

describe('working-day calendar', () => {
  it('covers 2000 to 2030', () => {
    expect(calendarYears()).toEqual({ first: 2000, last: 2030 });
    expect(bankHolidays().some((h) => h.date === '2012-06-05')).toBe(true);
  });

  it.each([
    // same day = 0
    ['2016-06-01', '2016-06-01', 0],
    // Fri -> Mon: Sat, Sun not counted
    ['2016-06-03', '2016-06-06', 1],
    // Sat -> Mon = 1 (Mon)
    ['2016-06-04', '2016-06-06', 1],
    // Easter 2016: Thu 24 Mar -> Tue 29 Mar: Fri 25 (Good Friday) and Mon 28 (Easter Monday) are holidays: Tue 29 only
    ['2016-03-24', '2016-03-29', 1],
    // Christmas 2016: Fri 23 Dec -> Tue 3 Jan 2017: 26 (Boxing Day), 27 (Christmas substitute) and 2 Jan (New Year substitute) are holidays:
    // 28, 29, 30 Dec and 3 Jan = 4
    ['2016-12-23', '2017-01-03', 4],
    // Diamond jubilee 2012: spring bank holiday moved to Mon 4 June, jubilee Tue 5 June: Fri 1 -> Wed 6 = Wed only
    ['2012-06-01', '2012-06-06', 1],
    // leap day is an ordinary working day (Mon 29 Feb 2016)
    ['2016-02-26', '2016-02-29', 1],
  ])('from %s to %s is %i working days', async (a, b, expected) => {
    expect(await duration(a, b)).toBe(expected);
  });

  it('adds working days (the LAC first review date)', async () => {
    // 20 working days after Wed 1 June 2016: 2,3 | 6-10 | 13-17 | 20-24 | 27,28,29 -> 29 June
    const r = await db.one<{ d: string }>("SELECT add_working_days(DATE '2016-06-01', 20) AS d");
    expect(r!.d).toBe('2016-06-29');
  });

  it('adds calendar months like date-fns (clamping to month end)', async () => {
    const r = await db.one<{ a: string; b: string; c: string }>(
      "SELECT add_months(DATE '2016-11-30', 3) AS a, add_months(DATE '2016-02-29', -12) AS b, add_months(DATE '2016-02-29', -24) AS c",
    );
    expect(r).toEqual({ a: '2017-02-28', b: '2015-02-28', c: '2014-02-28' });
  });

  it('knows nothing outside its years (a date outside is an error, not a guess)', async () => {
    expect(await duration('1999-12-30', '2000-01-04')).toBeNull();
    const r = await db.one<{ d: string | null }>("SELECT add_working_days(DATE '1999-12-01', 20) AS d");
    expect(r!.d).toBeNull();
  });
});
