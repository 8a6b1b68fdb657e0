/*
 * The DfE formula in words (metrics/dfe.ts): the Definitions sheet and the
 * Markdown print these strings, so each indicator's words are held here
 * exactly as they were written by hand before the formula moved onto the
 * indicator; and every other indicator is local (no formula, no words).
 */
import { describe, expect, it } from 'vitest';
import { dfeSourceWords, type DfeFormula } from './dfe.ts';
import { INDICATORS } from './index.ts';

const WORDS: Record<string, string> = {
  referrals_per_10k: 'C1 referral_count / ONS population',
  rereferrals_12m_pct: 'C1 rereferral_percent',
  cin_per_10k: 'B1 At31_episodes / ONS population',
  s47_per_10k: 'C4 Section47 / ONS population',
  s47_to_icpc_pct: 'C4 ICPC / Section47',
  icpc_per_10k: 'C4 ICPC / ONS population',
  icpc_within_15wd_pct: 'C4 (Duration_0-10_days + Duration_11-15_days) / ICPC',
  cpp_per_10k: 'D5 CPP_At31 / ONS population',
  cpp_repeat_pct: 'D3 CPP_subsequent_percent',
  cpp_2y_plus_pct: 'D5 2_years_or_more_percent',
  cla_per_10k: 'CLA file children_count / population_estimate',
};

describe('dfeSourceWords', () => {
  it('writes each DfE indicator\'s formula in the words the reports have always printed', () => {
    const written = Object.fromEntries(INDICATORS.filter((i) => i.dfe).map((i) => [i.id, dfeSourceWords(i.dfe)]));
    expect(written).toEqual(WORDS);
  });

  it('gives no words for a local indicator', () => {
    const local = INDICATORS.filter((i) => !Object.hasOwn(WORDS, i.id));
    expect(local.length).toBe(INDICATORS.length - 11);
    for (const i of local) expect(dfeSourceWords(i.dfe), i.id).toBeNull();
  });

  it('writes one numerator column without brackets, several summed in brackets', () => {
    const f = (numerator: string[]): DfeFormula => ({ type: 'pct', kind: 'c4_s47_icpc', numerator, denominator: 'ICPC' });
    expect(dfeSourceWords(f(['A']))).toBe('C4 A / ICPC');
    expect(dfeSourceWords(f(['A', 'B', 'C']))).toBe('C4 (A + B + C) / ICPC');
  });
});
