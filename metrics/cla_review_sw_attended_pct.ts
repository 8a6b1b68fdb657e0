import type { Indicator } from './types.ts';
import { listReviewsHeldInPeriod, reviewsHeldInPeriod } from './sql.ts';

export const claReviewSwAttendedPct: Indicator = {
  id: 'cla_review_sw_attended_pct',
  title: 'LAC reviews attended by the allocated social worker (%)',
  area: 'children_looked_after',
  polarity: 'high',
  unit: 'percent',
  definition: 'Looked-after children reviews held in the period (not cancelled) attended by the allocated social worker, as a percentage of reviews held in the period. An unrecorded flag counts as not attended.',
  requires: [{ table: 'cla_review', column: 'sw_attended' }],
  numeratorSql: reviewsHeldInPeriod('sw_attended'),
  denominatorSql: reviewsHeldInPeriod(),
  records: { counts: 'records', sql: listReviewsHeldInPeriod('sw_attended', 'the social worker did not attend') },
};
