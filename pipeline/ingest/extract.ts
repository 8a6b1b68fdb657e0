/*
 * Reads an extract folder (sub-folders allowed) into a ParsedExtract without
 * writing anything: the shared first half of `ingest` and `validate`. Files are
 * matched to SSD tables by name (`<table>.csv`, any case); the statutory
 * returns by content: SSDA903 CSVs by their header row, CIN census
 * XML by its root and header, any number of them, stacked (stacking.ts).
 * Anything else is listed as not read, never silently skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputRejected } from '../errors.ts';
import { latestAcceptableDate } from '../values.ts';
import { readCinCensus } from './cin-census-xml.ts';
import { checkReferences } from './references.ts';
import { ADAPTER as SSD_ADAPTER, stageSsdFile } from './ssd-csv.ts';
import type { SsdReadOptions } from './ssd-csv.ts';
import { QUARANTINE, QUARANTINE_COLUMNS, STAGING, loadedByFile, quarantinedByFile, stagedTables, startStaging } from './staging.ts';
import type { Database } from '../db.ts';
import { SSD_FILES } from './ssd-files.ts';
import type { SsdFileSpec } from './ssd-files.ts';
import { folderOf, readSsda903Return, recogniseSsda903 } from './ssda903-csv.ts';
import type { Ssda903File } from './ssda903-csv.ts';
import { mergeStacked, personIds, stackReturns } from './stacking.ts';
import type { FileReport, ParsedExtract, ParsedReturn } from './types.ts';
import { looksLikeXml } from './xml.ts';

export interface ExtractFile {
  /** path relative to the extract folder */
  path: string;
  bytes: Uint8Array;
  /** the file on disk, when it is one (lets DuckDB read SSD files itself) */
  abs?: string;
}

/**
 * Reads an extract folder into the staging area of `db` (staging.ts); nothing
 * is written to the database file. Any earlier staging on `db` is cleared.
 */
