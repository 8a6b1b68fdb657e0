import type { Indicator } from './types.ts';
import { countInPeriod } from './sql.ts';

// Calendar months: a plan from 30 November lasting to 28 February is 3 months.
export const cppCeased3mPct: Indicator = {
  id: 'cpp_ceased_3m_pct',
  title: 'CP plans ending in period that lasted 3 months or less (%)',
  area: 'child_protection',
  polarity: 'none',
  unit: 'percent',
  definition: 'Child protection plans ending in the period whose end date is no later than 3 calendar months after their start, as a percentage of plans ending in the period.',
  requires: [{ table: 'cp_plan' }],
  numeratorSql: countInPeriod('cp_plan', 'end_date', { filter: 'x.end_date <= add_months(x.start_date, 3)' }),
  denominatorSql: countInPeriod('cp_plan', 'end_date'),
};
