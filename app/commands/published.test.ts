/*
 * `safeguard published` (issue 17): any LA's published figures from the
 * bundled DfE data alone. The partnership's 2023-24 statements checked
 * against it (they hold with the 2021 neighbour model, in force then, and
 * flip with the 2025 one); every LA of the 2025 model without an error; a
 * formed LA before it existed; no database; bad usage.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.ts';
import { loadRealDataset } from '../../pipeline/benchmarks/dfe/real-files.ts';
import { INDICATORS } from '../../metrics/index.ts';
import type { IndicatorResult, IndicatorsDocument } from '../../metrics/types.ts';
import { buildPublishedDocument } from '../published-service.ts';

async function published(...args: string[]): Promise<IndicatorsDocument> {
  const r = await runCli('published', '--format', 'json', ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as IndicatorsDocument;
}
const get = (d: IndicatorsDocument, indicator: string, period: string): IndicatorResult => d.results.find((r) => r.indicator === indicator && r.period === period)!;
/** "in line with": within 5% of the comparator, the RAG rule the reports use */
const inLine = (v: number, c: number) => Math.abs(v - c) <= 0.05 * c;

describe("Wigan's 2023-24 annual report, against `published --la 359 --period 2023/24`", () => {
  // DfE year 2024 (2023/24); rates on the ONS mid-2023 estimate; SN = mean of the 2021 model's ten:
  // St. Helens 342, Rotherham 372, Redcar and Cleveland 807, Doncaster 371, Barnsley 370,
  // Wakefield 384, Stockton-on-Tees 808, Dudley 332, Tameside 357, North East Lincolnshire 812
  it('referrals "in line with England and below statistical neighbours"', async () => {
    const r = get(await published('--la', '359', '--period', '2023/24'), 'referrals_per_10k', '2023/24');
    // C1 referral_count: Wigan 10000 * 3744 / 70691 = 529.6289 -> 529.6
    // England 10000 * 621880 / 12059476 = 515.6775 -> 515.7; North West 10000 * 81950 / 1607440 = 509.8169 -> 509.8
    // SN: 342 10000*2298/37296 = 616.2; 372 10000*2672/58441 = 457.2; 807 10000*1556/27485 = 566.1;
    //   371 10000*5810/66679 = 871.3; 370 10000*3114/51150 = 608.8; 384 10000*3450/76266 = 452.4;
    //   808 10000*4031/44466 = 906.5; 332 10000*2681/70105 = 382.4; 357 10000*3797/52288 = 726.2;
    //   812 10000*2264/33331 = 679.2; mean = 6266.3 / 10 = 626.63 -> 626.6
    expect([r.value, r.benchmarks.england?.value, r.benchmarks.region?.value]).toEqual([529.6, 515.7, 509.8]);
    expect(r.benchmarks.sn).toMatchObject({ value: 626.6, n: 10, of: 10 });
    expect(r.benchmarks.sn?.source).toMatch(/SN model 2021 mean of 10\/10$/);
    expect(inLine(529.6, 515.7)).toBe(true);
    expect(r.value!).toBeLessThan(r.benchmarks.sn!.value!);
  });

  it('CP rate "below SN average and in line with England"', async () => {
    const r = get(await published('--la', '359', '--period', '2023/24'), 'cpp_per_10k', '2023/24');
    // D5 CPP_At31: Wigan 10000 * 305 / 70691 = 43.1455 -> 43.1; England 10000 * 49900 / 12059476 = 41.3782 -> 41.4
    // North West 10000 * 7800 / 1607440 = 48.5244 -> 48.5
    // SN: 342 10000*178/37296 = 47.7; 372 10000*265/58441 = 45.3; 807 10000*227/27485 = 82.6; 371 10000*296/66679 = 44.4;
    //   370 10000*366/51150 = 71.6; 384 10000*427/76266 = 56.0; 808 10000*241/44466 = 54.2; 332 10000*228/70105 = 32.5;
    //   357 10000*392/52288 = 75.0; 812 10000*237/33331 = 71.1; mean = 580.4 / 10 = 58.04 -> 58.0
    expect([r.value, r.benchmarks.england?.value, r.benchmarks.region?.value]).toEqual([43.1, 41.4, 48.5]);
    expect(r.benchmarks.sn).toMatchObject({ value: 58.0, n: 10 });
    expect(r.value!).toBeLessThan(58.0);
    expect(inLine(43.1, 41.4)).toBe(true);
  });

  it('children in care "above England and North West but below statistical neighbours"', async () => {
    const r = get(await published('--la', '359', '--period', '2023/24'), 'cla_per_10k', '2023/24');
    // CLA file children_count / population_estimate: Wigan 10000 * 733 / 70691 = 103.6907 -> 103.7
    // England 10000 * 83530 / 12059476 = 69.2650 -> 69.3; North West 10000 * 15070 / 1607440 = 93.7516 -> 93.8
    // SN: 342 10000*488/37296 = 130.8; 372 10000*502/58441 = 85.9; 807 10000*419/27485 = 152.4; 371 10000*524/66679 = 78.6;
    //   370 10000*404/51150 = 79.0; 384 10000*682/76266 = 89.4; 808 10000*581/44466 = 130.7; 332 10000*573/70105 = 81.7;
    //   357 10000*644/52288 = 123.2; 812 10000*469/33331 = 140.7; mean = 1092.4 / 10 = 109.24 -> 109.2
    expect([r.value, r.benchmarks.england?.value, r.benchmarks.region?.value]).toEqual([103.7, 69.3, 93.8]);
    expect(r.benchmarks.sn).toMatchObject({ value: 109.2, n: 10 });
    expect(r.value!).toBeGreaterThan(93.8);
    expect(r.value!).toBeLessThan(109.2);
  });

  it('with the 2025 model forced, all three SN comparisons flip (why the model must follow the year)', async () => {
    const d = await published('--la', '359', '--period', '2023/24', '--sn-model', '2025');
    for (const id of ['referrals_per_10k', 'cpp_per_10k', 'cla_per_10k']) {
      const r = get(d, id, '2023/24');
      expect(r.value!, id).toBeGreaterThan(r.benchmarks.sn!.value!);
    }
  });

  it("ranks the LA's own published value among the others (DfE's rank), with direction against 2022/23", async () => {
    const r = get(await published('--la', '359', '--period', '2023/24'), 'cla_per_10k', '2023/24');
    expect(r.rank).toMatchObject({ of: 152, provisional: false, year: 2024 });
    // 2022/23: 10000 * 676 / 69385 = 97.4274 -> 97.4; 103.7 is higher, and lower is better
    expect(r.direction).toEqual({ previous_period: '2022/23', previous_value: 97.4, value: 'worse' });
    expect(r.numerator).toBeNull();
  });
});

