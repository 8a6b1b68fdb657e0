import type { Indicator } from './types.ts';
import { listReviewTimeliness, openAtEnd, reviewCases, reviewSlots, reviewTimeliness } from './sql.ts';

// Working Together: first review 3 months after the plan start (the ICPC),
// then every 6 months after the review actually held. Judged per plan open at
// period end; a child with two open plans is late if either is. A plan that
// began before the review table's coverage has its first review within
// coverage due by coverage start + 6 months at the latest (reviewCases;
// indicators.md v2, "Reviews before the data").
const CASES = reviewCases({
  cases: 'cp_plan',
  reviews: 'cp_review',
  reviewTable: 'cp_review',
  caseId: 'cp_plan_id',
  reviewId: 'cp_review_id',
  dueFirst: 'add_months(c.start_date, 3)',
  secondMonths: 6,
});

const SLOTS = reviewSlots({ cases: CASES, reviews: 'cp_review', caseId: 'cp_plan_id', reviewId: 'cp_review_id' });

const ELIGIBLE = `
  SELECT p.period_id, c.person_id, c.cp_plan_id AS case_id
  FROM period p JOIN cp_plan c ON ${openAtEnd('c')}
  JOIN ${CASES} k ON k.case_id = c.cp_plan_id AND k.due_first <= p.period_end`;

export const cppReviewsInTimePct: Indicator = {
  id: 'cpp_reviews_in_time_pct',
  title: 'CP plans reviewed within required timescales (%)',
  area: 'child_protection',
  polarity: 'high',
  unit: 'percent',
  definition:
    'Of the children with a child protection plan open at period end whose first review was due by period end, the percentage with no review late in the period: first review due 3 months after the plan start, each later one 6 months after the review before it; a review is late if not held by its due date and still outstanding at the start of the period.',
  requires: [{ table: 'cp_plan' }, { table: 'cp_review' }],
  numeratorSql: reviewTimeliness(SLOTS, ELIGIBLE, 'on_time'),
  denominatorSql: reviewTimeliness(SLOTS, ELIGIBLE, 'eligible'),
  countsSql: reviewTimeliness(SLOTS, ELIGIBLE, 'both'),
  records: { counts: 'children', sql: listReviewTimeliness(SLOTS, ELIGIBLE, 'cp_plan') },
};
