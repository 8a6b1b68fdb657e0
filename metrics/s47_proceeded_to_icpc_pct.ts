import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

// Linked through icpc_s47_enquiry_id only; the ICPC may be in a later period
// (an enquiry started on 30 March is counted when its ICPC is in April).
const S47_WITH_ICPC = `(
  SELECT s.s47_id, s.person_id, s.start_date, (SELECT min(i.icpc_date) FROM icpc i WHERE i.s47_id = s.s47_id) AS icpc_date,
         EXISTS (SELECT 1 FROM icpc i WHERE i.s47_id = s.s47_id) AS proceeded
  FROM s47_enquiry s)`;

export const s47ProceededToIcpcPct: Indicator = {
  id: 's47_proceeded_to_icpc_pct',
  title: 'Section 47 enquiries that proceeded to an ICPC (%)',
  area: 'child_protection',
  polarity: 'none',
  unit: 'percent',
  definition: 'Section 47 enquiries started in the period that have a linked initial child protection conference (of any date), as a percentage of section 47 enquiries started in the period.',
  requires: [{ table: 's47_enquiry' }, { table: 'icpc', column: 's47_id' }],
  numeratorSql: countInPeriod(S47_WITH_ICPC, 'start_date', { filter: 'x.proceeded' }),
  denominatorSql: countInPeriod('s47_enquiry', 'start_date'),
  records: {
    counts: 'records',
    sql: listInPeriod(S47_WITH_ICPC, 'start_date', {
      table: 's47_enquiry',
      id: 's47_id',
      numerator: 'x.proceeded',
      denominator: true,
      reason: "'no initial conference linked to it'",
      details: 'x.start_date AS s47_start, x.icpc_date',
    }),
  },
};