describe('published for every LA', () => {
  const { dataset: ds } = loadRealDataset();
  it('runs for every LA in the 2025 neighbour model, each figure a value or a reason', () => {
    const las = [...ds.sn.get('2025')!.keys()];
    expect(las.length).toBe(153);
    for (const la of las) {
      const doc = buildPublishedDocument({ la, period: ['2020/21:2024/25'] }, ds);
      expect(doc.la?.code).toBe(la);
      // every indicator DfE publishes, each of five years
      expect(doc.results.length).toBe(INDICATORS.filter((i) => i.dfe).length * 5);
      for (const r of doc.results) {
        if (r.value === null) {
          expect(r.notes.join(' '), `${la} ${r.indicator} ${r.period}`).toMatch(/^no published value: /);
          expect(r.rank).toBeNull();
        }
        expect(r.benchmarks.england, `${la} ${r.indicator} ${r.period}`).toBeDefined();
      }
    }
  });

  it('a formed LA before it existed: no value or rank, and says why; its region and neighbours are still given', async () => {
    const r = get(await published('--la', '942', '--period', '2022/23'), 'referrals_per_10k', '2022/23');
    expect(r.value).toBeNull();
    expect(r.rank).toBeNull();
    expect(r.notes).toEqual(['no published value: Cumberland (942) did not exist as a local authority in 2022/23 (DfE publishes it for 2023/24 to 2024/25)']);
    expect(r.benchmarks.region?.value).not.toBeNull();
    expect(r.benchmarks.sn?.value).not.toBeNull();
    expect(r.benchmarks.sn?.note).toMatch(/^Cumberland \(942\) is not in SN model 2021, the model for 2022\/23, so SN model 2025 is used/);
  });

  it('an abolished LA after it was abolished: Northamptonshire 928 in 2021/22', async () => {
    const r = get(await published('--la', '928', '--period', '2020/21:2021/22'), 'icpc_per_10k', '2021/22');
    expect(r.value).toBeNull();
    expect(r.notes[0]).toMatch(/Northamptonshire \(928\) did not exist as a local authority in 2021\/22/);
    // and in 2020/21, its last year, it was published
    expect(get(await published('--la', '928', '--period', '2020/21'), 'icpc_per_10k', '2020/21').value).not.toBeNull();
  });
});

describe('published on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-published-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('needs no database and writes none', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli('published', '--la', 'E08000010');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Wigan \(359\): figures as DfE published them \(no extract\)/);
      // the latest year DfE has published, by default
      expect(r.out).toMatch(/referrals_per_10k\s+2024\/25/);
      expect(readdirSync(dir)).toEqual([]);
      expect(existsSync(join(dir, 'safeguard.duckdb'))).toBe(false);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses what it cannot do, with exit 2 and a plain message', async () => {
    for (const [args, message] of [
      [[], /published needs --la CODE/],
      [['--la', '999'], /--la 999: not an English local authority code/],
      [['--la', '359', '--period', '2024-10'], /--period 2024-10: DfE publishes financial years only/],
      [['--la', '359', '--format', 'xml'], /argument 'xml' is invalid/],
    ] as const) {
      const r = await runCli('published', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('writes the four reports with report --published --la', async () => {
    const out = join(dir, 'reports');
    const r = await runCli('report', '--published', '--la', '359', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['indicators.csv', 'indicators.md', 'indicators.xlsx', 'trends.html']);
    const { readFileSync } = await import('node:fs');
    const md = readFileSync(join(out, 'indicators.md'), 'utf8');
    expect(md).toMatch(/Figures as DfE published them \(no extract\)/);
    // the latest four published years, 2021/22 to 2024/25
    expect(md).toMatch(/2021\/22 to 2024\/25/);
    expect((await runCli('report', '--la', '359', '--out', out)).code).toBe(2);
  });
});
