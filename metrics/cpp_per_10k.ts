import type { Indicator } from './types.ts';
import { countChildrenOpenAtEnd, listChildrenOpenAtEnd } from './sql.ts';

export const cppPer10k: Indicator = {
  id: 'cpp_per_10k',
  title: 'Children subject to a child protection plan at period end per 10,000',
  area: 'child_protection',
  polarity: 'low',
  unit: 'per_10k',
  definition: 'Distinct children with a child protection plan open at period end (a plan ending on the last day is not open), per 10,000 children aged 0 to 17.',
  dfe: { type: 'rate', kind: 'd5_plans_by_duration', count: 'CPP_At31' },
  requires: [{ table: 'cp_plan' }],
  numeratorSql: countChildrenOpenAtEnd('cp_plan'),
  denominatorSql: 'population',
  records: { counts: 'children', sql: listChildrenOpenAtEnd('cp_plan', 'cp_plan', 'cp_plan_id') },
};
