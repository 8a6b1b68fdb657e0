/*
 * Issue 15's acceptance: over the demo, the same figure's direction of
 * travel, rank, quartile and comparator source agree across the terminal
 * table, the JSON, the Markdown, the CSV, the workbook and the HTML, for every
 * indicator and period. The JSON (the indicators service's results) is the
 * reference; each output is read back as a reader would see it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorsDocument } from '../../metrics/types.ts';
import { parseCsv } from '../../pipeline/csv.ts';
import { describeSource } from '../../reports/sources.ts';
import { runCli } from '../../test-support/cli.ts';

interface Seen {
  direction: string;
  rank: string;
  quartile: string;
  source: string;
}

const WORDS: Record<string, string> = { better: 'Better', worse: 'Worse', same: 'Same', up: 'Up', down: 'Down', not_rated: 'Not rated' };
let dir: string;
let doc: IndicatorsDocument;
let terminal: string;
const key = (id: string, period: string) => `${id} ${period}`;

/** What every output must show for a result: words for the direction, `position/of` (+`*` when provisional), quartile, source label. */
function expected(r: IndicatorResult): Seen {
  const labels = [...new Set((['sn', 'region', 'england'] as const).flatMap((k) => (r.benchmarks[k] ? [describeSource(r.benchmarks[k]!.source).short] : [])))];
  return {
    direction: WORDS[r.direction?.value ?? 'not_rated']!,
    rank: r.rank ? `${r.rank.position}/${r.rank.of}${r.rank.provisional ? '*' : ''}` : '-',
    quartile: r.rank?.quartile ?? '-',
    source: labels.join(' / ') || '-',
  };
}

