import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSsdExtract } from '../demo/generator/index.ts';
import { writeExtract } from '../demo/generator/write.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
let extract: string;
const x = generateSsdExtract();


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-report-'));
  extract = join(dir, 'extract');
  await writeExtract(extract, x);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every identifier in the generated extract: IDs are the first column of each SSD file. */
function identifiers(): Set<string> {
  const ids = new Set<string>();
  for (const [name, text] of Object.entries(x.files)) {
    if (name === 'population.csv') continue;
    for (const line of text.split('\r\n').slice(1)) {
      const [first, second] = line.split(',');
      if (first) ids.add(first);
      if (second && !/^\d{4}-|\//.test(second)) ids.add(second);
    }
  }
  return ids;
}

describe('run', () => {
  it('ingests, benchmarks, prints the table and writes the four reports, which hold no child identifier', async () => {
    const out = join(dir, 'out');
    const r = await runCli('run', extract, '--la', '359', '--extract-date', x.extractDate, '--db', join(dir, 'run.duckdb'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/icpc_within_15wd_pct\s+2016\/17\s+401\s+468\s+85\.7/);
    for (const f of ['indicators.md', 'indicators.csv', 'indicators.xlsx', 'trends.html']) expect(r.err).toContain(join(out, f));

    const texts = ['indicators.md', 'indicators.csv', 'trends.html'].map((f) => readFileSync(join(out, f), 'utf8'));
    const ids = identifiers();
    expect(ids.size).toBeGreaterThan(10_000);
    for (const text of texts) {
      const tokens = new Set(text.split(/[^A-Za-z0-9-]+/));
      const leaked = [...ids].filter((id) => id.length > 5 && tokens.has(id));
      expect(leaked).toEqual([]);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'indicators.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Front door', 'Child protection', 'Children looked after', 'Definitions']);

    // one direction of travel: the terminal says what the report CSV says, for every indicator and year
    // (2013/14 is "Not rated" in both: the year before it starts before the extract's data does)
    const words: Record<string, string> = { Better: 'better', Worse: 'worse', Same: 'same', Up: 'up', Down: 'down', Not: 'not_rated' };
    const terminal = new Map<string, string>();
    for (const line of r.out.split('\n')) {
      const m = line.match(/^(\w+)\s+(\d{4}\/\d{2})\s.*\s(Better|Worse|Same|Up|Down|Not rated)( [↑↓→])?$/);
      if (m) terminal.set(`${m[1]} ${m[2]}`, words[m[3]!.split(' ')[0]!]!);
    }
    const csv = new Map<string, string>();
    for (const line of texts[1]!.split('\n')) {
      const m = line.match(/^359,Wigan,(\w+),.*,(\d{4}\/\d{2}),[\d-]+,[\d-]+,direction,(\w+),/);
      if (m) csv.set(`${m[1]} ${m[2]}`, m[3]!);
    }
    expect(terminal.size).toBe(76);
    expect(Object.fromEntries(csv)).toEqual(Object.fromEntries(terminal));
    expect(terminal.get('rereferrals_12m_pct 2013/14')).toBe('not_rated');
  });
});

describe('report --suppress', () => {
  it('writes the publication version with small counts shown as c', async () => {
    const db = join(dir, 'suppress.duckdb');
    expect((await runCli('ingest', extract, '--la', '359', '--extract-date', x.extractDate, '--db', db)).code).toBe(0);
    const out = join(dir, 'published');
    expect((await runCli('report', '--db', db, '--out', out, '--suppress')).code).toBe(0);
    const md = readFileSync(join(out, 'indicators.md'), 'utf8');
    // cpp_reviews_in_time_pct 2014/15 is 200 of 203: 3 late could be worked back, so the figures are withheld
    expect(md).toMatch(/\| c \|/);
    expect(md).not.toMatch(/Unsuppressed/);
  });
});

describe('part-year and future periods (indicators.md v2)', () => {
  let db: string;
  beforeAll(async () => {
    db = join(dir, 'partial.duckdb');
    expect((await runCli('ingest', extract, '--la', '359', '--extract-date', x.extractDate, '--db', db)).code).toBe(0);
  });

  it('marks every result partial or not; a part-year is computed to the extract date, never ranked or rated', async () => {
    // the demo extract was taken on 2017-04-10: 2017/18 is ten days old, 2018/19 has not begun
    const r = await runCli('indicators', '--db', db, '--period', '2016/17:2018/19', '--format', 'json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out).results as { indicator: string; period: string; partial: boolean; value: number | null; rank: unknown; direction: { value: string }; notes: string[] }[];
    expect(results.every((x) => typeof x.partial === 'boolean')).toBe(true);
    const at = (id: string, p: string) => results.find((x) => x.indicator === id && x.period === p)!;
    expect(at('referrals_per_10k', '2016/17')).toMatchObject({ partial: false, rank: { position: 101 } });
    const part = at('referrals_per_10k', '2017/18');
    expect(part).toMatchObject({ partial: true, rank: null, direction: { value: 'not_rated' } });
    expect(part.value).not.toBeNull();
    expect(part.notes.join(' ')).toMatch(/part-year: computed to 2017-04-10/);
    for (const x of results.filter((y) => y.period !== '2016/17')) expect(x.rank).toBeNull();
    const future = at('icpc_within_15wd_pct', '2018/19');
    expect(future).toMatchObject({ partial: true, value: null, rank: null });
    expect(future.notes.join(' ')).toMatch(/starts after the extract date/);
  });

  it('defaults to the latest financial year ended by the extract date, and heads a part-year "to" that date in the reports', async () => {
    const r = await runCli('indicators', '--db', db, '--format', 'json');
    expect([...new Set(JSON.parse(r.out).results.map((x: { period: string }) => x.period))]).toEqual(['2016/17']);
    const out = join(dir, 'partial-reports');
    expect((await runCli('report', '--db', db, '--out', out, '--period', '2016/17:2017/18')).code).toBe(0);
    const md = readFileSync(join(out, 'indicators.md'), 'utf8');
    expect(md).toContain('2017/18 (to 10 Apr 2017)');
    expect(md).toContain('## Summary, 2016/17'); // the summary is of the latest complete year
    expect(readFileSync(join(out, 'indicators.csv'), 'utf8')).toContain('part-year: to 10 Apr 2017');
    expect(readFileSync(join(out, 'trends.html'), 'utf8')).toContain('2017/18 (to 10 Apr 2017)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'indicators.xlsx')) as unknown as ArrayBuffer);
    const headings: string[] = [];
    wb.getWorksheet('Front door')!.eachRow((row) => row.eachCell((c) => headings.push(String(c.value))));
    expect(headings).toContain('2017/18 (to 10 Apr 2017)');
  });
});
