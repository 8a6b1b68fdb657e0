import type { Indicator } from './types.ts';
import { countInPeriod } from './sql.ts';

// A referral is a re-referral when the same child had another referral dated in
// the 12 months before it: previous >= date - 12 months and previous < date.
// A second referral on the same day is not "before" (the spec's strict <).
const FLAGGED = `(
  SELECT r.referral_id, r.referral_date,
         EXISTS (SELECT 1 FROM referral q
                 WHERE q.person_id = r.person_id
                   AND q.referral_date < r.referral_date
                   AND q.referral_date >= add_months(r.referral_date, -12)) AS is_rereferral
  FROM referral r)`;

export const rereferrals12mPct: Indicator = {
  id: 'rereferrals_12m_pct',
  title: 'Re-referrals within 12 months (%)',
  area: 'front_door',
  polarity: 'low',
  unit: 'percent',
  definition:
    'Referrals in the period for a child who had another referral dated in the 12 months before it, as a percentage of referrals in the period.',
  dfeSource: 'C1 rereferral_percent',
  requires: [{ table: 'referral' }],
  numeratorSql: countInPeriod(FLAGGED, 'referral_date', { filter: 'x.is_rereferral' }),
  denominatorSql: countInPeriod('referral', 'referral_date'),
};
