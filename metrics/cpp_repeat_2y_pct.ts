import type { Indicator } from './types.ts';
import { countInPeriod, PLAN_WITH_PREVIOUS } from './sql.ts';

// Previous plan ended on or after (start - 2 years): exactly two years apart
// counts. An earlier plan still open counts as ending at the new start.
// NumberOfPreviousCPP (cp_plan.previous_plans) is not used here: it says an
// earlier plan existed, not when it ended, and the 2-year rule needs that end.
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
    filter: 'x.prev_start IS NOT NULL AND x.prev_end >= add_months(x.start_date, -24)',
  }),
  denominatorSql: countInPeriod('cp_plan', 'start_date'),
};
