import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod, PLAN_WITH_PREVIOUS } from './sql.ts';

// "Any earlier plan in the data": a plan with a strictly earlier start date,
// however long ago; two plans starting the same day are not each other's repeat.
// Or the return says so (extract.md v2): a CIN census plan with
// NumberOfPreviousCPP of 1 or more is a second or subsequent plan even when the
// earlier plan is not in the data (a single census year holds few of them).
// An SSD plan has no such column (NULL): only the data decides.
const REPEAT = 'x.prev_start IS NOT NULL OR coalesce(x.previous_plans, 0) >= 1';

export const cppRepeatPct: Indicator = {
  id: 'cpp_repeat_pct',
  title: 'CP plans that were a second or subsequent plan (%)',
  area: 'child_protection',
  polarity: 'low',
  unit: 'percent',
  definition: 'Child protection plans starting in the period for a child who had an earlier plan (an earlier start date) at any time, or that the CIN census records as having previous plans (NumberOfPreviousCPP of 1 or more), as a percentage of plans starting in the period.',
  dfe: { type: 'published_pct', kind: 'd3_repeat_plans', measure: 'CPP_subsequent_percent' },
  requires: [{ table: 'cp_plan' }],
  lookBack: { table: 'cp_plan', months: null },
  numeratorSql: countInPeriod(`(${PLAN_WITH_PREVIOUS})`, 'start_date', { filter: REPEAT }),
  denominatorSql: countInPeriod('cp_plan', 'start_date'),
  records: {
    counts: 'records',
    sql: listInPeriod(`(${PLAN_WITH_PREVIOUS})`, 'start_date', {
      table: 'cp_plan',
      id: 'cp_plan_id',
      numerator: REPEAT,
      denominator: true,
      reason: "'no earlier plan in the extract, and none recorded as previous'",
      details: 'x.start_date, x.prev_start AS previous_plan_start, x.prev_end AS previous_plan_end, x.previous_plans',
    }),
  },
};
