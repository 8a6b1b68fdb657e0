import type { Indicator } from './types.ts';
import { countChildrenOpenAtEnd, listChildrenOpenAtEnd } from './sql.ts';

// The cla_episode view already leaves out short breaks (legal status V3/V4).
export const claPer10k: Indicator = {
  id: 'cla_per_10k',
  title: 'Children looked after at period end per 10,000',
  area: 'children_looked_after',
  polarity: 'low',
  unit: 'per_10k',
  definition: 'Distinct children with a care episode open at period end (short-break episodes, legal status V3 or V4, do not count), per 10,000 children aged 0 to 17.',
  dfe: { type: 'own_rate', kind: 'cla_rates', count: 'children_count', population: 'population_estimate' },
  requires: [{ table: 'cla_episode' }],
  numeratorSql: countChildrenOpenAtEnd('cla_episode'),
  denominatorSql: 'population',
  records: { counts: 'children', sql: listChildrenOpenAtEnd('cla_episode', 'cla_episode', 'cla_episode_id') },
};
