/*
 * `npm run bench`: how fast safeguard is at 1x, 10x and 50x a Wigan-sized LA
 * with ten years of history. For each size it prints rows ingested, ingest
 * time, time to compute every indicator for 10 financial years plus 120
 * rolling-12-month periods, time for the reports, peak memory, and two floors
 * for ingest: the time DuckDB itself takes to scan the same CSV files, and to
 * load them unchecked into a database file. Each
 * step runs as the user would run it (a fresh `node bin/safeguard.js`), so
 * start-up is included. It prints figures and asserts nothing.
 *
 *   npm run bench              # 1, 10, 50
 *   npm run bench -- 1 10      # chosen sizes
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../pipeline/db.ts';
import { BENCH_EXTRACT_DATE, writeScaledExtract } from './demo/generator/scaled.ts';

const OUT = 'out/bench';
const PERIODS = ['--period', '2007/08:2016/17', '--period', '2007-04:2017-03'];
const HAS_TIME = existsSync('/usr/bin/time');

interface Step {
  seconds: number;
  peakMb: number | null;
}

function run(args: string[]): Step {
  const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const argv = HAS_TIME ? ['-f', '%M', process.execPath, 'bin/safeguard.js', ...args] : ['bin/safeguard.js', ...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`safeguard ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const kb = HAS_TIME ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

/** DuckDB counting the rows of the same CSV files: the issue's floor for ingest (it need not parse every field). */
async function bareScan(dir: string): Promise<number> {
  const db = await Database.open(':memory:');
  try {
    const t = process.hrtime.bigint();
    for (const f of csvFiles(dir)) {
      await db.all(`SELECT count(*) AS n FROM read_csv('${join(dir, f)}', all_varchar = true, header = true)`);
    }
    return Number(process.hrtime.bigint() - t) / 1e9;
  } finally {
    db.close();
  }
}

/**
 * DuckDB loading the same files, unchecked, into tables of a new database
 * file, as text, and closing it (the checkpoint writes them): the floor for an
 * ingest that keeps what it read.
 */
async function bareLoad(dir: string, dbFile: string): Promise<number> {
  removeDatabase(dbFile);
  const t = process.hrtime.bigint();
  const db = await Database.open(dbFile);
  try {
    for (const [i, f] of csvFiles(dir).entries()) {
      await db.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv('${join(dir, f)}', all_varchar = true, header = true)`);
    }
  } finally {
    db.close();
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  removeDatabase(dbFile);
  return seconds;
}

/** The extract again with one referral more (a late recording), in a folder beside it: a second snapshot for `changes`. */
function nextMonth(dir: string): string {
  const next = `${dir}-next`;
  rmSync(next, { recursive: true, force: true });
  cpSync(dir, next, { recursive: true });
  const file = join(next, 'ssd_cin_episodes.csv');
  const text = readFileSync(file, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const child = text.split(eol)[1]!.split(',')[1];
  appendFileSync(file, `BENCH-LATE-1,${child},2016-06-01,,N${eol}`);
  return next;
}

function removeDatabase(file: string): void {
  for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
}

function csvFiles(dir: string): string[] {
  return readdirSync(dir).filter((x) => x.endsWith('.csv'));
}

const fmt = (s: number) => s.toFixed(2).padStart(7);
const mb = (m: number | null) => (m === null ? '     n/a' : `${m.toFixed(0).padStart(5)} MB`);

async function main(): Promise<void> {
  const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const sizes = scales.length > 0 ? scales : [1, 10, 50];
  console.log(`safeguard bench: ${sizes.map((s) => `${s}x`).join(', ')}; each step a fresh process (start-up included)${HAS_TIME ? '' : '; /usr/bin/time missing: no peak memory'}`);
  const rows: string[] = [];
  let firstCompute: number | null = null;
  for (const scale of sizes) {
    const dir = join(OUT, `x${scale}`);
    const dbFile = join(OUT, `x${scale}.duckdb`);
    rmSync(dir, { recursive: true, force: true });
    removeDatabase(dbFile);
    const g = process.hrtime.bigint();
    const counts = writeScaledExtract(dir, scale);
    const generated = Number(process.hrtime.bigint() - g) / 1e9;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const ingest = run(['ingest', dir, '--db', dbFile, '--la', '359', '--extract-date', BENCH_EXTRACT_DATE]);
    const compute = run(['indicators', '--db', dbFile, ...PERIODS, '--format', 'json']);
    const reportArgs = ['report', '--db', dbFile, ...PERIODS, '--out', join(OUT, `report-x${scale}`)];
    const report = hasCommand('report') ? run(reportArgs) : null;
    const records = run(['records', '--db', dbFile, '--indicator', 'cla_reviews_in_time_pct', '--period', '2016/17', '--out', join(OUT, `records-x${scale}.csv`)]);
    run(['ingest', nextMonth(dir), '--db', dbFile, '--la', '359', '--extract-date', BENCH_EXTRACT_DATE]);
    const changes = run(['changes', '--db', dbFile, '--records', '--format', 'json']);
    const scan = await bareScan(dir);
    const load = await bareLoad(dir, join(OUT, `x${scale}-bare.duckdb`));
    firstCompute ??= compute.seconds;
    const peak = Math.max(ingest.peakMb ?? 0, compute.peakMb ?? 0, report?.peakMb ?? 0);
    rows.push(
      [
        `${scale}x`.padStart(4),
        String(total).padStart(10),
        fmt(generated),
        fmt(ingest.seconds),
        fmt(scan),
        `${(ingest.seconds / scan).toFixed(1).padStart(5)}x`,
        fmt(load),
        `${(ingest.seconds / load).toFixed(1).padStart(5)}x`,
        fmt(compute.seconds),
        report ? fmt(report.seconds) : '    n/a',
        fmt(ingest.seconds + compute.seconds),
        HAS_TIME ? mb(peak) : '     n/a',
        `${(compute.seconds / firstCompute).toFixed(1).padStart(5)}x`,
        fmt(records.seconds),
        fmt(changes.seconds),
        HAS_TIME ? `${mb(ingest.peakMb)} ${mb(compute.peakMb)} ${mb(report?.peakMb ?? null)}` : '',
      ].join('  '),
    );
    console.log(`${scale}x done`);
  }
  console.log('');
  console.log('size        rows  generate   ingest     scan  ingest/scan     load  ingest/load  compute   report  ingest+compute     peak RSS  compute vs 1x  records  changes  peak RSS: ingest / compute / report');
  console.log('                       (s)      (s)      (s)                (s)                 (s)      (s)             (s)                               (s)      (s)');
  for (const r of rows) console.log(r);
  console.log('\ncompute = all 19 indicators for 10 financial years + 120 rolling-12-month periods (2,470 figures), with DfE comparators and ranks');
  console.log('scan = DuckDB counting the CSV rows (in memory); load = DuckDB copying the CSVs, unchecked, into a new database file');
  console.log("records = the children behind 2016/17's LAC reviews in time, to a file; changes = the four years' figures of two snapshots (the second with one referral more) and the records that moved them");
}

function hasCommand(name: string): boolean {
  const r = spawnSync(process.execPath, ['bin/safeguard.js', name, '--help'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes(`safeguard ${name}`);
}

await main();
