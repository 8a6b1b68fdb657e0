/*
 * `safeguard demo`: the README's first command. Generates the synthetic Wigan
 * extract, loads it into a fresh database beside it, imports the board's
 * published comparators (DfE's bundled files fill the rest), prints the four
 * years of indicators and writes the reports, with the demo's annotations
 * on the trend charts (`wigan-annotations.csv`: made up for the synthetic
 * data and labelled so; the rebase sits where the generator's IRO
 * consultation rate steps up, so the page shows what a phase change looks
 * like). Offline; the same figures on every machine. It loads the same
 * cohort's extract of a month before first (generator/previous.ts: a few
 * known late recordings and a deleted duplicate), so the reports show the
 * figures restated since that snapshot, as a monthly run would.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot } from '../../pipeline/root.ts';
import { generateSsdExtract } from '../demo/generator/index.ts';
import { generatePreviousSsdExtract } from '../demo/generator/previous.ts';
import { writeExtract } from '../demo/generator/write.ts';
import { importBenchmarks } from './benchmarks.ts';
import { ingest } from './ingest.ts';
import { tableAndReports } from './report.ts';
import type { Io } from '../io.ts';

export const BOARD_BENCHMARKS = fromRoot('app', 'demo', 'wigan-board-benchmarks.csv');
export const DEMO_PERIODS = ['2013/14:2016/17'];
export const DEMO_ANNOTATIONS = fromRoot('app', 'demo', 'wigan-annotations.csv');

export async function demo(opts: { out: string }, io: Io): Promise<void> {
  const extractDir = join(opts.out, 'extract');
  const previousDir = join(opts.out, 'extract-previous');
  const dbFile = join(opts.out, 'safeguard.duckdb');
  rmSync(extractDir, { recursive: true, force: true });
  rmSync(previousDir, { recursive: true, force: true });
  rmSync(dbFile, { force: true });
  rmSync(`${dbFile}.wal`, { force: true });
  mkdirSync(opts.out, { recursive: true });

  const previous = generatePreviousSsdExtract();
  const extract = generateSsdExtract();
  await writeExtract(previousDir, previous);
  await writeExtract(extractDir, extract);
  io.err(`Generated a synthetic extract (no real child's data) in ${extractDir}, and the same a month earlier in ${previousDir}`);
  // the synthetic extracts hold their whole history (indicators.md v2, "Coverage"): its published figures reach back to it
  await ingest(previousDir, { db: dbFile, la: previous.laCode, extractDate: previous.extractDate, ssdYears: 'all' }, io);
  await ingest(extractDir, { db: dbFile, la: extract.laCode, extractDate: extract.extractDate, ssdYears: 'all' }, io);
  await importBenchmarks([relative(process.cwd(), BOARD_BENCHMARKS)], { db: dbFile }, io);
  await tableAndReports({ db: dbFile, period: DEMO_PERIODS, out: join(opts.out, 'reports'), annotations: DEMO_ANNOTATIONS }, io);
  io.err(`Database: ${dbFile}`);
}
