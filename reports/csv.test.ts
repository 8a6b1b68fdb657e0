/* The tidy long CSV: a committed snapshot of the fixture, and its shape. */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from './csv.ts';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import type { ReportInput } from './types.ts';

/** Four indicators (one with a gap, two with withheld figures when suppressing) and six months: a snapshot a reviewer can read. */
function sample(suppress: boolean): ReportInput {
  const keep = new Set(['rereferrals_12m_pct', 'icpc_within_15wd_pct', 'cpp_reviews_in_time_pct', 'cla_per_10k']);
  const input = wiganReportInput({ suppress });
  input.doc.results = input.doc.results.filter((r) => keep.has(r.indicator));
  input.definitions = input.definitions.filter((d) => keep.has(d.id));
  input.monthly = input.monthly.filter((m) => keep.has(m.indicator)).map((m) => ({ ...m, points: m.points.slice(-6) }));
  return input;
}

describe('renderCsv', () => {
  it('matches the committed snapshot', async () => {
    await expect(renderCsv(sample(false))).toMatchFileSnapshot('__snapshots__/report-sample.csv');
  });

  it('matches the committed snapshot (published, suppressed)', async () => {
    await expect(renderCsv(sample(true))).toMatchFileSnapshot('__snapshots__/report-sample-suppressed.csv');
  });

  it('is tidy: one header, then one row per indicator x period x measure, with no duplicates', () => {
    const csv = renderCsv(wiganReportInput());
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\n`)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\n').slice(1);
    const keys = new Set<string>();
    for (const line of lines) {
      const f = line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ''));
      expect(f.length, line).toBeGreaterThanOrEqual(CSV_COLUMNS.length);
      const key = `${f[2]}|${f[5]}|${f[8]}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
    // 19 indicators x 4 years x (numerator, denominator, value, direction) at least, and 48 monthly values each
    expect(lines.filter((l) => /,\d{4}\/\d{2},/.test(l) && l.includes(',value,')).length).toBe(19 * 4);
    expect(lines.filter((l) => /,\d{4}-\d{2},\d{4}-\d{2}-01,/.test(l) && l.includes(',value,')).length).toBe(19 * 48);
  });

  it('writes values with one decimal and counts as integers, missing as empty', () => {
    const lines = renderCsv(wiganReportInput()).split('\n');
    const row = (indicator: string, period: string, measure: string) => lines.find((l) => l.includes(`,${indicator},`) && l.includes(`,${period},`) && l.includes(`,${measure},`));
    expect(row('icpc_per_10k', '2016/17', 'value')).toContain(',value,69.0,per_10k,none,');
    expect(row('icpc_per_10k', '2016/17', 'numerator')).toContain(',numerator,468,count,');
    expect(row('rereferrals_12m_pct', '2013/14', 'value')).toContain(',value,,percent,low,');
    expect(row('rereferrals_12m_pct', '2013/14', 'region')).toContain(',region,,percent,low,');
    expect(row('icpc_within_15wd_pct', '2016/17', 'direction')).toContain(',direction,worse,direction,high,against 2015/16');
    expect(row('icpc_within_15wd_pct', '2016-03', 'value')).toMatch(/,2016-03,2016-03-01,2016-03-31,value,\d+\.\d,percent,high,"[^"]*calendar month",$/);
    // a month with no value is empty, with its reason
    expect(row('rereferrals_12m_pct', '2013-04', 'value')).toMatch(/,value,,percent,low,"[^"]*calendar month; no data: the look-back reaches before the extract starts",$/);
  });

  it("gives each month its phase, the phase's mean and limits, and its variation", () => {
    const input = wiganReportInput({ trends: { rebase: ['2015-04'], annotations: [], targets: {} } });
    const lines = renderCsv(input).split('\n');
    const row = (period: string, measure: string) => lines.find((l) => l.includes(',cla_per_10k,') && l.includes(`,${period},`) && l.includes(`,${measure},`));
    expect(row('2015-03', 'spc_phase')).toContain(',spc_phase,1,count,');
    expect(row('2015-04', 'spc_phase')).toContain(',spc_phase,2,count,');
    expect(row('2015-04', 'spc_mean')).toMatch(/,spc_mean,\d+(\.\d{1,4})?,per_10k,low,"XmR \(Making Data Count\), phase 2 from 2015-04",$/);
    expect(row('2015-04', 'spc_variation')).toMatch(/,spc_variation,(common|improvement|concern),variation,/);
  });

  it('gives a restated figure what each of its measures was (restated_from), and says since which extract', () => {
    const lines = renderCsv(wiganReportInput({ restatement: wiganRestatement() })).split('\n');
    const row = (indicator: string, period: string, measure: string) => lines.find((l) => l.includes(`,${indicator},`) && l.includes(`,${period},`) && l.includes(`,${measure},`))!;
    const source = 'case-management extract snap-2017-04-10-a1 (2017-04-10); restated since extract snap-2017-03-10-b7 (2017-03-10)';
    expect(row('icpc_within_15wd_pct', '2016/17', 'numerator').endsWith(`,${source},390`)).toBe(true);
    expect(row('icpc_within_15wd_pct', '2016/17', 'denominator').endsWith(`,denominator,468,count,high,${source},462`)).toBe(true);
    expect(row('icpc_within_15wd_pct', '2016/17', 'value').endsWith(`,value,85.7,percent,high,${source},84.4`)).toBe(true);
    // no earlier value: empty, and the source says it is restated
    expect(row('rereferrals_12m_pct', '2014/15', 'value').endsWith(`,value,14.5,percent,low,${source},`)).toBe(true);
    // its denominator did not move (3,522 in both): not marked
    expect(row('rereferrals_12m_pct', '2014/15', 'denominator').endsWith(',3522,count,low,case-management extract snap-2017-04-10-a1 (2017-04-10),')).toBe(true);
    // a figure that did not move: empty, and no word of it
    expect(row('icpc_within_15wd_pct', '2015/16', 'value').endsWith(',value,91.6,percent,high,case-management extract snap-2017-04-10-a1 (2017-04-10),')).toBe(true);
    expect(row('icpc_within_15wd_pct', '2015/16', 'value')).not.toContain('restated');
    // --suppress: the earlier count of 4 is withheld, and the value with it
    const published = renderCsv(wiganReportInput({ restatement: wiganRestatement(), suppress: true })).split('\n');
    const prow = (period: string, measure: string) => published.find((l) => l.includes(',cpp_2y_plus_pct,') && l.includes(`,${period},`) && l.includes(`,${measure},`))!;
    expect(prow('2016/17', 'numerator').endsWith(',c')).toBe(true);
    expect(prow('2016/17', 'denominator').endsWith(',259')).toBe(true);
    expect(prow('2016/17', 'value').endsWith(',c')).toBe(true);
  });
});
