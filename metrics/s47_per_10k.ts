import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

export const s47Per10k: Indicator = {
  id: 's47_per_10k',
  title: 'Section 47 enquiries per 10,000',
  area: 'child_protection',
  polarity: 'none',
  unit: 'per_10k',
  definition: 'Section 47 enquiries started in the period, per 10,000 children aged 0 to 17.',
  dfe: { type: 'rate', kind: 'c4_s47_icpc', count: 'Section47' },
  requires: [{ table: 's47_enquiry' }],
  numeratorSql: countInPeriod('s47_enquiry', 'start_date'),
  denominatorSql: 'population',
  records: {
    counts: 'records',
    sql: listInPeriod('s47_enquiry', 'start_date', { table: 's47_enquiry', id: 's47_id', numerator: 'TRUE', denominator: false, details: 'x.start_date AS s47_start, x.end_date AS s47_end' }),
  },
};
