import type { Indicator } from './types.ts';
import { openAtEnd } from './sql.ts';

// A child with two open plans (a recording overlap) is judged by the earlier.
const OPEN_CHILDREN = `
  SELECT p.period_id, c.person_id, min(c.start_date) AS first_start, arg_min(c.cp_plan_id, (c.start_date, c.cp_plan_id)) AS first_plan
  FROM period p JOIN cp_plan c ON ${openAtEnd('c')}
  GROUP BY p.period_id, c.person_id`;

const TWO_YEARS = 'o.first_start <= add_months(p.period_end, -24)';

const TWO_YEARS_OR_MORE = `count(o.person_id) FILTER (WHERE ${TWO_YEARS})`;
const ALL_OPEN = 'count(o.person_id)';

/** Counts (`measures`, SQL select items) over the children open at each period end. */
function overOpenChildren(measures: string): string {
  return `
    WITH o AS (${OPEN_CHILDREN})
    SELECT p.period_id, ${measures}
    FROM period p LEFT JOIN o ON o.period_id = p.period_id
    GROUP BY p.period_id`;
}

export const cpp2yPlusPct: Indicator = {
  id: 'cpp_2y_plus_pct',
  title: 'Children on a plan at period end who have been on it for 2 years or more (%)',
  area: 'child_protection',
  polarity: 'low',
  unit: 'percent',
  definition: 'Of the children with a child protection plan open at period end, the percentage whose open plan started on or before the date two years before period end.',
  dfe: { type: 'published_pct', kind: 'd5_plans_by_duration', measure: '2_years_or_more_percent' },
  requires: [{ table: 'cp_plan' }],
  numeratorSql: overOpenChildren(`${TWO_YEARS_OR_MORE} AS n`),
  denominatorSql: overOpenChildren(`${ALL_OPEN} AS n`),
  // both counts from one pass over the open plans
  countsSql: overOpenChildren(`${TWO_YEARS_OR_MORE} AS numerator, ${ALL_OPEN} AS denominator`),
  records: {
    counts: 'children',
    sql: `
      WITH o AS (${OPEN_CHILDREN})
      SELECT p.period_id, 'cp_plan' AS source_table, CAST(o.first_plan AS VARCHAR) AS record_id, o.person_id,
             ${TWO_YEARS} AS in_numerator, true AS in_denominator,
             CASE WHEN NOT (${TWO_YEARS}) THEN 'on a plan for less than 2 years at period end' END AS reason,
             o.first_start AS plan_start
      FROM period p JOIN o ON o.period_id = p.period_id`,
  },
};