export async function readExtract(db: Database, dir: string, extractDate: string, opts: SsdReadOptions = {}): Promise<ParsedExtract> {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = listFiles(dir);
  } catch {
    throw new InputRejected({ file: dir }, 'is not a folder that can be read');
  }
  const files: ExtractFile[] = entries.map((abs) => {
    const path = relative(dir, abs);
    try {
      return { path, bytes: readFileSync(abs), abs };
    } catch (e) {
      throw new InputRejected({ file: path }, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  });

  const parsed = await parseExtractFiles(db, files, extractDate, opts);
  if (parsed.files.length === 0) {
    throw new InputRejected(
      { file: dir },
      `holds none of the files safeguard reads (${SSD_FILES.map((s) => s.file).join(', ')}; or SSDA903 CSVs and CIN census XML, recognised by content)`,
    );
  }
  return parsed;
}

/** The same as readExtract, over files already in memory (tests, and callers that fetched them). */
export async function parseExtractFiles(db: Database, files: ExtractFile[], extractDate: string, opts: SsdReadOptions = {}): Promise<ParsedExtract> {
  const latest = latestAcceptableDate(extractDate);
  const parsed: ParsedExtract = { files: [], tables: new Map(), quarantined: 0, notes: [], warnings: [] };
  await startStaging(db);
  const claimed = new Map<string, string>();
  const returns: ParsedReturn[] = [];
  const ssda903 = new Map<string, Ssda903File[]>();
  // Files are taken in order; the SSD files are staged afterwards, two at a
  // time (stageInOrder), and their notes and accounts put back in file order.
  const notes: string[][] = files.map(() => []);
  const ssd: { at: number; spec: SsdFileSpec; file: ExtractFile }[] = [];
  let failed: { at: number; error: unknown } | null = null;
  for (const [at, f] of files.entries()) {
    try {
      const spec = SSD_FILES.find((s) => s.file === basename(f.path).toLowerCase());
      if (!spec) {
        if (looksLikeXml(f.bytes)) {
          const cin = readCinCensus(f.path, f.bytes, latest);
          if (cin) returns.push(cin);
          else notes[at]!.push(`${f.path}: not read (XML, but not a CIN census: no Message/Header with Collection CIN)`);
          continue;
        }
        const kind = recogniseSsda903(f.bytes);
        if (kind) {
          const folder = folderOf(f.path);
          ssda903.set(folder, [...(ssda903.get(folder) ?? []), { path: f.path, bytes: f.bytes, kind }]);
          continue;
        }
        notes[at]!.push(`${f.path}: not read (not a file name safeguard knows, nor an SSDA903 or CIN census return)`);
        continue;
      }
      const other = claimed.get(spec.file);
      if (other) throw new InputRejected({ file: f.path }, `is a second ${spec.file} (the first is ${other}); an extract holds each table once`);
      claimed.set(spec.file, f.path);
      ssd.push({ at, spec, file: f });
    } catch (error) {
      // files after it are not read, as when every file was read in turn
      failed = { at, error };
      break;
    }
  }
  const staged = await stageInOrder(db, ssd, latest, opts);
  // the first failure in file order is the one reported, whichever was found first
  if (staged.failed && (!failed || staged.failed.at < failed.at)) failed = staged.failed;
  if (failed) throw failed.error;
  for (const r of staged.results) {
    parsed.files.push(r.report);
    notes[r.at]!.push(...r.notes);
  }
  parsed.notes.push(...notes.flat());

  for (const [folder, list] of ssda903) returns.push(await readSsda903Return(db, folder, list, latest));
  if (returns.length > 0) await mergeStacked(db, parsed, stackReturns(returns, await personIds(db)));
  await checkReferences(db);
  // keep each file's account true after the cross-file checks
  const loaded = await loadedByFile(db);
  const quarantined = await quarantinedByFile(db);
  for (const f of parsed.files) {
    f.rowsLoaded = loaded.get(`${f.file}\u0000${f.table}`) ?? 0;
    // a return's file feeds several tables: stacking counted its quarantined rows table by table
    if (f.adapter === SSD_ADAPTER) f.rowsQuarantined = quarantined.get(f.file) ?? 0;
  }
  parsed.tables = await stagedTables(db);
  parsed.quarantined = [...quarantined.values()].reduce((a, b) => a + b, 0);

  const ssdRead = parsed.files.filter((f) => f.adapter === SSD_ADAPTER).map((f) => f.file);
  if (returns.length > 0 && ssdRead.length > 0) parsed.notes.unshift(`read by ${SSD_ADAPTER}: ${ssdRead.join(', ')}`);
  return parsed;
}

/**
 * Stages the SSD files two at a time, on the run's connection and a second
 * one: most of a small file's statements keep one core busy, and DuckDB has
 * two. Each file's quarantined rows wait in a table of their own and join the
 * staged quarantine in file order, so the quarantine reads as if the files had
 * been read one after another. The failure reported is the first in file
 * order: after a failure no later file is started, and an earlier one still
 * being read is finished in case it fails too.
 */
async function stageInOrder(
  db: Database,
  ssd: { at: number; spec: SsdFileSpec; file: ExtractFile }[],
  latest: string,
  opts: SsdReadOptions,
): Promise<{ results: { at: number; report: FileReport; notes: string[] }[]; failed: { at: number; error: unknown } | null }> {
  const lanes = ssd.length > 1 ? [db, await db.fork()] : [db];
  const results: ({ at: number; report: FileReport; notes: string[] } | null)[] = ssd.map(() => null);
  const errors: ({ at: number; error: unknown } | null)[] = ssd.map(() => null);
  let next = 0;
  let firstFailed = Infinity;
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        // a file after one that failed is not needed: the earlier failure is the one reported
        for (let i = next++; i < ssd.length && i < firstFailed; i = next++) {
          const { at, spec, file } = ssd[i]!;
          try {
            await lane.run(`CREATE TABLE ${fileQuarantine(i)} ${QUARANTINE_COLUMNS}`);
            results[i] = { at, ...(await stageSsdFile(lane, spec, file, latest, opts, fileQuarantine(i))) };
          } catch (error) {
            errors[i] = { at, error };
            firstFailed = Math.min(firstFailed, i);
          }
        }
      }),
    );
  } finally {
    for (const lane of lanes) if (lane !== db) lane.close();
  }
  if (firstFailed < Infinity) return { results: [], failed: errors[firstFailed]! };
  // the quarantines in file order: a clean file's is empty, and left out
  const quarantined = results.flatMap((r, i) => (r && r.report.rowsQuarantined > 0 ? [`SELECT * FROM ${fileQuarantine(i)}`] : []));
  for (const q of quarantined) await db.run(`INSERT INTO ${QUARANTINE} ${q} ORDER BY rowid`);
  if (ssd.length > 0) await db.run(ssd.map((_, i) => `DROP TABLE IF EXISTS ${fileQuarantine(i)};`).join(' '));
  return { results: results.filter((r) => r !== null), failed: null };
}

const fileQuarantine = (i: number) => `${STAGING}.file_quarantine_${i}`;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) out.push(...listFiles(abs));
    else if (st.isFile()) out.push(abs);
  }
  return out;
}
