import type { Indicator } from './types.ts';
import { listReviewsHeldInPeriod, reviewsHeldInPeriod } from './sql.ts';

export const claReviewCarePlanCurrentPct: Indicator = {
  id: 'cla_review_care_plan_current_pct',
  title: 'LAC reviews with an up-to-date care plan (%)',
  area: 'children_looked_after',
  polarity: 'high',
  unit: 'percent',
  definition: 'Looked-after children reviews held in the period (not cancelled) with an up-to-date care plan, as a percentage of reviews held in the period. An unrecorded flag counts as not up to date.',
  requires: [{ table: 'cla_review', column: 'care_plan_current' }],
  numeratorSql: reviewsHeldInPeriod('care_plan_current'),
  denominatorSql: reviewsHeldInPeriod(),
  records: { counts: 'records', sql: listReviewsHeldInPeriod('care_plan_current', 'the care plan was not current') },
};
