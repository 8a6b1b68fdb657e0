/*
 * `safeguard trends` through the CLI on the demo extract (synthetic Wigan,
 * taken 2017-04-10): the monthly series is each indicator's own figure for
 * each calendar month, the JSON has trends.md's shape, rebases start phases,
 * and bad options and files give the exit codes of cli.md with file, line and
 * column. The arithmetic of the chart is tested on hand-made series in
 * reports/spc.test.ts; here, that the pieces are wired to it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSsdExtract } from '../demo/generator/index.ts';
import { writeExtract } from '../demo/generator/write.ts';
import { runCli } from '../../test-support/cli.ts';
import { INDICATORS } from '../../metrics/index.ts';
import type { TrendsDocument } from '../../reports/trends-output.ts';
import { DEMO_ANNOTATIONS } from './demo.ts';

let dir: string;
let db: string;
const x = generateSsdExtract();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-trends-'));
  const extract = join(dir, 'extract');
  await writeExtract(extract, x);
  db = join(dir, 'trends.duckdb');
  expect((await runCli('ingest', extract, '--la', '359', '--extract-date', x.extractDate, '--db', db)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function trendsJson(...args: string[]): Promise<TrendsDocument> {
  const r = await runCli('trends', '--db', db, '--format', 'json', ...args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as TrendsDocument;
}

describe('the monthly series', () => {
  it("is each indicator's own figure for a one-month explicit range, for every indicator and month", async () => {
    const doc = await trendsJson();
    // the demo's data start in March 2013, part-way through: the first whole month is April 2013;
    // the extract was taken on 10 April 2017: the last complete month is March 2017
    const months = doc.series[0]!.points.map((p) => p.month);
    expect(months[0]).toBe('2013-04');
    expect(months.at(-1)).toBe('2017-03');
    expect(months).toHaveLength(48);
    expect(doc.series.map((s) => s.indicator)).toEqual(INDICATORS.map((i) => i.id));

    const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const periods = months.flatMap((m) => ['--period', `${m}-01..${lastDay(m)}`]);
    const r = await runCli('indicators', '--db', db, '--format', 'json', ...periods);
    expect(r.code, r.err).toBe(0);
    const own = new Map<string, { numerator: number | null; denominator: number | null; value: number | null }>();
    for (const res of JSON.parse(r.out).results) own.set(`${res.indicator} ${res.period.slice(0, 7)}`, res);
    let compared = 0;
    for (const s of doc.series) {
      for (const p of s.points) {
        const o = own.get(`${s.indicator} ${p.month}`);
        expect(o, `${s.indicator} ${p.month}`).toBeDefined();
        expect([p.numerator, p.denominator, p.value], `${s.indicator} ${p.month}`).toEqual([o!.numerator, o!.denominator, o!.value]);
        compared++;
      }
    }
    expect(compared).toBe(19 * 48);
  });

  it('has the JSON shape of trends.md', async () => {
    const doc = await trendsJson();
    expect(doc.snapshot.extracted_at).toBe('2017-04-10');
    const s = doc.series.find((t) => t.indicator === 'icpc_within_15wd_pct')!;
    expect(s).toMatchObject({ polarity: 'high', unit: 'percent', assurance_icon: null });
    expect(Object.keys(s.points[0]!).sort()).toEqual(['denominator', 'gap_reason', 'mean', 'lower', 'month', 'numerator', 'partial', 'phase', 'rules', 'upper', 'value', 'variation'].sort());
    for (const p of s.points) {
      expect(p.phase).toBe(1);
      expect(p.partial).toBe(false);
      expect(['common', 'improvement', 'concern', 'neither', null]).toContain(p.variation);
      for (const r of p.rules) expect(['outside_limits', 'run', 'trend', 'two_of_three']).toContain(r);
      expect(p.upper!).toBeLessThanOrEqual(100); // clipped
    }
    expect(['common', 'improving_high', 'improving_low', 'concerning_high', 'concerning_low', 'insufficient']).toContain(s.variation_icon);
  });

  it('does not flag a stationary indicator at most points (it did at 29 of 37 on rolling 12 months)', async () => {
    const doc = await trendsJson();
    const referrals = doc.series.find((t) => t.indicator === 'referrals_per_10k')!;
    const flagged = referrals.points.filter((p) => p.rules.length > 0).length;
    expect(flagged).toBeLessThanOrEqual(4);
    expect(referrals.variation_icon).toBe('common');
  });

  it('starts at --period-from when it is later than the data, and its baseline with it', async () => {
    const doc = await trendsJson('--period-from', '2015-04');
    const s = doc.series[0]!;
    expect(s.points[0]!.month).toBe('2015-04');
    expect(s.points).toHaveLength(24);
    expect(s.phases[0]).toMatchObject({ from: '2015-04', to: '2017-03', baseline_points: 20 });
  });
});

describe('phases, annotations and targets', () => {
  it('starts a new phase at --rebase, with its own mean and limits', async () => {
    const doc = await trendsJson('--rebase', '2014-04');
    const s = doc.series.find((t) => t.indicator === 'cla_review_iro_consulted_pct')!;
    expect(s.phases.map((p) => [p.phase, p.from, p.to, p.points_with_value])).toEqual([[1, '2013-04', '2014-03', 12], [2, '2014-04', '2017-03', 36]]);
    expect(s.points.find((p) => p.month === '2014-03')!.phase).toBe(1);
    expect(s.points.find((p) => p.month === '2014-04')!).toMatchObject({ phase: 2, mean: s.phases[1]!.mean });
    // the demo's IRO consultation steps from about 6% to about 36% in April 2014: one mean would sit between
    expect(s.phases[0]!.mean!).toBeLessThan(15);
    expect(s.phases[1]!.mean!).toBeGreaterThan(30);
  });

  it("takes rebases from the demo's annotations file, and gives the assurance icon for a target", async () => {
    const targets = join(dir, 'targets.csv');
    writeFileSync(targets, 'indicator,target\ncla_review_iro_consulted_pct,100\ncpp_2y_plus_pct,20\nicpc_within_15wd_pct,90\n');
    const doc = await trendsJson('--annotations', DEMO_ANNOTATIONS, '--targets', targets);
    expect(doc.annotations.map((a) => [a.date, a.rebase])).toEqual([['2014-04-01', true], ['2015-10-01', false]]);
    const at = (id: string) => doc.series.find((t) => t.indicator === id)!;
    expect(at('cla_review_iro_consulted_pct').phases).toHaveLength(2);
    // IRO consultation's limits are well below 100%: never met
    expect(at('cla_review_iro_consulted_pct')).toMatchObject({ target: 100, assurance_icon: 'fail' });
    // plans lasting 2 years or more (low is good) sit far below 20%: always met
    expect(at('cpp_2y_plus_pct')).toMatchObject({ target: 20, assurance_icon: 'pass' });
    const icpc = at('icpc_within_15wd_pct');
    const phase = icpc.phases.at(-1)!;
    expect(icpc.assurance_icon).toBe(90 < phase.lower! ? 'pass' : 90 > phase.upper! ? 'fail' : 'hit_and_miss');
    expect(at('referrals_per_10k')).toMatchObject({ target: null, assurance_icon: null });
  });

  it('prints every point as CSV, and a table for people', async () => {
    const csv = await runCli('trends', '--db', db, '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[0]).toBe('indicator,month,numerator,denominator,value,unit,polarity,phase,mean,lower,upper,rules,variation,gap_reason');
    expect(lines).toHaveLength(1 + 19 * 48);
    const table = await runCli('trends', '--db', db);
    expect(table.out).toMatch(/^Monthly SPC, 2013-04 to 2017-03/);
    expect(table.out).toMatch(/referrals_per_10k\s+2017-03\s+[\d.]+\s+1\s/);
  });
});

describe('bad usage and bad files', () => {
  it('rejects a malformed --rebase or --period-from as bad usage (exit 2)', async () => {
    const r = await runCli('trends', '--db', db, '--rebase', '2014-13');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--rebase 2014-13: give the month/);
    expect((await runCli('trends', '--db', db, '--period-from', '2014')).code).toBe(2);
    expect((await runCli('report', '--db', db, '--out', join(dir, 'never'), '--rebase', 'June')).code).toBe(2);
  });

  it('rejects a malformed annotations file with its file, line, column and reason (exit 3), never a stack trace', async () => {
    const bad = join(dir, 'bad-annotations.csv');
    writeFileSync(bad, 'date,label,rebase\n2014-04-01,Fine,Y\n\n2015-02-30,No such day,Y\n');
    const r = await runCli('trends', '--db', db, '--annotations', bad);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`safeguard: ${bad}, line 4, column date: '2015-02-30' is not a date: use YYYY-MM-DD (2024-06-01)\n`);
    writeFileSync(bad, 'date,label,rebase\n2014-04-01,Fine,yes please\n');
    expect((await runCli('trends', '--db', db, '--annotations', bad)).err).toMatch(/line 2, column rebase: 'yes please' is not Y or N/);
    writeFileSync(bad, 'indicator,target\nicpc_within_15wd_pct,90\n');
    expect((await runCli('trends', '--db', db, '--annotations', bad)).err).toMatch(/line 1: the first row must be the header date,label\[,rebase\]; it is 'indicator,target'/);
  });

  it('rejects a malformed targets file (exit 3), and names a file it cannot open (exit 1)', async () => {
    const bad = join(dir, 'bad-targets.csv');
    writeFileSync(bad, 'indicator,target\nicpc_within_15wd_pct,120\n');
    let r = await runCli('trends', '--db', db, '--targets', bad);
    expect([r.code, r.err]).toEqual([3, `safeguard: ${bad}, line 2, column target: 120 is more than 100: icpc_within_15wd_pct is a percentage\n`]);
    writeFileSync(bad, 'indicator,target\nnot_an_indicator,5\n');
    expect((await runCli('trends', '--db', db, '--targets', bad)).err).toMatch(/line 2, column indicator: 'not_an_indicator' is not an indicator/);
    writeFileSync(bad, 'indicator,target\nreferrals_per_10k,50\n');
    expect((await runCli('trends', '--db', db, '--targets', bad)).err).toMatch(/line 2, column indicator: referrals_per_10k has no polarity/);
    writeFileSync(bad, 'indicator,target\ncpp_per_10k,50%\n');
    expect((await runCli('trends', '--db', db, '--targets', bad)).err).toMatch(/line 2, column target: '50%' is not a number/);
    r = await runCli('trends', '--db', db, '--targets', join(dir, 'missing.csv'));
    expect([r.code, r.err]).toEqual([1, `safeguard: cannot read ${join(dir, 'missing.csv')}: there is no such file\n`]);
  });
});

describe('report with the trend settings', () => {
  it('draws the markers and phases in the HTML', async () => {
    const out = join(dir, 'reports');
    const r = await runCli('report', '--db', db, '--out', out, '--annotations', DEMO_ANNOTATIONS);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(out, 'trends.html'), 'utf8');
    expect(html).toContain('Looked-after reviews relaunched: IRO consults the child first (demo annotation, synthetic data)');
    expect(html).toMatch(/Phase 2, Apr 2014 to Mar 2017: mean [\d.]+; process limits/);
  });
});
