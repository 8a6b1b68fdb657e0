/*
 * Acceptance test for `safeguard changes` (issue 16): two snapshots that differ
 * by four known edits, and `changes` must find exactly those, with figures
 * that reconcile.
 *
 * The fixture is a tiny SSD extract (the demo's file names and headers), ten
 * children, extract date 2024-06-30 for both snapshots, population 10,000 in
 * every year (so a rate per 10,000 is the count itself). Two periods:
 * P1 = 2023/24 (2023-04-01..2024-03-31) and P2 = 2024-06 (the 12 months
 * 2023-07-01..2024-06-30, ending on the extract date, so not part-year).
 *
 * The children (person IDs PER-000101..110):
 *   101  referrals 2022-06-01 (closed 2022-08-01) and 2023-05-10 (closed 2023-07-20, a re-referral);
 *        s47 2023-05-11, ICPC 2023-06-12 (21 working days: late; 29 May 2023 a bank holiday);
 *        an old plan 2019-03-01..2019-09-01 and a plan 2023-06-12..2023-08-30 (a repeat, not
 *        within 2 years; ended within 3 months)
 *   102  referral 2023-08-15 (open); s47 2023-08-21, ICPC 2023-09-08 (13 wd: 28 Aug 2023 a bank
 *        holiday); plan 2023-09-08 open, reviewed 2023-12-01 (due 12-08) and 2024-05-28 (due 06-01)
 *   103  referral 2023-11-01 (NFA, closed 2024-01-15); s47 2023-11-06, no ICPC
 *        [edit c: a referral 2024-03-04, closed 2024-05-20, is added: a re-referral]
 *   104  referral 2023-12-20 (closed 2024-05-01); s47 2024-01-02, ICPC 2024-01-19 (13 wd), no plan;
 *        a short-break care episode from 2023-10-01 (V3: not looked after)
 *        [edit a: the ICPC's date is moved to 2024-01-30 (20 wd)]
 *   105  referral 2024-04-20 (open); s47 2024-04-22, ICPC 2024-05-08 (11 wd: 6 May 2024 a bank
 *        holiday); plan 2024-05-08 open (first review due 2024-08-08, after P2)
 *   106  referral 2021-10-20 (open); s47 2021-11-01, ICPC 2021-11-15; plan 2021-11-15 open (two
 *        years or more at both period ends), reviews 2022-02-10, 2022-08-01, 2023-01-25,
 *        2023-07-20, 2024-01-25 (due 2024-01-20: late in P1 and P2)
 *   107  plan 2022-05-03..2023-05-15 (reviews 2022-08-01, 2023-01-20), then plan 2023-09-01 open
 *        (a repeat within 2 years), reviewed 2023-11-28 (due 12-01) and 2024-06-10 (due 05-28:
 *        late in P2, not yet due in P1); an ICPC 2023-09-01 with no s47 linked
 *        [edit b: the first plan and its two reviews are deleted: the second is no longer a repeat]
 *   108  looked after from 2022-03-01 (two episodes, one period of care), reviews 2022-03-25,
 *        2022-06-20, 2022-12-15, 2023-06-10, 2023-12-12 (due 12-10: late in P1 and P2),
 *        2024-06-05; a review 2023-12-05 cancelled; a transfer-in conference 2023-10-10
 *   109  looked after from 2023-02-01: first review due 2023-03-01 (20 wd), held 2023-02-27;
 *        second due 2023-05-27, recorded as held 2023-07-03 (late in P1, and in P2: still
 *        outstanding on 1 July); third 2023-11-20, fourth 2024-05-15 (on time either way)
 *        [edit d: the second review's date is corrected to 2023-05-25: on time, and out of P2]
 *   110  looked after 2023-06-05..2023-10-20 (s20, V2), reviews 2023-06-30 and 2023-09-28
 *
 * Review flags (iro_consulted, sw_attended, care_plan_current), the reviews held in P1 or P2:
 *   CLAR-000704 2023-06-10 YYY   CLAR-000705 2023-12-12 YNY   CLAR-000706 2024-06-05 YYN
 *   CLAR-000712 2023-07-03 YNY   CLAR-000713 2023-11-20 NYY   CLAR-000714 2024-05-15 YYY
 *   CLAR-000721 2023-06-30 NNY   CLAR-000722 2023-09-28 YYN
 *
 * Hand-computed figures, snapshot 1 -> snapshot 2 (numerator/denominator value; rates n / 10,000).
 * In brackets, what is counted: the last three digits of the record IDs (REF-000102, S47-000202,
 * ICPC-000302, CPP-000404), or of the person IDs where the figure counts children:
 *
 *   indicator                          P1 2023/24                  P2 2024-06
 *   referrals_per_10k                  4 -> 5 (+REF-000107)        4 -> 5 (+REF-000107)
 *                                      (102,103,104,105)           (103,104,105,106)
 *   rereferrals_12m_pct                1/4 25.0 -> 2/5 40.0        0/4 0.0 -> 1/5 20.0
 *   cin_per_10k                        3 -> 4 (100,103,105 +107)   3 = 3 (100,103,106; 105 and
 *                                                                   107 closed by 30 June)
 *   s47_per_10k                        4 (202-205)                 4 (203-206)
 *   s47_to_icpc_pct                    4/4 100.0                   4/4 100.0
 *   s47_proceeded_to_icpc_pct          3/4 75.0 (204 has none)     3/4 75.0
 *   icpc_per_10k                       4 (302,303,304,306)         4 (303,304,305,306)
 *   icpc_within_15wd_pct               2/4 50.0 -> 1/4 25.0        3/4 75.0 -> 2/4 50.0
 *   cpp_per_10k                        3 (102,106,107)             4 (102,105,106,107)
 *   cpp_repeat_pct                     2/3 66.7 -> 1/3 33.3        1/3 33.3 -> 0/3 0.0
 *                                      (starts 404,405,406)        (starts 405,406,407)
 *   cpp_repeat_2y_pct                  1/3 33.3 -> 0/3 0.0         1/3 33.3 -> 0/3 0.0
 *   cpp_ceased_3m_pct                  1/2 50.0 -> 1/1 100.0       1/1 100.0 (404)
 *                                      (ended 403,404)
 *   cpp_2y_plus_pct                    1/3 33.3 (106)              1/4 25.0
 *   cpp_reviews_in_time_pct            2/3 66.7 (106 late)         1/3 33.3 (106, 107 late)
 *   cla_per_10k                        2 (108,109)                 2
 *   cla_reviews_in_time_pct            0/2 0.0 -> 1/2 50.0         0/2 0.0 -> 1/2 50.0
 *   cla_review_iro_consulted_pct       4/6 66.7                    5/6 83.3 -> 4/5 80.0
 *   cla_review_sw_attended_pct         3/6 50.0                    4/6 66.7 -> 4/5 80.0
 *   cla_review_care_plan_current_pct   5/6 83.3                    4/6 66.7 -> 3/5 60.0
 *
 * So `changes` (EXPECTED below) has 8 entries for P1 and 9 for P2, none for the other 21:
 *   (a) ICPC-000304 icpc_date 2024-01-19 -> 2024-01-30: icpc_within_15wd_pct, date_changed -1/0,
 *       both periods; icpc_per_10k and the s47 ratios do not move (same periods).
 *   (b) CPP-000403 (and CPR-000503, CPR-000505) deleted: record_removed. cpp_repeat_pct and
 *       cpp_repeat_2y_pct -1/0 in both periods: CPP-000405's own row is identical, so its lost
 *       repeat status is attributed to the earlier plan that went; cpp_ceased_3m_pct 0/-1 in P1
 *       only (it ended 2023-05-15, before P2). Not open at either period end: cpp_per_10k,
 *       cpp_2y_plus_pct and cpp_reviews_in_time_pct do not move.
 *   (c) REF-000107 added: new_record. referrals_per_10k +1/null and rereferrals_12m_pct +1/+1 in
 *       both periods; cin_per_10k +1/null in P1 only.
 *   (d) CLAR-000712 review_date 2023-07-03 -> 2023-05-25: date_changed. cla_reviews_in_time_pct
 *       +1/0 in both periods (child 109, whose own row is unchanged); in P2 the review leaves the
 *       period: iro -1/-1, sw 0/-1, care plan -1/-1. In P1 it stays in: the review percentages
 *       do not move.
 *
 * The edits also shift the line numbers of the rows after them (a deleted plan above the plan
 * whose status it changes, a referral inserted mid-file): a row is the same row by its ID, and
 * where it sits in the file is not a change.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENSITIVE_HEADING } from './snapshots.ts';
import { runCli } from '../../test-support/cli.ts';

const P1 = '2023/24';
const P2 = '2024-06';
const EXTRACT_DATE = '2024-06-30';

type Rows = string[];

/** The extract, before (edited = false) or after the four edits. */
function extract(edited: boolean): Record<string, string> {
  const person: Rows = [];
  for (let i = 101; i <= 110; i++) person.push(`PER-000${i},201${i % 10}-0${(i % 9) + 1}-15,${i % 2 ? 'F' : 'M'}`);
  const referrals: Rows = [
    'REF-000100,PER-000106,2021-10-20,,N',
    'REF-000101,PER-000101,2022-06-01,2022-08-01,N',
    'REF-000102,PER-000101,2023-05-10,2023-07-20,N',
    'REF-000103,PER-000102,2023-08-15,,N',
    'REF-000104,PER-000103,2023-11-01,2024-01-15,Y',
    // (c) a referral added: the case system's export puts it in the middle of the file
    ...(edited ? ['REF-000107,PER-000103,2024-03-04,2024-05-20,N'] : []),
    'REF-000105,PER-000104,2023-12-20,2024-05-01,N',
    'REF-000106,PER-000105,2024-04-20,,N',
  ];
  const s47: Rows = [
    'S47-000201,PER-000106,2021-11-01,REF-000100',
    'S47-000202,PER-000101,2023-05-11,REF-000102',
    'S47-000203,PER-000102,2023-08-21,REF-000103',
    'S47-000204,PER-000103,2023-11-06,REF-000104',
    'S47-000205,PER-000104,2024-01-02,REF-000105',
    'S47-000206,PER-000105,2024-04-22,REF-000106',
  ];
  const icpc: Rows = [
    'ICPC-000301,PER-000106,2021-11-15,S47-000201,N',
    'ICPC-000302,PER-000101,2023-06-12,S47-000202,N',
    'ICPC-000303,PER-000102,2023-09-08,S47-000203,N',
    // (a) the ICPC's date moved from 13 to 20 working days after its s47 started
    `ICPC-000304,PER-000104,${edited ? '2024-01-30' : '2024-01-19'},S47-000205,N`,
    'ICPC-000305,PER-000105,2024-05-08,S47-000206,N',
    'ICPC-000306,PER-000107,2023-09-01,,N',
    'ICPC-000307,PER-000108,2023-10-10,,Y',
  ];
  const plans: Rows = [
    'CPP-000401,PER-000101,2019-03-01,2019-09-01,NEG',
    'CPP-000402,PER-000106,2021-11-15,,EMO',
    // (b) this plan is deleted, with its reviews
    ...(edited ? [] : ['CPP-000403,PER-000107,2022-05-03,2023-05-15,NEG']),
    'CPP-000404,PER-000101,2023-06-12,2023-08-30,PHY',
    'CPP-000405,PER-000107,2023-09-01,,NEG',
    'CPP-000406,PER-000102,2023-09-08,,EMO',
    'CPP-000407,PER-000105,2024-05-08,,SAB',
  ];
  const cpReviews: Rows = [
    'CPR-000501,CPP-000402,2022-02-10,PER-000106',
    'CPR-000502,CPP-000402,2022-08-01,PER-000106',
    ...(edited ? [] : ['CPR-000503,CPP-000403,2022-08-01,PER-000107']),
    'CPR-000504,CPP-000402,2023-01-25,PER-000106',
    ...(edited ? [] : ['CPR-000505,CPP-000403,2023-01-20,PER-000107']),
    'CPR-000506,CPP-000402,2023-07-20,PER-000106',
    'CPR-000507,CPP-000405,2023-11-28,PER-000107',
    'CPR-000508,CPP-000406,2023-12-01,PER-000102',
    'CPR-000509,CPP-000402,2024-01-25,PER-000106',
    'CPR-000510,CPP-000406,2024-05-28,PER-000102',
    'CPR-000511,CPP-000405,2024-06-10,PER-000107',
  ];
  const episodes: Rows = [
    'CLAE-000601,PER-000108,2022-03-01,2023-01-10,POC-000801,C2',
    'CLAE-000602,PER-000108,2023-01-10,,POC-000801,C2',
    'CLAE-000603,PER-000109,2023-02-01,,POC-000901,C2',
    'CLAE-000604,PER-000110,2023-06-05,2023-10-20,POC-001001,V2',
    'CLAE-000605,PER-000104,2023-10-01,,POC-000401,V3',
  ];
  const claReviews: Rows = [
    'CLAR-000701,POC-000801,PER-000108,2022-03-25,N,Y,Y,Y',
    'CLAR-000702,POC-000801,PER-000108,2022-06-20,N,Y,Y,Y',
    'CLAR-000703,POC-000801,PER-000108,2022-12-15,N,Y,Y,Y',
    'CLAR-000711,POC-000901,PER-000109,2023-02-27,N,Y,Y,Y',
    'CLAR-000704,POC-000801,PER-000108,2023-06-10,N,Y,Y,Y',
    // (d) the review date corrected
    `CLAR-000712,POC-000901,PER-000109,${edited ? '2023-05-25' : '2023-07-03'},N,Y,N,Y`,
    'CLAR-000721,POC-001001,PER-000110,2023-06-30,N,N,N,Y',
    'CLAR-000722,POC-001001,PER-000110,2023-09-28,N,Y,Y,N',
    'CLAR-000713,POC-000901,PER-000109,2023-11-20,N,N,Y,Y',
    'CLAR-000709,POC-000801,PER-000108,2023-12-05,Y,,,',
    'CLAR-000705,POC-000801,PER-000108,2023-12-12,N,Y,N,Y',
    'CLAR-000714,POC-000901,PER-000109,2024-05-15,N,Y,Y,Y',
    'CLAR-000706,POC-000801,PER-000108,2024-06-05,N,Y,Y,N',
  ];
  const population: Rows = [];
  for (let y = 2015; y <= 2025; y++) population.push(`${y},10000`);
  const file = (header: string, rows: Rows) => `${header}\n${rows.join('\n')}\n`;
  return {
    'population.csv': file('year,population', population),
    'ssd_person.csv': file('pers_person_id,pers_dob,pers_sex', person),
    'ssd_cin_episodes.csv': file('cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa', referrals),
    'ssd_s47_enquiry.csv': file('s47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date,s47e_referral_id', s47),
    'ssd_initial_cp_conference.csv': file('icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in', icpc),
    'ssd_cp_plans.csv': file('cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category', plans),
    'ssd_cp_reviews.csv': file('cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date,cppr_person_id', cpReviews),
    'ssd_cla_episodes.csv': file(
      'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status',
      episodes,
    ),
    'ssd_cla_reviews.csv': file(
      'clar_cla_review_id,clar_cla_id,clar_cla_person_id,clar_cla_review_date,clar_cla_review_cancelled,clar_iro_consulted,clar_sw_attended,clar_care_plan_current',
      claReviews,
    ),
  };
}

