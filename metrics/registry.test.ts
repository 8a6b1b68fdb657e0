/*
 * Tests over the whole indicator registry, so an indicator added to
 * metrics/index.ts is held to the same rules without anyone remembering to:
 * it has golden tests beside it, it gives no value (and says why) when its
 * denominator is zero, it says "no data" (not 0) when its input is missing,
 * and registryProblems really does catch a malformed registry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it, expect } from 'vitest';
import { generateSsdExtract } from '../app/demo/generator/index.ts';
import { computeIndicators } from '../pipeline/compute.ts';
import { Database } from '../pipeline/db.ts';
import { parseExtractFiles } from '../pipeline/ingest/extract.ts';
import { loadSnapshot } from '../pipeline/ingest/load.ts';
import { parsePeriods } from '../pipeline/periods.ts';
import { INDICATORS, registryProblems } from './index.ts';
import { countInPeriod } from './sql.ts';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { InlineRun } from '../test-support/compute-inline.ts';
import type { Indicator } from './types.ts';

const ids = INDICATORS.map((i) => i.id);
const byId = (id: string): Indicator => {
  const ind = INDICATORS.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return ind;
};

describe('indicator registry', () => {
  it('has the 19 indicators of indicators.md, each id once', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(19);
    expect(new Set(ids).size).toBe(ids.length);
    expect(registryProblems(INDICATORS)).toEqual([]);
  });

  it.each(ids)('%s has a golden test file beside its module', (id) => {
    const path = fileURLToPath(new URL(`./${id}.test.ts`, import.meta.url));
    expect(existsSync(path), `metrics/${id}.test.ts is missing`).toBe(true);
    const text = readFileSync(path, 'utf8');
    // the file tests this indicator (not a copy of another's) and has a zero-denominator case
    expect(text).toContain(`'${id}'`);
    expect(text).toMatch(/zero denominator/i);
  });
});

describe('registryProblems catches a malformed registry', () => {
  it('a duplicate id', () => {
    const a = byId('cpp_per_10k');
    const b = byId('cpp_repeat_pct');
    expect(registryProblems([a, b, a])).toEqual(['cpp_per_10k: declared twice']);
  });

  it('a rate per 10,000 whose denominator is not the population', () => {
    const wrong: Indicator = { ...byId('cpp_per_10k'), denominatorSql: countInPeriod('cp_plan', 'start_date') };
    expect(registryProblems([wrong])).toEqual(['cpp_per_10k: a rate per 10,000 divides by the population']);
  });

  it('a record list that does not return the record columns by period', () => {
    const wrong: Indicator = { ...byId('cpp_per_10k'), records: { counts: 'children', sql: 'SELECT person_id FROM cp_plan' } };
    expect(registryProblems([wrong])).toEqual(['cpp_per_10k: its records SQL must return the record columns (metrics/sql.ts RECORD_COLUMNS) per period']);
  });

  it('a percentage divided by the population', () => {
    const wrong: Indicator = { ...byId('cpp_repeat_pct'), denominatorSql: 'population' };
    expect(registryProblems([wrong])).toEqual(['cpp_repeat_pct: a percentage does not divide by the population']);
  });

  it('a DfE formula of another kind of figure than the indicator', () => {
    const pct: Indicator = { ...byId('cpp_per_10k'), dfe: byId('cpp_repeat_pct').dfe! };
    const rate: Indicator = { ...byId('cpp_repeat_pct'), dfe: byId('cla_per_10k').dfe! };
    expect(registryProblems([pct, rate])).toEqual([
      'cpp_per_10k: its DfE formula (published_pct) is not a rate',
      'cpp_repeat_pct: its DfE formula (own_rate) is not a percentage',
    ]);
  });

  it('SQL that does not return one row per period, and every problem at once', () => {
    const noPeriod: Indicator = { ...byId('icpc_per_10k'), id: 'icpc_per_10k_copy', numeratorSql: 'SELECT count(*) AS n FROM icpc' };
    const dup = byId('icpc_per_10k');
    const problems = registryProblems([dup, noPeriod, dup]);
    expect(problems).toContain('icpc_per_10k_copy: numerator SQL must return one row per period (period_id, n)');
    expect(problems).toContain('icpc_per_10k: declared twice');
    expect(problems).toHaveLength(2);
  });
});

// Every file safeguard reads, header only (with every optional column the
// indicators need), and a population of 0: every numerator is 0 and every
// denominator is 0, so no indicator may give a value.
// every file with its header and no records
const EMPTY_EXTRACT: Record<string, string> = {
  'ssd_person.csv': 'pers_person_id,pers_dob\n',
  'ssd_cin_episodes.csv': 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa\n',
  'ssd_s47_enquiry.csv': 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\n',
  'ssd_initial_cp_conference.csv': 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in\n',
  'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\n',
  'ssd_cp_reviews.csv': 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date\n',
  'ssd_cla_episodes.csv': 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status\n',
  'ssd_cla_reviews.csv':
    'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_iro_consulted,clar_sw_attended,clar_care_plan_current\n',
  'population.csv': flatPopulation(0),
};

// one record in each file, every optional column filled, all of them in 2014/15: nothing in or open at the end of 2016/17
const QUIET_EXTRACT: Record<string, string> = {
  'ssd_person.csv': 'pers_person_id,pers_dob\nP1,2010-01-01\n',
  'ssd_cin_episodes.csv': 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa\nR1,P1,2014-05-01,2014-06-01,N\n',
  'ssd_s47_enquiry.csv': 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\nS1,P1,2014-05-02\n',
  'ssd_initial_cp_conference.csv': 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in\nI1,P1,2014-05-20,S1,N\n',
  'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nC1,P1,2014-05-20,2014-08-01\n',
  'ssd_cp_reviews.csv': 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date\nCR1,C1,2014-07-01\n',
  'ssd_cla_episodes.csv':
    'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status\nE1,P1,2014-05-01,2014-09-01,POC1,C2\n',
  'ssd_cla_reviews.csv':
    'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_iro_consulted,clar_sw_attended,clar_care_plan_current\nV1,POC1,2014-06-01,N,Y,Y,Y\n',
  'population.csv': flatPopulation(0),
};

describe('every indicator on an extract with zero denominators', () => {
  let run: InlineRun;
  beforeAll(async () => {
    run = await computeInline(QUIET_EXTRACT, ['2016/17']);
  });

  it.each(ids)('%s: numerator 0, denominator 0, value null, and the reason', (id) => {
    const res = run.get(id, '2016/17');
    expect({ numerator: res.numerator, denominator: res.denominator, value: res.value }).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.length).toBeGreaterThan(0);
    expect(res.notes.join(' ')).toMatch(/zero/);
    expect(res.notes.join(' ')).not.toMatch(/no data/);
  });
});

describe('every indicator on an extract whose files hold no records (indicators.md v2, "No data is not zero")', () => {
  let run: InlineRun;
  beforeAll(async () => {
    run = await computeInline(EMPTY_EXTRACT, ['2016/17']);
  });

  // was numerator 0, denominator 0: a zero the data could not have made otherwise
  it.each(ids)('%s: "no data", not 0', (id) => {
    const res = run.get(id, '2016/17');
    expect({ numerator: res.numerator, denominator: res.denominator, value: res.value }).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: the extract's .* hold no records/);
  });
});

describe('every indicator on an extract without its input files', () => {
  let run: InlineRun;
  beforeAll(async () => {
    run = await computeInline({ 'ssd_person.csv': 'pers_person_id,pers_dob\n', 'population.csv': flatPopulation(10000) }, ['2016/17']);
  });

  it.each(ids)('%s: "no data", not 0', (id) => {
    const res = run.get(id, '2016/17');
    expect({ numerator: res.numerator, denominator: res.denominator, value: res.value }).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: /);
  });
});

describe('an indicator with countsSql', () => {
  const withCounts = INDICATORS.filter((i) => i.countsSql);

  it('gives the counts of its numeratorSql and denominatorSql (the generated board extract, years and rolling months)', async () => {
    expect(withCounts.map((i) => i.id).sort()).toEqual(['cla_reviews_in_time_pct', 'cpp_2y_plus_pct', 'cpp_reviews_in_time_pct']);
    const db = await Database.open(':memory:');
    try {
      const files = Object.entries(generateSsdExtract().files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
      const parsed = await parseExtractFiles(db, files, '2017-04-10');
      const { snapshotId } = await loadSnapshot(db, parsed, { extractDir: 'generated', extractDate: '2017-04-10', la: null });
      const periods = parsePeriods(['2013/14:2016/17', '2015-01:2017-03']);
      const counts = async (indicators: Indicator[]) =>
        (await computeIndicators(db, { snapshotId, periods, indicators })).map((r) => [r.indicator, r.period, r.numerator, r.denominator]);
      const joint = await counts(withCounts);
      const separate = await counts(withCounts.map(({ countsSql: _joint, ...ind }) => ind));
      expect(joint).toEqual(separate);
      // the comparison means something only if reviews were late and on time
      expect(joint.some(([, , n, d]) => (n as number) > 0 && (n as number) < (d as number))).toBe(true);
    } finally {
      db.close();
    }
  });
});
