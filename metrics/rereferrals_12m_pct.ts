import type { Indicator } from './types.ts';
import { countInPeriod, listInPeriod } from './sql.ts';

// A referral is a re-referral when the same child had another referral dated in
// the 12 months before it: previous >= date - 12 months and previous < date.
// A second referral on the same day is not "before" (the spec's strict <).
// Another referral in the 12 months before exists exactly when the child's
// latest referral date before this one is within them: one window over the
// child's distinct referral dates, not a search of every earlier referral.
const FLAGGED = `(
  WITH dates AS (SELECT DISTINCT person_id, referral_date FROM referral),
  previous AS (
    SELECT person_id, referral_date, lag(referral_date) OVER (PARTITION BY person_id ORDER BY referral_date) AS previous_date
    FROM dates)
  SELECT r.referral_id, r.person_id, r.referral_date, v.previous_date, coalesce(v.previous_date >= add_months(r.referral_date, -12), false) AS is_rereferral
  FROM referral r JOIN previous v ON v.person_id = r.person_id AND v.referral_date = r.referral_date)`;

export const rereferrals12mPct: Indicator = {
  id: 'rereferrals_12m_pct',
  title: 'Re-referrals within 12 months (%)',
  area: 'front_door',
  polarity: 'low',
  unit: 'percent',
  definition:
    'Referrals in the period for a child who had another referral dated in the 12 months before it, as a percentage of referrals in the period.',
  dfe: { type: 'published_pct', kind: 'c1_referrals', measure: 'rereferral_percent' },
  requires: [{ table: 'referral' }],
  lookBack: { table: 'referral', months: 12 },
  numeratorSql: countInPeriod(FLAGGED, 'referral_date', { filter: 'x.is_rereferral' }),
  denominatorSql: countInPeriod('referral', 'referral_date'),
  records: {
    counts: 'records',
    sql: listInPeriod(FLAGGED, 'referral_date', {
      table: 'referral',
      id: 'referral_id',
      numerator: 'x.is_rereferral',
      denominator: true,
      reason: `CASE WHEN x.previous_date IS NULL THEN 'no earlier referral in the extract' ELSE 'the previous referral was more than 12 months before' END`,
      details: 'x.referral_date, x.previous_date AS previous_referral_date',
    }),
  },
};