/** Every identifier in either extract: none may appear in output without --reveal-ids. */
function rawIds(): string[] {
  const ids = new Set<string>();
  for (const edited of [false, true]) {
    for (const [name, text] of Object.entries(extract(edited))) {
      if (name === 'population.csv') continue;
      for (const m of text.matchAll(/\b(?:PER|REF|S47|ICPC|CPP|CPR|CLAE|CLAR|POC)-\d{6}\b/g)) ids.add(m[0]);
    }
  }
  return [...ids];
}

function writeExtract(dir: string, files: Record<string, string>): string {
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface Counts {
  numerator: number;
  denominator: number;
  value: number;
}
const pct = (numerator: number, denominator: number, value: number): Counts => ({ numerator, denominator, value });
const rate = (n: number): Counts => ({ numerator: n, denominator: 10000, value: n });

/** The hand-computed figures (the table above): [snapshot 1, snapshot 2] for each indicator and period. */
const HAND: Record<string, Record<string, [Counts, Counts]>> = {
  referrals_per_10k: { [P1]: [rate(4), rate(5)], [P2]: [rate(4), rate(5)] },
  rereferrals_12m_pct: { [P1]: [pct(1, 4, 25), pct(2, 5, 40)], [P2]: [pct(0, 4, 0), pct(1, 5, 20)] },
  cin_per_10k: { [P1]: [rate(3), rate(4)], [P2]: [rate(3), rate(3)] },
  s47_per_10k: { [P1]: [rate(4), rate(4)], [P2]: [rate(4), rate(4)] },
  s47_to_icpc_pct: { [P1]: [pct(4, 4, 100), pct(4, 4, 100)], [P2]: [pct(4, 4, 100), pct(4, 4, 100)] },
  s47_proceeded_to_icpc_pct: { [P1]: [pct(3, 4, 75), pct(3, 4, 75)], [P2]: [pct(3, 4, 75), pct(3, 4, 75)] },
  icpc_per_10k: { [P1]: [rate(4), rate(4)], [P2]: [rate(4), rate(4)] },
  icpc_within_15wd_pct: { [P1]: [pct(2, 4, 50), pct(1, 4, 25)], [P2]: [pct(3, 4, 75), pct(2, 4, 50)] },
  cpp_per_10k: { [P1]: [rate(3), rate(3)], [P2]: [rate(4), rate(4)] },
  cpp_repeat_pct: { [P1]: [pct(2, 3, 66.7), pct(1, 3, 33.3)], [P2]: [pct(1, 3, 33.3), pct(0, 3, 0)] },
  cpp_repeat_2y_pct: { [P1]: [pct(1, 3, 33.3), pct(0, 3, 0)], [P2]: [pct(1, 3, 33.3), pct(0, 3, 0)] },
  cpp_ceased_3m_pct: { [P1]: [pct(1, 2, 50), pct(1, 1, 100)], [P2]: [pct(1, 1, 100), pct(1, 1, 100)] },
  cpp_2y_plus_pct: { [P1]: [pct(1, 3, 33.3), pct(1, 3, 33.3)], [P2]: [pct(1, 4, 25), pct(1, 4, 25)] },
  cpp_reviews_in_time_pct: { [P1]: [pct(2, 3, 66.7), pct(2, 3, 66.7)], [P2]: [pct(1, 3, 33.3), pct(1, 3, 33.3)] },
  cla_per_10k: { [P1]: [rate(2), rate(2)], [P2]: [rate(2), rate(2)] },
  cla_reviews_in_time_pct: { [P1]: [pct(0, 2, 0), pct(1, 2, 50)], [P2]: [pct(0, 2, 0), pct(1, 2, 50)] },
  cla_review_iro_consulted_pct: { [P1]: [pct(4, 6, 66.7), pct(4, 6, 66.7)], [P2]: [pct(5, 6, 83.3), pct(4, 5, 80)] },
  cla_review_sw_attended_pct: { [P1]: [pct(3, 6, 50), pct(3, 6, 50)], [P2]: [pct(4, 6, 66.7), pct(4, 5, 80)] },
  cla_review_care_plan_current_pct: { [P1]: [pct(5, 6, 83.3), pct(5, 6, 83.3)], [P2]: [pct(4, 6, 66.7), pct(3, 5, 60)] },
};

type Kind = 'new_record' | 'record_removed' | 'date_changed' | 'status_changed';
interface Delta {
  numerator: number;
  /** null for a rate: its denominator is the population, not records */
  denominator: number | null;
}
interface Rec extends Delta {
  kind: Kind;
  table: string;
  record_id: string;
  field: string | null;
  was: string | null;
  now: string | null;
}
interface Entry {
  indicator: string;
  period: string;
  from: Counts;
  to: Counts;
  kinds: Partial<Record<Kind, Delta>>;
  records: Rec[];
}

const added = (numerator: number, denominator: number | null): Rec => ({
  kind: 'new_record', table: 'referral', record_id: 'REF-000107', numerator, denominator, field: null, was: null, now: null,
});
const planGone = (numerator: number, denominator: number): Rec => ({
  kind: 'record_removed', table: 'cp_plan', record_id: 'CPP-000403', numerator, denominator, field: null, was: null, now: null,
});
const icpcMoved = (numerator: number): Rec => ({
  kind: 'date_changed', table: 'icpc', record_id: 'ICPC-000304', numerator, denominator: 0, field: 'icpc_date', was: '2024-01-19', now: '2024-01-30',
});
const reviewCorrected = (numerator: number, denominator: number): Rec => ({
  kind: 'date_changed', table: 'cla_review', record_id: 'CLAR-000712', numerator, denominator, field: 'review_date', was: '2023-07-03', now: '2023-05-25',
});

/** One entry: its figures from HAND, its kinds summed from its records. */
function entry(indicator: string, period: string, records: Rec[]): Entry {
  const [from, to] = HAND[indicator]![period]!;
  const kinds: Partial<Record<Kind, Delta>> = {};
  for (const r of records) {
    const k = (kinds[r.kind] ??= { numerator: 0, denominator: r.denominator === null ? null : 0 });
    k.numerator += r.numerator;
    if (k.denominator !== null) k.denominator += r.denominator!;
  }
  return { indicator, period, from, to, kinds, records };
}

/** What `changes --from 1 --to 2 --period 2023/24 --period 2024-06` must find: the working-out is at the top. */
const EXPECTED: Entry[] = [
  entry('referrals_per_10k', P1, [added(1, null)]),
  entry('rereferrals_12m_pct', P1, [added(1, 1)]),
  entry('cin_per_10k', P1, [added(1, null)]),
  entry('icpc_within_15wd_pct', P1, [icpcMoved(-1)]),
  entry('cpp_repeat_pct', P1, [planGone(-1, 0)]),
  entry('cpp_repeat_2y_pct', P1, [planGone(-1, 0)]),
  entry('cpp_ceased_3m_pct', P1, [planGone(0, -1)]),
  entry('cla_reviews_in_time_pct', P1, [reviewCorrected(1, 0)]),

  entry('referrals_per_10k', P2, [added(1, null)]),
  entry('rereferrals_12m_pct', P2, [added(1, 1)]),
  entry('icpc_within_15wd_pct', P2, [icpcMoved(-1)]),
  entry('cpp_repeat_pct', P2, [planGone(-1, 0)]),
  entry('cpp_repeat_2y_pct', P2, [planGone(-1, 0)]),
  entry('cla_reviews_in_time_pct', P2, [reviewCorrected(1, 0)]),
  entry('cla_review_iro_consulted_pct', P2, [reviewCorrected(-1, -1)]),
  entry('cla_review_sw_attended_pct', P2, [reviewCorrected(0, -1)]),
  entry('cla_review_care_plan_current_pct', P2, [reviewCorrected(-1, -1)]),
];

/** The same edits seen from snapshot 2 back to snapshot 1: an added record is one removed, a date's was and now swap. */
function reversed(e: Entry): Entry {
  const negate = (n: number) => (n === 0 ? 0 : -n); // not -0: JSON prints it as 0
  const flip: Record<Kind, Kind> = { new_record: 'record_removed', record_removed: 'new_record', date_changed: 'date_changed', status_changed: 'status_changed' };
  const records = e.records.map((r) => ({
    ...r,
    kind: flip[r.kind],
    numerator: negate(r.numerator),
    denominator: r.denominator === null ? null : negate(r.denominator),
    was: r.now,
    now: r.was,
  }));
  const [from, to] = HAND[e.indicator]![e.period]!;
  return { ...entry(e.indicator, e.period, records), from: to, to: from };
}

const key = (e: { indicator: string; period: string }) => `${e.period} ${e.indicator}`;
const byKey = <T extends { indicator: string; period: string }>(list: T[]): T[] => [...list].sort((a, b) => key(a).localeCompare(key(b)));

/** An entry as printed, cut to what the contract fixes (without its records). */
function figures(e: Entry): Omit<Entry, 'records'> {
  const counts = (c: Counts): Counts => ({ numerator: c.numerator, denominator: c.denominator, value: c.value });
  return { indicator: e.indicator, period: e.period, from: counts(e.from), to: counts(e.to), kinds: e.kinds };
}

function record(r: Rec): Rec {
  return {
    kind: r.kind, table: r.table, record_id: r.record_id, numerator: r.numerator, denominator: r.denominator,
    field: r.field ?? null, was: r.was ?? null, now: r.now ?? null,
  };
}

interface ChangesDoc {
  from: { id: string; extracted_at: string };
  to: { id: string; extracted_at: string };
  changes: Entry[];
}

async function changes(...args: string[]): Promise<{ code: number; out: string; err: string; doc: ChangesDoc }> {
  const r = await runCli('changes', '--db', db, '--period', P1, '--period', P2, '--format', 'json', ...args);
  expect(r.code, r.err).toBe(0);
  return { ...r, doc: JSON.parse(r.out) as ChangesDoc };
}

function expectReconciled(e: Entry): void {
  const what = key(e);
  const kinds = Object.entries(e.kinds) as [Kind, Delta][];
  expect(kinds.length, what).toBeGreaterThan(0);
  for (const [kind, d] of kinds) {
    expect(['new_record', 'record_removed', 'date_changed', 'status_changed'], what).toContain(kind);
    expect(d.numerator !== 0 || (d.denominator ?? 0) !== 0, `${what}: ${kind} is listed with no change`).toBe(true);
  }
  expect(e.from.numerator + kinds.reduce((n, [, d]) => n + d.numerator, 0), `${what}: numerator`).toBe(e.to.numerator);
  if (e.indicator.endsWith('_per_10k')) {
    for (const [kind, d] of kinds) expect(d.denominator, `${what}: ${kind}: a rate's denominator is the population`).toBeNull();
    expect(e.to.denominator, `${what}: the population`).toBe(e.from.denominator);
  } else {
    expect(e.from.denominator + kinds.reduce((n, [, d]) => n + d.denominator!, 0), `${what}: denominator`).toBe(e.to.denominator);
  }
  expect(
    e.from.numerator !== e.to.numerator || e.from.denominator !== e.to.denominator || e.from.value !== e.to.value,
    `${what} is listed but did not move`,
  ).toBe(true);
}

/** With --records: each kind's counts are the sum of its records'. */
function expectRecordsAddUp(e: Entry): void {
  const sums: Partial<Record<Kind, Delta>> = {};
  for (const r of e.records) {
    const s = (sums[r.kind] ??= { numerator: 0, denominator: r.denominator === null ? null : 0 });
    s.numerator += r.numerator;
    if (s.denominator !== null && r.denominator !== null) s.denominator += r.denominator;
  }
  expect(sums, `${key(e)}: records by kind`).toEqual(e.kinds);
}

let dir: string;
let db: string;
const ids: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-changes-'));
  db = join(dir, 'db.duckdb');
  for (const edited of [false, true]) {
    const folder = writeExtract(join(dir, edited ? 'after' : 'before'), extract(edited));
    const r = await runCli('ingest', folder, '--db', db, '--la', '359', '--extract-date', EXTRACT_DATE);
    expect(r.code, r.err).toBe(0);
    const current = await runCli('indicators', '--db', db, '--period', P1, '--format', 'json');
    ids.push(JSON.parse(current.out).snapshot.id);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the fixture: `indicators` gives the hand-computed figures for each snapshot', () => {
  it('every indicator, both periods, both snapshots', async () => {
    expect(new Set(ids).size).toBe(2);
    for (const [s, id] of ids.entries()) {
      const r = await runCli('indicators', '--db', db, '--snapshot', id, '--period', P1, '--period', P2, '--format', 'json');
      expect(r.code, r.err).toBe(0);
      const results = JSON.parse(r.out).results as { indicator: string; period: string; numerator: number; denominator: number; value: number; notes: string[] }[];
      const got: Record<string, Record<string, Counts>> = {};
      for (const x of results) (got[x.indicator] ??= {})[x.period] = { numerator: x.numerator, denominator: x.denominator, value: x.value };
      const want: Record<string, Record<string, Counts>> = {};
      for (const [indicator, periods] of Object.entries(HAND)) {
        for (const [period, pair] of Object.entries(periods)) (want[indicator] ??= {})[period] = pair[s]!;
      }
      expect(got, `snapshot ${s + 1}`).toEqual(want);
      // every figure has a value: no table missing, none short of coverage
      for (const x of results) expect(x.notes.filter((n) => n.startsWith('no value')), `${x.indicator} ${x.period}`).toEqual([]);
    }
  });
});

