import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

export const icpcPer10k: Indicator = {
  id: 'icpc_per_10k',
  title: 'Initial child protection conferences per 10,000',
  area: 'child_protection',
  polarity: 'none',
  unit: 'per_10k',
  definition: 'Initial child protection conferences held in the period (transfer-in conferences excluded), per 10,000 children aged 0 to 17.',
  dfe: { type: 'rate', kind: 'c4_s47_icpc', count: 'ICPC' },
  requires: [{ table: 'icpc' }],
  numeratorSql: countInPeriod('icpc', 'icpc_date'),
  denominatorSql: 'population',
  records: {
    counts: 'records',
    sql: listInPeriod('icpc', 'icpc_date', { table: 'icpc', id: 'icpc_id', numerator: 'TRUE', denominator: false, details: 'x.icpc_date, x.s47_id' }),
  },
};
