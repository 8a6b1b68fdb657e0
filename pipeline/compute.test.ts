import { describe, expect, it } from 'vitest';
import { computeInline } from '../test-support/compute-inline.ts';

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
