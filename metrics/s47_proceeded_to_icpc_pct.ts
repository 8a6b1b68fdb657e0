import type { Indicator } from './types.ts';
import { countInPeriod } from './sql.ts';

// Linked through icpc_s47_enquiry_id only; the ICPC may be in a later period
// (an enquiry started on 30 March is counted when its ICPC is in April).
const S47_WITH_ICPC = `(
  SELECT s.s47_id, s.start_date, EXISTS (SELECT 1 FROM icpc i WHERE i.s47_id = s.s47_id) AS proceeded
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
};
