import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

// DfE's ratio of two counts in the same period, not a follow-through of the
// same enquiries (that is s47_proceeded_to_icpc_pct).
export const s47ToIcpcPct: Indicator = {
  id: 's47_to_icpc_pct',
  title: 'ICPCs as a percentage of section 47 enquiries (DfE)',
  area: 'child_protection',
  polarity: 'none',
  unit: 'percent',
  definition: 'Initial child protection conferences held in the period as a percentage of section 47 enquiries started in the period (transfer-in conferences excluded).',
  dfe: { type: 'pct', kind: 'c4_s47_icpc', numerator: ['ICPC'], denominator: 'Section47' },
  requires: [{ table: 'icpc' }, { table: 's47_enquiry' }],
  numeratorSql: countInPeriod('icpc', 'icpc_date'),
  denominatorSql: countInPeriod('s47_enquiry', 'start_date'),
  // two kinds of record: the ICPCs (numerator) and the enquiries (denominator)
  records: {
    counts: 'records',
    sql: `${listInPeriod('icpc', 'icpc_date', { table: 'icpc', id: 'icpc_id', numerator: 'TRUE', denominator: false, details: 'x.icpc_date AS event_date' })}
      UNION ALL BY NAME
      ${listInPeriod('s47_enquiry', 'start_date', { table: 's47_enquiry', id: 's47_id', numerator: 'FALSE', denominator: true, reason: "'an enquiry, not a conference: the denominator'", details: 'x.start_date AS event_date' })}`,
  },
};