describe('the expected changes are the figures that moved', () => {
  it('EXPECTED lists exactly the (indicator, period) whose hand figures differ, and each reconciles', () => {
    const moved = Object.entries(HAND).flatMap(([indicator, periods]) =>
      Object.entries(periods)
        .filter(([, [a, b]]) => a.numerator !== b.numerator || a.denominator !== b.denominator || a.value !== b.value)
        .map(([period]) => `${period} ${indicator}`),
    );
    expect(EXPECTED.map(key).sort()).toEqual(moved.sort());
    for (const e of EXPECTED) {
      expectReconciled(e);
      expectRecordsAddUp(e);
    }
  });
});

describe('safeguard changes between the two snapshots', () => {
  it('names the two snapshots and lists exactly the entries that moved, with their kinds, and no records unless asked', async () => {
    const { doc } = await changes('--from', ids[0]!, '--to', ids[1]!);
    expect(doc.from).toEqual({ id: ids[0], extracted_at: EXTRACT_DATE });
    expect(doc.to).toEqual({ id: ids[1], extracted_at: EXTRACT_DATE });
    expect(byKey(doc.changes).map(figures)).toEqual(byKey(EXPECTED).map(figures));
    for (const e of doc.changes) expect(e, key(e)).not.toHaveProperty('records');
  });

  it('every entry reconciles: from + the kinds = to', async () => {
    const { doc } = await changes('--from', ids[0]!, '--to', ids[1]!);
    expect(doc.changes.length).toBeGreaterThan(0);
    for (const e of doc.changes) expectReconciled(e);
  });

  it('with --records --reveal-ids, the records that moved each figure: the four edits and nothing else', async () => {
    const { doc } = await changes('--from', ids[0]!, '--to', ids[1]!, '--records', '--reveal-ids');
    const got = byKey(doc.changes);
    const want = byKey(EXPECTED);
    expect(got.map(figures)).toEqual(want.map(figures));
    for (const [i, e] of got.entries()) {
      expect(e.records.map(record), key(e)).toEqual(want[i]!.records);
      expectRecordsAddUp(e);
    }
  });

  it('without --reveal-ids, records are pseudonymous: no identifier from either extract appears, and one record has one pseudonym', async () => {
    const shown = await changes('--from', ids[0]!, '--to', ids[1]!, '--records');
    for (const id of rawIds()) expect(shown.out, id).not.toContain(id);
    const revealed = byKey((await changes('--from', ids[0]!, '--to', ids[1]!, '--records', '--reveal-ids')).doc.changes);
    const got = byKey(shown.doc.changes);
    expect(got.map(figures)).toEqual(revealed.map(figures));
    const pseudonymOf = new Map<string, string>();
    for (const [i, e] of got.entries()) {
      expect(e.records.length, key(e)).toBe(revealed[i]!.records.length);
      for (const [j, r] of e.records.entries()) {
        const real = revealed[i]!.records[j]!;
        // all but the ID as with --reveal-ids
        expect({ ...record(r), record_id: '' }, key(e)).toEqual({ ...record(real), record_id: '' });
        expect(r.record_id, key(e)).not.toBe(real.record_id);
        expect(r.record_id.length, key(e)).toBeGreaterThan(0);
        const seen = pseudonymOf.get(real.record_id);
        if (seen === undefined) pseudonymOf.set(real.record_id, r.record_id);
        else expect(r.record_id, `${real.record_id} in ${key(e)}`).toBe(seen);
      }
    }
    // four records changed, four pseudonyms
    expect(new Set(pseudonymOf.values()).size).toBe(pseudonymOf.size);
    expect([...pseudonymOf.keys()].sort()).toEqual(['CLAR-000712', 'CPP-000403', 'ICPC-000304', 'REF-000107']);
  });

  it('from the later snapshot back to the earlier, the same edits the other way round', async () => {
    const { doc } = await changes('--from', ids[1]!, '--to', ids[0]!, '--records', '--reveal-ids');
    expect(doc.from.id).toBe(ids[1]);
    expect(doc.to.id).toBe(ids[0]);
    const got = byKey(doc.changes);
    const want = byKey(EXPECTED.map(reversed));
    expect(got.map(figures)).toEqual(want.map(figures));
    for (const [i, e] of got.entries()) {
      expectReconciled(e);
      expect(e.records.map(record), key(e)).toEqual(want[i]!.records);
    }
  });

  it('CSV: headed OFFICIAL-SENSITIVE when it lists records, not when it lists only figures', async () => {
    const csv = (...args: string[]) => runCli('changes', '--db', db, '--from', ids[0]!, '--to', ids[1]!, '--period', P1, '--period', P2, '--format', 'csv', ...args);
    const figuresOnly = await csv();
    expect(figuresOnly.code, figuresOnly.err).toBe(0);
    expect(figuresOnly.out.split('\n')[0]).not.toMatch(/OFFICIAL-SENSITIVE/);
    expect(figuresOnly.out).toContain('icpc_within_15wd_pct');
    const withRecords = await csv('--records');
    expect(withRecords.code, withRecords.err).toBe(0);
    expect(withRecords.out.split('\n')[0]!.replace(/^"|"$/g, '')).toBe(SENSITIVE_HEADING);
    for (const id of rawIds()) expect(withRecords.out, id).not.toContain(id);
    const revealed = await csv('--records', '--reveal-ids');
    expect(revealed.out.split('\n')[0]!.replace(/^"|"$/g, '')).toBe(SENSITIVE_HEADING);
    for (const id of ['REF-000107', 'CPP-000403', 'ICPC-000304', 'CLAR-000712']) expect(revealed.out).toContain(id);
  });
});

