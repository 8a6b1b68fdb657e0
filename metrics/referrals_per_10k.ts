import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

export const referralsPer10k: Indicator = {
  id: 'referrals_per_10k',
  title: 'Referrals per 10,000 children',
  area: 'front_door',
  polarity: 'none',
  unit: 'per_10k',
  definition: 'Referrals (CIN episodes) with a referral date in the period, per 10,000 children aged 0 to 17.',
  dfe: { type: 'rate', kind: 'c1_referrals', count: 'referral_count' },
  requires: [{ table: 'referral' }],
  numeratorSql: countInPeriod('referral', 'referral_date'),
  denominatorSql: 'population',
  records: {
    counts: 'records',
    sql: listInPeriod('referral', 'referral_date', { table: 'referral', id: 'referral_id', numerator: 'TRUE', denominator: false, details: 'x.referral_date, x.close_date, x.nfa' }),
  },
};
