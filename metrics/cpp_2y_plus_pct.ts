import type { Indicator } from './types.ts';
import { openAtEnd } from './sql.ts';

// A child with two open plans (a recording overlap) is judged by the earlier.
const OPEN_CHILDREN = `
  SELECT p.period_id, c.person_id, min(c.start_date) AS first_start
  FROM period p JOIN cp_plan c ON ${openAtEnd('c')}
  GROUP BY p.period_id, c.person_id`;

export const cpp2yPlusPct: Indicator = {
  id: 'cpp_2y_plus_pct',
  title: 'Children on a plan at period end who have been on it for 2 years or more (%)',
  area: 'child_protection',
  polarity: 'low',
  unit: 'percent',
  definition: 'Of the children with a child protection plan open at period end, the percentage whose open plan started on or before the date two years before period end.',
  dfeSource: 'D5 2_years_or_more_percent',
  requires: [{ table: 'cp_plan' }],
  numeratorSql: `
    WITH o AS (${OPEN_CHILDREN})
    SELECT p.period_id, count(o.person_id) FILTER (WHERE o.first_start <= add_months(p.period_end, -24)) AS n
    FROM period p LEFT JOIN o ON o.period_id = p.period_id
    GROUP BY p.period_id`,
  denominatorSql: `
    WITH o AS (${OPEN_CHILDREN})
    SELECT p.period_id, count(o.person_id) AS n
    FROM period p LEFT JOIN o ON o.period_id = p.period_id
    GROUP BY p.period_id`,
  // both counts from one pass over the open plans
  countsSql: `
    WITH o AS (${OPEN_CHILDREN})
    SELECT p.period_id, count(o.person_id) FILTER (WHERE o.first_start <= add_months(p.period_end, -24)) AS numerator, count(o.person_id) AS denominator
    FROM period p LEFT JOIN o ON o.period_id = p.period_id
    GROUP BY p.period_id`,
};