describe('safeguard changes with one snapshot', () => {
  it('exits 2: there is nothing to compare', async () => {
    const only = join(dir, 'one.duckdb');
    const folder = writeExtract(join(dir, 'only'), extract(false));
    expect((await runCli('ingest', folder, '--db', only, '--la', '359', '--extract-date', EXTRACT_DATE)).code).toBe(0);
    const r = await runCli('changes', '--db', only, '--period', P1, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to compare/i);
    expect(r.out).toBe('');
  });
});

describe('safeguard changes, what it will not compare', () => {
  it('exits 2 for two snapshots of different LAs', async () => {
    const two = join(dir, 'two-las.duckdb');
    const folder = writeExtract(join(dir, 'two-las'), extract(false));
    expect((await runCli('ingest', folder, '--db', two, '--la', '359', '--extract-date', EXTRACT_DATE)).code).toBe(0);
    expect((await runCli('ingest', folder, '--db', two, '--la', '350', '--extract-date', EXTRACT_DATE)).code).toBe(0);
    // by default the latest is compared with the last of its own LA: there is none
    const r = await runCli('changes', '--db', two, '--period', P1);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to compare: no snapshot of the same LA was loaded before/);
    expect(r.out).toBe('');
    // named, they are refused
    const list = (await runCli('snapshots', 'list', '--db', two)).out.match(/\b[0-9a-f]{16}\b/g)!;
    const named = await runCli('changes', '--db', two, '--from', list[0]!, '--to', list[1]!, '--period', P1);
    expect(named.code).toBe(2);
    expect(named.err).toMatch(/different LAs/);
  });

  it('says in the table that a part-year period was not compared, rather than that nothing moved', async () => {
    // 2024/25 runs past the extract date in both snapshots: part-year, not compared
    const r = await runCli('changes', '--db', db, '--from', ids[0]!, '--to', ids[1]!, '--period', '2024/25');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('No figure compared has moved.');
    expect(r.out).toMatch(/Note: not compared: 2024\/25, part-year/);
    expect(r.out).not.toContain('No figure moved.');
  });

  it('--reveal-ids without --records is bad usage', async () => {
    const r = await runCli('changes', '--db', db, '--from', ids[0]!, '--to', ids[1]!, '--period', P1, '--reveal-ids');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--reveal-ids goes with --records/);
  });
});

