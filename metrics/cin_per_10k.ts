import type { Indicator } from './types.ts';
import { countOpenAtEnd, listOpenAtEnd } from './sql.ts';

// Referral records (DfE counts episodes, not children) open at period end and
// not closed as no further action; an NFA flag left empty counts as not NFA.
const IN_NEED = 'NOT coalesce(nfa, false)';

export const cinPer10k: Indicator = {
  id: 'cin_per_10k',
  title: 'Children in need at period end per 10,000',
  area: 'front_door',
  polarity: 'none',
  unit: 'per_10k',
  definition: 'Referrals open at period end that are not no-further-action, per 10,000 children aged 0 to 17.',
  dfe: { type: 'rate', kind: 'b1_cin', count: 'At31_episodes' },
  // without close dates every referral would stay open for ever: no value (indicators.md v2, "No data is not zero")
  requires: [{ table: 'referral' }, { table: 'referral', column: 'close_date' }],
  numeratorSql: countOpenAtEnd(`(SELECT * FROM referral WHERE ${IN_NEED})`, 'referral_date', 'close_date'),
  records: {
    counts: 'records',
    sql: listOpenAtEnd('referral', 'referral_date', 'close_date', { table: 'referral', id: 'referral_id', where: IN_NEED, numerator: 'TRUE', denominator: false, details: 'x.referral_date, x.close_date' }),
  },
  denominatorSql: 'population',
};
