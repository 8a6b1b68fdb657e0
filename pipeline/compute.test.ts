import { describe, expect, it } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';

const plans = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,1,2016-05-23\n';

describe('population choice', () => {
  it('uses a population.csv naming one LA when no --la was given', async () => {
    const r = await computeInline({ 'ssd_cp_plans.csv': plans, 'population.csv': 'year,population,la_code\n2016,10000,359\n' }, ['2016/17'], { indicators: ['cpp_per_10k'] });
    // 1 child / 10,000 * 10,000 = 1.0
    expect(r.get('cpp_per_10k', '2016/17')).toMatchObject({ numerator: 1, denominator: 10000, value: 1 });
  });

  it('refuses to guess between several LAs, and says so', async () => {
    const r = await computeInline(
      { 'ssd_cp_plans.csv': plans, 'population.csv': 'year,population,la_code\n2016,10000,359\n2016,20000,358\n' },
      ['2016/17'],
      { indicators: ['cpp_per_10k'] },
    );
    const res = r.get('cpp_per_10k', '2016/17');
    expect(res.value).toBeNull();
    expect(res.notes.join(' ')).toMatch(/estimates for 2 LAs; ingest with --la/);
  });

  it('falls back to the latest earlier mid-year and says so', async () => {
    const r = await computeInline({ 'ssd_cp_plans.csv': plans, 'population.csv': 'year,population\n2014,10000\n' }, ['2016/17'], { indicators: ['cpp_per_10k'] });
    const res = r.get('cpp_per_10k', '2016/17');
    expect(res.value).toBe(1);
    expect(res.notes.join(' ')).toMatch(/no mid-2016 estimate; used mid-2014/);
  });
});

describe('no data is not zero, and coverage (indicators.md v2)', () => {
  const REFERRALS = 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa';
  const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';
  const lines = (...l: string[]) => `${l.join('\n')}\n`;

  it('a period starting before a table\'s coverage has no value; a look-back reaching before it is noted', async () => {
    // extract 2017-04-10, 6 years: referrals (one from 2009 still open) cover from 2011-04-10
    const r = await computeInline(
      {
        'ssd_cin_episodes.csv': lines(REFERRALS, 'R0,A,2009-01-05,,N', 'R1,B,2012-05-01,2012-06-01,N', 'R2,B,2013-02-01,2013-03-01,N', 'R3,B,2014-01-10,2014-02-01,N'),
        'population.csv': flatPopulation(10000),
      },
      ['2011/12', '2012/13', '2013/14'],
      { indicators: ['referrals_per_10k', 'rereferrals_12m_pct'], extractDate: '2017-04-10', ssdYears: 6 },
    );
    const early = r.get('referrals_per_10k', '2011/12');
    expect([early.numerator, early.value]).toEqual([null, null]);
    expect(early.notes).toEqual(["no value: the extract's referrals cover only from 2011-04-10, after the period starts (the SSD keeps --ssd-years years of history)"]);
    expect(r.get('referrals_per_10k', '2012/13').value).toBe(2);
    // 2012/13 looks back to 2011-04-01, before 2011-04-10: computed, and noted; 2013/14 reaches 2012-04-01: no note
    const re = r.get('rereferrals_12m_pct', '2012/13');
    expect([re.numerator, re.denominator, re.value]).toEqual([1, 2, 50]);
    expect(re.notes).toEqual(["may undercount: it looks back 12 months before each record, and the extract's referrals cover only from 2011-04-10"]);
    expect(r.get('rereferrals_12m_pct', '2013/14').notes).toEqual([]);
  });

  it('repeat plans look back to all earlier data: noted unless the extract holds its whole history (--ssd-years all)', async () => {
    const files = { 'ssd_cp_plans.csv': lines(PLANS, 'P1,A,2014-05-01,2014-09-01', 'P2,A,2016-05-01,') };
    const six = await computeInline(files, ['2016/17'], { indicators: ['cpp_repeat_pct', 'cpp_repeat_2y_pct'], extractDate: '2017-04-10', ssdYears: 6 });
    expect(six.get('cpp_repeat_pct', '2016/17').value).toBe(100);
    expect(six.get('cpp_repeat_pct', '2016/17').notes).toEqual([expect.stringMatching(/^may undercount: it looks back all earlier data .* cover only from 2014-05-01$/)]);
    // 2 years before 2016-04-01 is 2014-04-01, before the plans' coverage (2014-05-01)
    expect(six.get('cpp_repeat_2y_pct', '2016/17').notes).toEqual([expect.stringMatching(/^may undercount: it looks back 24 months/)]);
    const all = await computeInline(files, ['2016/17'], { indicators: ['cpp_repeat_pct'], extractDate: '2017-04-10', ssdYears: 'all' });
    expect(all.get('cpp_repeat_pct', '2016/17').notes).toEqual([]);
  });

  it('cine_close_date empty in every row: children in need have no value (was every referral open for ever)', async () => {
    const r = await computeInline(
      { 'ssd_cin_episodes.csv': lines(REFERRALS, 'R1,A,2015-05-01,,N', 'R2,B,2016-05-01,,N'), 'population.csv': flatPopulation(10000) },
      ['2016/17'],
      { indicators: ['cin_per_10k', 'referrals_per_10k'] },
    );
    expect(r.get('cin_per_10k', '2016/17').value).toBeNull();
    expect(r.get('cin_per_10k', '2016/17').notes).toEqual(["no data: close_date is empty in every row of the extract's referrals (ssd_cin_episodes.csv, or the CIN census)"]);
    // referrals do not need it
    expect(r.get('referrals_per_10k', '2016/17').value).toBe(1);
  });
});
