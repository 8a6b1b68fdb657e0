import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

// Working days from the s47 start to the ICPC: the working days d with
// start < d <= icpc (calendar.wd_index difference). An ICPC with no linked s47,
// or dated before it, is in the denominator only. A date outside the calendar
// cannot be timed: such ICPCs are counted by `untimedSql` and the figure is
// withheld rather than guessed.
const TIMED = `(
  SELECT i.icpc_id, i.person_id, i.icpc_date, i.s47_id, s.start_date AS s47_start,
         CASE WHEN s.start_date <= i.icpc_date THEN ci.wd_index - cs.wd_index END AS working_days,
         s.start_date <= i.icpc_date AND ci.wd_index - cs.wd_index <= 15 AS within_15,
         s.start_date IS NOT NULL AND s.start_date <= i.icpc_date AND (ci.cal_date IS NULL OR cs.cal_date IS NULL) AS untimed
  FROM icpc i
  LEFT JOIN s47_enquiry s ON s.s47_id = i.s47_id
  LEFT JOIN calendar cs ON cs.cal_date = s.start_date
  LEFT JOIN calendar ci ON ci.cal_date = i.icpc_date)`;

export const icpcWithin15wdPct: Indicator = {
  id: 'icpc_within_15wd_pct',
  title: 'ICPCs held within 15 working days of the start of the s47 enquiry (%)',
  area: 'child_protection',
  polarity: 'high',
  unit: 'percent',
  definition:
    'Initial child protection conferences held in the period whose linked section 47 enquiry started on or before the conference and no more than 15 working days before it (weekends and England and Wales bank holidays excluded), as a percentage of all ICPCs held in the period.',
  dfe: { type: 'pct', kind: 'c4_s47_icpc', numerator: ['Duration_0-10_days', 'Duration_11-15_days'], denominator: 'ICPC' },
  requires: [{ table: 'icpc', column: 's47_id' }, { table: 's47_enquiry' }],
  numeratorSql: countInPeriod(TIMED, 'icpc_date', { filter: 'x.within_15' }),
  denominatorSql: countInPeriod('icpc', 'icpc_date'),
  untimedSql: countInPeriod(TIMED, 'icpc_date', { filter: 'x.untimed' }),
  records: {
    counts: 'records',
    sql: listInPeriod(TIMED, 'icpc_date', {
      table: 'icpc',
      id: 'icpc_id',
      numerator: 'x.within_15',
      denominator: true,
      reason: `CASE WHEN x.s47_id IS NULL THEN 'no linked section 47 enquiry'
                    WHEN x.s47_start IS NULL THEN 'its linked section 47 enquiry is not in the extract'
                    WHEN x.s47_start > x.icpc_date THEN 'its section 47 enquiry started after the conference'
                    WHEN x.untimed THEN 'a date outside the working-day calendar: cannot be timed'
                    ELSE CAST(x.working_days AS VARCHAR) || ' working days: more than 15' END`,
      details: 'x.s47_start, x.icpc_date, x.working_days',
    }),
  },
};