/** A printed rank (`89 of 151 (provisional, against 2024/25)`, `97 of 148`, `x`) in the reference form. */
function rankForm(text: string): string {
  const m = /^(\d+) of (\d+)( \(provisional)?/.exec(text);
  return m ? `${m[1]}/${m[2]}${m[3] ? '*' : ''}` : '-';
}
const dir1 = (t: string) => (t.startsWith('Not rated') ? 'Not rated' : t.split(' ')[0]!);
const dash = (t: string) => (t === 'x' || t === '' || t === '—' ? '-' : t);
/** A period's source cell lists its labels; where the comparators differ it names them (`SN: a; North West, England: b`). */
const sourceForm = (t: string) => (t === 'x' ? '-' : t.split('; ').map((p) => p.replace(/^[^:]*: (?=(DfE|Board|Local))/, '')).join(' / '));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-consistency-'));
  const run = await runCli('demo', '--out', dir);
  expect(run.code, run.err).toBe(0);
  terminal = run.out;
  const json = await runCli('indicators', '--period', '2013/14:2016/17', '--format', 'json', '--db', join(dir, 'safeguard.duckdb'));
  doc = JSON.parse(json.out) as IndicatorsDocument;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('direction, rank, quartile and source agree in every output (the demo, every indicator and year)', () => {
  const check = (name: string, seen: Map<string, Partial<Seen>>, fields: (keyof Seen)[]) => {
    expect(doc.results.length).toBe(19 * 4);
    for (const r of doc.results) {
      const want = expected(r);
      const got = seen.get(key(r.indicator, r.period));
      expect(got, `${name}: ${r.indicator} ${r.period} is missing`).toBeDefined();
      for (const f of fields) expect(got![f], `${name}: ${r.indicator} ${r.period} ${f}`).toBe(want[f]);
    }
  };

  it('the demo has what the issue describes: a carried-forward comparator, a provisional rank, a no-polarity rank', () => {
    const all = doc.results.map(expected);
    expect(all.some((s) => s.source.includes('carried forward'))).toBe(true);
    expect(all.some((s) => s.rank.endsWith('*'))).toBe(true);
    expect(doc.results.some((r) => r.polarity === 'none' && r.rank)).toBe(true);
  });

  it('terminal', () => {
    const seen = new Map<string, Partial<Seen>>();
    for (const line of terminal.split('\n')) {
      const m = /^(\w+)\s+(\d{4}\/\d{2})\s/.exec(line);
      if (!m) continue;
      const cols = line.trim().split(/\s{2,}/);
      const direction = cols.at(-1)!;
      seen.set(key(m[1]!, m[2]!), { direction: dir1(direction), quartile: dash(cols.at(-2)!), rank: dash(cols.at(-3)!) });
    }
    // the source: DfE's for the same year unless the lines under the table say otherwise
    const except = new Map<string, string>();
    expect(terminal.split('\n').every((l) => l.length <= 120)).toBe(true);
    // lines wrap at 120 columns (continuations are indented four spaces): read the unwrapped text
    for (const line of terminal.replace(/\n {4}(?=\S)/g, ' ').split('\n')) {
      const m = /^\s+(\w+) comparators from: (.*)$/.exec(line);
      if (!m) continue;
      for (const part of m[2]!.split(/; (?=\d{4}\/\d{2}|Every year)/)) {
        const [periods, label] = [part.slice(0, part.indexOf(': ')), part.slice(part.indexOf(': ') + 2)];
        for (const r of doc.results.filter((x) => x.indicator === m[1])) {
          if (periods === 'Every year' || periods.includes(r.period) || (periods.includes(' to ') && r.period >= periods.split(' to ')[0]! && r.period <= periods.split(' to ')[1]!)) except.set(key(r.indicator, r.period), label);
        }
      }
    }
    for (const r of doc.results) {
      const s = seen.get(key(r.indicator, r.period));
      const any = Object.keys(r.benchmarks).length > 0;
      if (s) s.source = except.get(key(r.indicator, r.period)) ?? (any ? `DfE ${r.period}` : '-');
    }
    check('terminal', seen, ['direction', 'rank', 'quartile', 'source']);
  });

  it('Markdown', () => {
    const md = readFileSync(join(dir, 'reports', 'indicators.md'), 'utf8').replace(/\\(.)/g, '$1');
    const seen = new Map<string, Partial<Seen>>();
    for (const section of md.split(/^### /m).slice(1)) {
      const id = /^`(\w+)`/m.exec(section)![1]!;
      const lines = section.split('\n').filter((l) => l.startsWith('| '));
      const periods = lines[0]!.split(' | ').slice(1).map((c) => c.replace(/ \|$/, '').slice(0, 7));
      const row = (label: RegExp) => lines.find((l) => label.test(l))!.split(' | ').slice(1).map((c) => c.replace(/ \|$/, ''));
      const [rank, quartile, direction, source] = [row(/^\| Rank/), row(/^\| Quartile/), row(/^\| Direction/), row(/^\| Comparators from/)];
      periods.forEach((p, i) => seen.set(key(id, p), { rank: rankForm(rank[i]!), quartile: dash(quartile[i]!), direction: dir1(direction[i]!), source: sourceForm(source[i]!) }));
    }
    check('Markdown', seen, ['direction', 'rank', 'quartile', 'source']);
  });

  it('CSV', () => {
    const csv = parseCsv(readFileSync(join(dir, 'reports', 'indicators.csv'), 'utf8').replace(/^\uFEFF/, ''), 'indicators.csv');
    const at = (c: string) => csv.header.indexOf(c);
    const seen = new Map<string, Partial<Seen> & { of?: string; sources?: string[]; prov?: boolean }>();
    for (const rec of csv.records) {
      const f = rec.fields;
      const period = f[at('period')]!;
      if (!/^\d{4}\/\d{2}$/.test(period)) continue;
      const k = key(f[at('indicator')]!, period);
      const s = seen.get(k) ?? { rank: '-', quartile: '-', sources: [] };
      const v = f[at('value')]!;
      const measure = f[at('measure')]!;
      if (measure === 'direction') s.direction = WORDS[v];
      if (measure === 'rank') {
        s.rank = v;
        s.prov = f[at('source')]!.includes('provisional');
      }
      if (measure === 'rank_of') s.of = v;
      if (measure === 'quartile') s.quartile = v;
      if (['sn', 'region', 'england'].includes(measure)) {
        const label = /^(DfE \d{4}\/\d{2}|Board's report, \d{4}\/\d{2} carried forward|Board's report|Local file[^:]*): /.exec(f[at('source')]!)?.[1] ?? '?';
        if (!s.sources!.includes(label)) s.sources!.push(label);
      }
      seen.set(k, s);
    }
    for (const s of seen.values()) {
      if (s.rank !== '-') s.rank = `${s.rank}/${s.of}${s.prov ? '*' : ''}`;
      s.source = s.sources!.join(' / ') || '-';
    }
    check('CSV', seen, ['direction', 'rank', 'quartile', 'source']);
  });

  it('workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'reports', 'indicators.xlsx')) as unknown as ArrayBuffer);
    const seen = new Map<string, Partial<Seen>>();
    for (const name of ['Front door', 'Child protection', 'Children looked after']) {
      const ws = wb.getWorksheet(name)!;
      const periods = (ws.getRow(2).values as string[]).slice(2).map((p) => p.slice(0, 7));
      let id = '';
      const rows = new Map<string, ExcelJS.Row>();
      const flush = () => {
        if (!id) return;
        periods.forEach((p, i) => {
          const cell = (label: RegExp) => [...rows].find(([l]) => label.test(l))![1].getCell(i + 2);
          const rank = cell(/^Rank/);
          const of = cell(/^Of/);
          const rankForm = typeof rank.value === 'number' ? `${rank.value}/${of.value}${rank.numFmt.includes('prov') ? '*' : ''}` : '-';
          seen.set(key(id, p), { rank: rankForm, quartile: dash(String(cell(/^Quartile/).value)), direction: dir1(String(cell(/^Direction/).value)), source: sourceForm(String(cell(/^Comparators from/).value)) });
        });
        rows.clear();
      };
      ws.eachRow((row, r) => {
        if (r < 3) return;
        const label = String(row.getCell(1).value ?? '');
        const idLine = /; (\w+)$/.exec(label);
        if (row.getCell(1).font?.italic && idLine) {
          flush();
          id = idLine[1]!;
        } else rows.set(label, row);
      });
      flush();
    }
    check('workbook', seen, ['direction', 'rank', 'quartile', 'source']);
  });

  it('HTML', () => {
    const html = readFileSync(join(dir, 'reports', 'trends.html'), 'utf8');
    const unescape = (t: string) => t.replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const seen = new Map<string, Partial<Seen>>();
    for (const article of html.split('<article').slice(1)) {
      const id = /<code>(\w+)<\/code>/.exec(article)![1]!;
      for (const tr of article.matchAll(/<tr data-period="([^"]+)">(.*?)<\/tr>/g)) {
        const cell = (m: string) => unescape(new RegExp(`data-m="${m}">([^<]*)<`).exec(tr[2]!)![1]!);
        seen.set(key(id, tr[1]!), { rank: rankForm(cell('rank')), quartile: dash(cell('quartile')), direction: dir1(cell('direction')), source: sourceForm(cell('source')) });
      }
    }
    check('HTML', seen, ['direction', 'rank', 'quartile', 'source']);
  });
});

