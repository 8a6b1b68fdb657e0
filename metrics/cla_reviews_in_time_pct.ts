import type { Indicator } from './types.ts';
import { listReviewTimeliness, openAtEnd, reviewCases, reviewSlots, reviewTimeliness } from './sql.ts';

// Reg. 33 of the Care Planning, Placement and Case Review (England) Regulations
// 2010: first review 20 working days after the period of care starts, second 3
// months after the first, then every 6 months. Judged per period of care that
// holds an episode open at period end.
//
// A period of care that started before the working-day calendar (2000) has an
// unknown 20th working day; start + 2 months stands in for it (20 working days
// always end within two months). The stand-in is exact whenever it falls before
// the period starts: then both it and the true due date are before the period,
// the period of care is eligible either way, and the first review is late in
// the period exactly when it was held during or after it. Where the stand-in
// falls inside the period it could decide the figure, so `untimedSql` counts
// those periods of care and the figure is withheld: an error, not a guess.
const DUE_FIRST = 'coalesce(add_working_days(c.start_date, 20), CASE WHEN c.start_date < calendar_start() THEN add_months(c.start_date, 2) END)';

// A period of care that began before the review table's coverage, or whose
// start is unknown (views.ts start_known: its first episode's reason is not S
// and there is no entered-care date), has its first review within coverage due
// by coverage start + 6 months at the latest (reviewCases; indicators.md v2).
const CASES = reviewCases({
  cases: 'period_of_care',
  reviews: 'cla_review',
  reviewTable: 'cla_review',
  caseId: 'period_of_care_id',
  reviewId: 'cla_review_id',
  dueFirst: DUE_FIRST,
  secondMonths: 3,
  startKnown: 'c.start_known',
});

const SLOTS = reviewSlots({ cases: CASES, reviews: 'cla_review', caseId: 'period_of_care_id', reviewId: 'cla_review_id' });

const ELIGIBLE = `
  SELECT DISTINCT p.period_id, e.person_id, e.period_of_care_id AS case_id
  FROM period p
  JOIN cla_episode e ON ${openAtEnd('e')}
  JOIN ${CASES} c ON c.case_id = e.period_of_care_id
  WHERE c.due_first <= p.period_end`;

const UNTIMED = `
  SELECT p.period_id, count(DISTINCT c.period_of_care_id) AS n
  FROM period p
  LEFT JOIN cla_episode e ON ${openAtEnd('e')}
  LEFT JOIN period_of_care c ON c.period_of_care_id = e.period_of_care_id
    AND c.start_date < calendar_start() AND add_months(c.start_date, 2) >= p.period_start
  GROUP BY p.period_id`;

export const claReviewsInTimePct: Indicator = {
  id: 'cla_reviews_in_time_pct',
  title: 'Looked-after children with reviews in timescales (%)',
  area: 'children_looked_after',
  polarity: 'high',
  unit: 'percent',
  definition:
    'Of the children looked after at period end whose first review was due by period end, the percentage with no review late in the period: first review due 20 working days after the period of care started, the second 3 months after the first, each later one 6 months after the review before it; cancelled reviews are not reviews.',
  requires: [{ table: 'cla_episode' }, { table: 'cla_review' }],
  numeratorSql: reviewTimeliness(SLOTS, ELIGIBLE, 'on_time'),
  denominatorSql: reviewTimeliness(SLOTS, ELIGIBLE, 'eligible'),
  countsSql: reviewTimeliness(SLOTS, ELIGIBLE, 'both'),
  records: { counts: 'children', sql: listReviewTimeliness(SLOTS, ELIGIBLE, 'period_of_care') },
  untimedSql: UNTIMED,
};
