import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

// Calendar months: a plan from 30 November lasting to 28 February is 3 months.
const WITHIN_3M = 'x.end_date <= add_months(x.start_date, 3)';

export const cppCeased3mPct: Indicator = {
  id: 'cpp_ceased_3m_pct',
  title: 'CP plans ending in period that lasted 3 months or less (%)',
  area: 'child_protection',
  polarity: 'none',
  unit: 'percent',
  definition: 'Child protection plans ending in the period whose end date is no later than 3 calendar months after their start, as a percentage of plans ending in the period.',
  requires: [{ table: 'cp_plan' }],
  numeratorSql: countInPeriod('cp_plan', 'end_date', { filter: WITHIN_3M }),
  denominatorSql: countInPeriod('cp_plan', 'end_date'),
  records: {
    counts: 'records',
    sql: listInPeriod('cp_plan', 'end_date', {
      table: 'cp_plan',
      id: 'cp_plan_id',
      numerator: WITHIN_3M,
      denominator: true,
      reason: "'it lasted more than 3 months'",
      details: 'x.start_date, x.end_date',
    }),
  },
};
