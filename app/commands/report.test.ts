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
    const words: Record<string, string> = { Better: 'better', Worse: 'worse', Same: 'same', Not: 'not_rated' };
    const terminal = new Map<string, string>();
    for (const line of r.out.split('\n')) {
      const m = line.match(/^(\w+)\s+(\d{4}\/\d{2})\s.*\s(Better|Worse|Same|Not rated)( [↑↓→])?$/);
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