describe('safeguard changes --records, the record counted', () => {
  it('names the counted record where the change was in another of the child’s records', async () => {
    const r = await runCli('changes', '--db', db, '--from', ids[0]!, '--to', ids[1]!, '--period', P1, '--format', 'csv', '--records', '--reveal-ids');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[1]).toBe('indicator,period,kind,table,record_id,child,numerator,denominator,field,was,now,counted_record');
    // CPP-000405 stopped being a repeat because CPP-000403, the child's earlier plan, was deleted
    expect(lines.find((l) => l.startsWith('cpp_repeat_pct,'))).toMatch(/^cpp_repeat_pct,2023\/24,record_removed,cp_plan,CPP-000403,[^,]+,-1,0,,,,cp_plan CPP-000405$/);
    // the ICPC whose own date moved is its own counted record
    expect(lines.find((l) => l.startsWith('icpc_within_15wd_pct,'))).toMatch(/,date_changed,icpc,ICPC-000304,[^,]+,-1,0,icpc_date,2024-01-19,2024-01-30,$/);
  });
});

describe('safeguard changes, a record the later extract holds but could not use', () => {
  it('shows it as removed, and says the later snapshot quarantined rows of that table', async () => {
    const q = join(dir, 'quarantined.duckdb');
    const before = extract(false);
    // the same extract, with ICPC-000304 given a child the person file does not hold: quarantined at ingest
    const after = { ...before, 'ssd_initial_cp_conference.csv': before['ssd_initial_cp_conference.csv']!.replace('ICPC-000304,PER-000104,', 'ICPC-000304,PER-999999,') };
    expect(after['ssd_initial_cp_conference.csv']).not.toBe(before['ssd_initial_cp_conference.csv']);
    expect((await runCli('ingest', writeExtract(join(dir, 'q1'), before), '--db', q, '--la', '359', '--extract-date', EXTRACT_DATE)).code).toBe(0);
    expect((await runCli('ingest', writeExtract(join(dir, 'q2'), after), '--db', q, '--la', '359', '--extract-date', EXTRACT_DATE)).code).toBe(0);
    const r = await runCli('changes', '--db', q, '--period', P1);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/icpc_per_10k +2023\/24 .* -1/);
    expect(r.out).toMatch(/Note: snapshot [0-9a-f]+ quarantined 1 row\(s\) of icpc: a record shown as removed may be one it could not use/);
  });
});
