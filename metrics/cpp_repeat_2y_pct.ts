import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod, PLAN_WITH_PREVIOUS } from './sql.ts';

// Previous plan ended on or after (start - 2 years): exactly two years apart
// counts. An earlier plan still open counts as ending at the new start.
// NumberOfPreviousCPP (cp_plan.previous_plans) is not used here: it says an
// earlier plan existed, not when it ended, and the 2-year rule needs that end.
const WITHIN_2Y = 'x.prev_start IS NOT NULL AND x.prev_end >= add_months(x.start_date, -24)';

export const cppRepeat2yPct: Indicator = {
  id: 'cpp_repeat_2y_pct',
  title: 'CP plans starting within 2 years of a previous plan ending (%)',
  area: 'child_protection',
  polarity: 'low',
  unit: 'percent',
  definition:
    "Child protection plans starting in the period where the child's most recent earlier plan ended on or after the date two years before the new plan's start (an earlier plan with no end date counts as ending at the new start), as a percentage of plans starting in the period.",
  requires: [{ table: 'cp_plan' }],
  lookBack: { table: 'cp_plan', months: 24 },
  numeratorSql: countInPeriod(`(${PLAN_WITH_PREVIOUS})`, 'start_date', {
    filter: WITHIN_2Y,
  }),
  denominatorSql: countInPeriod('cp_plan', 'start_date'),
  records: {
    counts: 'records',
    sql: listInPeriod(`(${PLAN_WITH_PREVIOUS})`, 'start_date', {
      table: 'cp_plan',
      id: 'cp_plan_id',
      numerator: WITHIN_2Y,
      denominator: true,
      reason: `CASE WHEN x.prev_start IS NULL THEN 'no earlier plan in the extract' ELSE 'the previous plan ended more than 2 years before' END`,
      details: 'x.start_date, x.prev_start AS previous_plan_start, x.prev_end AS previous_plan_end',
    }),
  },
};
