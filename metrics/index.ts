/*
 * The ordered registry of indicators: the order of indicators.md, which is the
 * order of every table and report. Adding an indicator: write its module, add
 * one line here, add its golden tests (see metrics/README.md). The registry is
 * checked when loaded, so a duplicate id or a malformed declaration fails at
 * start-up and in every test run, not in a board paper.
 */
import type { Indicator } from './types.ts';
import { referralsPer10k } from './referrals_per_10k.ts';
import { rereferrals12mPct } from './rereferrals_12m_pct.ts';
import { cinPer10k } from './cin_per_10k.ts';
import { s47Per10k } from './s47_per_10k.ts';
import { s47ToIcpcPct } from './s47_to_icpc_pct.ts';
import { s47ProceededToIcpcPct } from './s47_proceeded_to_icpc_pct.ts';
import { icpcPer10k } from './icpc_per_10k.ts';
import { icpcWithin15wdPct } from './icpc_within_15wd_pct.ts';
import { cppPer10k } from './cpp_per_10k.ts';
import { cppRepeatPct } from './cpp_repeat_pct.ts';
import { cppRepeat2yPct } from './cpp_repeat_2y_pct.ts';
import { cppCeased3mPct } from './cpp_ceased_3m_pct.ts';
import { cpp2yPlusPct } from './cpp_2y_plus_pct.ts';
import { cppReviewsInTimePct } from './cpp_reviews_in_time_pct.ts';
import { claPer10k } from './cla_per_10k.ts';
import { claReviewsInTimePct } from './cla_reviews_in_time_pct.ts';
import { claReviewIroConsultedPct } from './cla_review_iro_consulted_pct.ts';
import { claReviewSwAttendedPct } from './cla_review_sw_attended_pct.ts';
import { claReviewCarePlanCurrentPct } from './cla_review_care_plan_current_pct.ts';

export const INDICATORS: readonly Indicator[] = checkRegistry([
  referralsPer10k,
  rereferrals12mPct,
  cinPer10k,
  s47Per10k,
  s47ToIcpcPct,
  s47ProceededToIcpcPct,
  icpcPer10k,
  icpcWithin15wdPct,
  cppPer10k,
  cppRepeatPct,
  cppRepeat2yPct,
  cppCeased3mPct,
  cpp2yPlusPct,
  cppReviewsInTimePct,
  claPer10k,
  claReviewsInTimePct,
  claReviewIroConsultedPct,
  claReviewSwAttendedPct,
  claReviewCarePlanCurrentPct,
]);

export function findIndicator(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}

/** Every problem with the registry at once, not the first. */
export function registryProblems(list: readonly Indicator[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const i of list) {
    if (!/^[a-z0-9_]+$/.test(i.id)) problems.push(`${i.id}: ids are lower_snake_case`);
    if (seen.has(i.id)) problems.push(`${i.id}: declared twice`);
    seen.add(i.id);
    if (!i.title.trim()) problems.push(`${i.id}: no title`);
    if (!i.definition.trim()) problems.push(`${i.id}: no definition`);
    if (i.requires.length === 0) problems.push(`${i.id}: requires no table`);
    if (i.unit === 'per_10k' && i.denominatorSql !== 'population') problems.push(`${i.id}: a rate per 10,000 divides by the population`);
    if (i.unit === 'percent' && i.denominatorSql === 'population') problems.push(`${i.id}: a percentage does not divide by the population`);
    // the comparator must be the same kind of figure as ours: a rate beside a percentage is a wrong figure in a board paper
    if (i.dfe && (i.unit === 'per_10k') !== (i.dfe.type === 'rate' || i.dfe.type === 'own_rate')) problems.push(`${i.id}: its DfE formula (${i.dfe.type}) is not a ${i.unit === 'per_10k' ? 'rate' : 'percentage'}`);
    if (!/\bperiod_id\b/.test(i.records.sql) || !/\bin_numerator\b/.test(i.records.sql)) problems.push(`${i.id}: its records SQL must return the record columns (metrics/sql.ts RECORD_COLUMNS) per period`);
    for (const [side, sql] of [['numerator', i.numeratorSql], ['denominator', i.denominatorSql], ['untimed', i.untimedSql]] as const) {
      if (sql === undefined || sql === 'population') continue;
      if (!/\bperiod\b/.test(sql) || !/\bperiod_id\b/.test(sql)) problems.push(`${i.id}: ${side} SQL must return one row per period (period_id, n)`);
      if (/\$\w+/.test(sql)) problems.push(`${i.id}: ${side} SQL uses a parameter; periods come from the period table`);
    }
  }
  return problems;
}

function checkRegistry(list: Indicator[]): readonly Indicator[] {
  const problems = registryProblems(list);
  if (problems.length > 0) throw new Error(`indicator registry:\n${problems.join('\n')}`);
  return Object.freeze(list);
}