describe("the demo's restatements (its previous month, app/demo/generator/previous.ts)", () => {
  // 3 referrals of 2015/16 recorded late, a plan of 2014/15 recorded late, a duplicate referral of 2014/15 deleted
  it('are marked and listed in the Markdown, and 2016/17 (part-year a month earlier) is not compared', () => {
    const md = readFileSync(join(dir, 'reports', 'indicators.md'), 'utf8');
    const list = md.slice(md.indexOf('## Restated since the last snapshot'));
    expect(list).toMatch(/against extract [0-9a-f]{16} taken on 2017-03-10, the snapshot loaded before it/);
    expect(list).toContain('| Referrals per 10,000 children | 2014/15 | 4,203 / 67,800 / 619.9 | 4,202 / 67,800 / 619.8 | -0.1 |');
    expect(list).toContain('| Referrals per 10,000 children | 2015/16 | 4,169 / 67,800 / 614.9 | 4,172 / 67,800 / 615.3 | +0.4 |');
    expect(list).toContain('| Children subject to a child protection plan at period end per 10,000 | 2014/15 | 316 / 67,800 / 46.6 | 317 / 67,800 / 46.8 | +0.2 |');
    expect(list).not.toMatch(/\| 2016\/17 \|/);
    expect(list).toContain('- not compared: 2016/17, part-year');
    const referrals = md.slice(md.indexOf('### Referrals per 10,000 children'));
    expect(referrals).toContain('| Wigan | 626.4 | 619.8 † | 615.3 † | 616.4 |');
    expect(referrals).toContain('| Restated since the last snapshot |  | † was 619.9 (-0.1) | † was 614.9 (+0.4) |  |');
  });

  it('are marked in the HTML, the CSV and the workbook too', async () => {
    const html = readFileSync(join(dir, 'reports', 'trends.html'), 'utf8');
    expect(html).toContain('<td class="text" data-m="restated">† was 614.9 (+0.4)</td>');
    const csv = readFileSync(join(dir, 'reports', 'indicators.csv'), 'utf8');
    expect(csv).toMatch(/,referrals_per_10k,.*,2015\/16,.*,value,615\.3,per_10k,.*restated since extract [0-9a-f]{16} \(2017-03-10\),614\.9\n/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'reports', 'indicators.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.at(-1)!.name).toBe('Restated');
  });
});
