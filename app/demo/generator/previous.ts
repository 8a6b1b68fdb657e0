/*
 * The demo's previous month: the same synthetic cohort as the extract taken a
 * month before (10 March 2017), so `safeguard demo` loads an earlier snapshot
 * first and its reports show what a restatement looks like (issue 16). Made
 * up, like the rest of the demo, and labelled so. As the cohort stood then:
 *
 *  - Nothing dated after 10 March 2017 had happened: a record starting later
 *    is left out, and one ending later was still open (its end blank).
 *  - A few known late recordings, recorded only after 10 March though they
 *    happened long before, so the figures of complete years move:
 *      the first LATE_REFERRALS referrals of 2015/16 that no s47 enquiry
 *      came from (an s47's referral is always there);
 *      the first plan started in 2014/15 (its reviews with it);
 *    and a record since deleted: a duplicate of the first referral of
 *    2014/15 (the same child and day under another ID, merged in April).
 *
 * 2016/17 is part-year in the earlier extract, so it is never compared: the
 * restatements the demo shows are those of 2013/14 to 2015/16. Pure and
 * deterministic: the same cohort gives the same previous month.
 */
import { generateCohort, ssdExtract, type Cohort, type GeneratedExtract } from './index.ts';

export const PREVIOUS_EXTRACT_DATE = '2017-03-10';
const LATE_REFERRALS = 3;
/** the ID the deleted duplicate referral had */
export const DUPLICATE_REFERRAL_ID = 'REF-DUP-0001';

const inFy = (date: string, year: number) => date >= `${year}-04-01` && date <= `${year + 1}-03-31`;

/** What the late recordings and the deletion are, by record ID, so a test can name them. */
export function lateRecordings(cohort: Cohort): { referrals: string[]; plan: string; duplicateOf: string } {
  const fromS47 = new Set(cohort.s47Referral.values());
  const referrals = cohort.referrals.filter((r) => inFy(r.date, 2015) && !fromS47.has(r.id)).slice(0, LATE_REFERRALS).map((r) => r.id);
  const plan = cohort.plans.find((p) => inFy(p.start, 2014))!.id;
  const duplicateOf = cohort.referrals.find((r) => inFy(r.date, 2014))!.id;
  return { referrals, plan, duplicateOf };
}

/** The cohort as the extract of PREVIOUS_EXTRACT_DATE held it (see the header). */
export function previousMonth(cohort: Cohort): Cohort {
  const asOf = PREVIOUS_EXTRACT_DATE;
  const late = lateRecordings(cohort);
  const lateReferrals = new Set(late.referrals);
  const open = (end: string | null) => (end !== null && end > asOf ? null : end);
  const referrals = cohort.referrals.filter((r) => r.date <= asOf && !lateReferrals.has(r.id)).map((r) => ({ ...r, close: open(r.close) }));
  const duplicated = referrals.findIndex((r) => r.id === late.duplicateOf);
  referrals.splice(duplicated + 1, 0, { ...referrals[duplicated]!, id: DUPLICATE_REFERRAL_ID });
  return {
    ...cohort,
    referrals,
    s47: cohort.s47.filter((s) => s.start <= asOf),
    icpc: cohort.icpc.filter((c) => c.date <= asOf),
    plans: cohort.plans
      .filter((p) => p.start <= asOf && p.id !== late.plan)
      .map((p) => ({ ...p, end: open(p.end), reviews: p.reviews.filter((d) => d <= asOf) })),
    cla: {
      episodes: cohort.cla.episodes.filter((e) => e.start <= asOf).map((e) => ({ ...e, end: open(e.end) })),
      reviews: cohort.cla.reviews.filter((r) => r.date <= asOf),
    },
    extractDate: asOf,
  };
}

/** The demo's earlier snapshot: the cohort a month earlier, as SSD CSV files. */
export function generatePreviousSsdExtract(options: { seed?: number } = {}): GeneratedExtract {
  return ssdExtract(previousMonth(generateCohort(options)));
}
