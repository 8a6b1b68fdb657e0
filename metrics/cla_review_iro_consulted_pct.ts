import type { Indicator } from './types.ts';
import { listReviewsHeldInPeriod, reviewsHeldInPeriod } from './sql.ts';

export const claReviewIroConsultedPct: Indicator = {
  id: 'cla_review_iro_consulted_pct',
  title: 'LAC reviews where the child was consulted by the IRO beforehand (%)',
  area: 'children_looked_after',
  polarity: 'high',
  unit: 'percent',
  definition: 'Looked-after children reviews held in the period (not cancelled) where the independent reviewing officer consulted the child beforehand, as a percentage of reviews held in the period. An unrecorded flag counts as not consulted.',
  requires: [{ table: 'cla_review', column: 'iro_consulted' }],
  numeratorSql: reviewsHeldInPeriod('iro_consulted'),
  denominatorSql: reviewsHeldInPeriod(),
  records: { counts: 'records', sql: listReviewsHeldInPeriod('iro_consulted', 'the IRO did not consult the child beforehand') },
};
