/*
 * The demo's previous month (previous.ts): the same cohort as it stood on
 * 10 March 2017, with the known late recordings missing and the deleted
 * duplicate still there. What the demo's reports then show is tested on the
 * demo itself (app/commands/consistency.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { generateCohort, generateSsdExtract } from './index.ts';
import { DUPLICATE_REFERRAL_ID, generatePreviousSsdExtract, lateRecordings, PREVIOUS_EXTRACT_DATE, previousMonth } from './previous.ts';

const cohort = generateCohort();
const before = previousMonth(cohort);
const late = lateRecordings(cohort);

describe('previousMonth', () => {
  it('is deterministic, and leaves the cohort it is given alone', () => {
    expect(generatePreviousSsdExtract()).toEqual(generatePreviousSsdExtract());
    expect(generateCohort()).toEqual(cohort);
    expect(generatePreviousSsdExtract().extractDate).toBe('2017-03-10');
    expect(generateSsdExtract().extractDate).toBe('2017-04-10');
  });

  it('holds nothing dated after its extract date: later records left out, later ends still open', () => {
    const after = (d: string | null) => d !== null && d > PREVIOUS_EXTRACT_DATE;
    expect(before.referrals.some((r) => after(r.date) || after(r.close))).toBe(false);
    expect(before.s47.some((s) => after(s.start))).toBe(false);
    expect(before.icpc.some((c) => after(c.date))).toBe(false);
    expect(before.plans.some((p) => after(p.start) || after(p.end) || p.reviews.some(after))).toBe(false);
    expect(before.cla.episodes.some((e) => after(e.start) || after(e.end))).toBe(false);
    expect(before.cla.reviews.some((r) => after(r.date))).toBe(false);
    // a plan open on 10 March and ended since was open then
    const endedSince = cohort.plans.find((p) => p.start <= PREVIOUS_EXTRACT_DATE && after(p.end))!;
    expect(before.plans.find((p) => p.id === endedSince.id)!.end).toBeNull();
  });

  it('lacks the known late recordings and holds the deleted duplicate', () => {
    expect(late.referrals).toHaveLength(3);
    for (const id of late.referrals) {
      expect(cohort.referrals.find((r) => r.id === id)!.date >= '2015-04-01').toBe(true);
      expect(before.referrals.some((r) => r.id === id)).toBe(false);
    }
    // no s47 enquiry came from a late referral: every s47's referral is in both
    expect([...cohort.s47Referral.values()].filter((id) => late.referrals.includes(id))).toEqual([]);
    expect(before.plans.some((p) => p.id === late.plan)).toBe(false);
    expect(cohort.plans.find((p) => p.id === late.plan)!.start.slice(0, 4)).toMatch(/^201[45]$/);
    const original = before.referrals.find((r) => r.id === late.duplicateOf)!;
    expect(before.referrals.find((r) => r.id === DUPLICATE_REFERRAL_ID)).toEqual({ ...original, id: DUPLICATE_REFERRAL_ID });
    expect(cohort.referrals.some((r) => r.id === DUPLICATE_REFERRAL_ID)).toBe(false);
  });
});
