/*
 * Reads an extract folder (sub-folders allowed) into the staging area without
 * writing anything: the shared first half of `ingest` and `validate`. Each
 * file goes to the first input adapter that recognises it (adapters.ts: SSD
 * tables by name, the statutory returns by content); each adapter reads its
 * files and returns what it staged, its returns, its notes and every file it
 * had to reject. The returns of every format are then stacked (stacking.ts)
 * and the cross-file checks run (references.ts). Anything no adapter
 * recognises is listed as not read, never silently skipped.
 *
 * Every file is read, so one run names every rejected file; one rejected file
 * rejects the extract (half an extract gives wrong figures, not fewer), and
 * the first in file order is named first.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { InputRejected } from '../errors.ts';
import { latestAcceptableDate } from '../values.ts';
import type { Database } from '../db.ts';
import type { ClaimedFile, InputAdapter, InputFile } from './adapter.ts';
import { ADAPTERS } from './adapters.ts';
import { checkReferences } from './references.ts';
import { loadedByFile, quarantinedByFile, stagedTables, startStaging } from './staging.ts';
import { mergeStacked, oneReturnPerYear, personIds, stackReturns } from './stacking.ts';
import type { FileReport, ParsedExtract, ParsedReturn } from './types.ts';

export type ExtractFile = InputFile;

export interface ReadOptions {
  /** 'js' makes the SSD adapter read every file with csv.ts (tests compare the readers) */
  reader?: 'auto' | 'js';
  /** the formats to read (tests add one); adapters.ts's list by default */
  adapters?: readonly InputAdapter[];
}

/**
 * An extract with one or more rejected files: every one of them, the first in
 * file order first (its location and reason are the error's own), one line each.
 */
export class ExtractRejected extends InputRejected {
  constructor(readonly problems: InputRejected[]) {
    super(problems[0]!.location, problems[0]!.reason);
    this.message = problems.map((p) => p.message).join('\n');
  }
}

/**
 * Reads an extract folder into the staging area of `db` (staging.ts); nothing
 * is written to the database file. Any earlier staging on `db` is cleared.
 * Throws ExtractRejected naming every rejected file.
 */
export async function readExtract(db: Database, dir: string, extractDate: string, opts: ReadOptions = {}): Promise<ParsedExtract> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    readdirSync(dir);
  } catch {
    throw new InputRejected({ file: dir }, 'is not a folder that can be read');
  }
  const adapters = opts.adapters ?? ADAPTERS;
  const parsed = await readFiles(db, listFiles(dir, dir), extractDate, opts);
  if (parsed.files.length === 0) {
    throw new InputRejected({ file: dir }, `holds none of the files safeguard reads (${adapters.map((a) => a.reads).join('; or ')})`);
  }
  return parsed;
}

/** The same as readExtract, over files already in memory (tests, and callers that fetched them). */
export async function parseExtractFiles(db: Database, files: ExtractFile[], extractDate: string, opts: ReadOptions = {}): Promise<ParsedExtract> {
  return readFiles(db, files, extractDate, opts);
}

/** The files in order; an entry that could not be listed or read is its rejection, in its place. */
async function readFiles(db: Database, files: (ExtractFile | InputRejected)[], extractDate: string, opts: ReadOptions): Promise<ParsedExtract> {
  const adapters = opts.adapters ?? ADAPTERS;
  const latest = latestAcceptableDate(extractDate);
  const parsed: ParsedExtract = { files: [], tables: new Map(), quarantined: 0, notes: [], warnings: [] };
  await startStaging(db);
  const problems: { at: number; error: InputRejected }[] = [];
  const notes: { at: number; text: string }[] = [];
  const claims = new Map<InputAdapter, ClaimedFile[]>(adapters.map((a) => [a, []]));
  for (const [at, file] of files.entries()) {
    if (file instanceof InputRejected) {
      problems.push({ at, error: file });
      continue;
    }
    const adapter = adapters.find((a) => a.recognise(file));
    if (adapter) claims.get(adapter)!.push({ at, file });
    else notes.push({ at, text: `${file.path}: not read (not ${adapters.map((a) => a.title).join(', nor ')})` });
  }

  // each adapter reads its files; the returns wait to be stacked together
  const reports: { at: number; report: FileReport }[] = [];
  const returns: ParsedReturn[] = [];
  const staging: { adapter: InputAdapter; files: string[] }[] = [];
  for (const [adapter, claimed] of claims) {
    if (claimed.length === 0) continue;
    const out = await adapter.read(claimed, { db, latest, reader: opts.reader });
    problems.push(...out.problems);
    notes.push(...out.notes);
    reports.push(...out.reports);
    returns.push(...out.returns);
    if (out.reports.length > 0) staging.push({ adapter, files: [...out.reports].sort((a, b) => a.at - b.at).map((r) => r.report.file) });
  }
  // file order, whichever adapter read the file (sorts are stable: a file's own notes keep their order)
  const direct = reports.sort((a, b) => a.at - b.at).map((r) => r.report);
  parsed.files.push(...direct);
  parsed.notes.push(...notes.sort((a, b) => a.at - b.at).map((n) => n.text));

  // the date each return was taken, for the extract date when none is given (extract-date.ts)
  parsed.returnsTaken = returns.flatMap((r) => {
    const date = r.takenOn ?? (r.year !== null ? `${r.year + 1}-03-31` : null);
    if (date === null) return [];
    const rule = r.takenOn ? 'the earlier of its ReferenceDate and its Source/DateTime' : '31 March of its collection year';
    return [{ label: r.label, date, rule }];
  });
  if (returns.length > 0) {
    // one return per collection year (two are rejected naming both; identical ones read once)
    const perYear = oneReturnPerYear(returns);
    problems.push(...perYear.problems.map((error) => ({ at: files.length, error })));
    parsed.notes.push(...perYear.notes);
    try {
      if (perYear.problems.length === 0) await mergeStacked(db, parsed, stackReturns(perYear.returns, await personIds(db)));
    } catch (error) {
      if (!(error instanceof InputRejected)) throw error;
      problems.push({ at: files.length, error });
    }
  }
  if (problems.length > 0) throw new ExtractRejected(problems.sort((a, b) => a.at - b.at).map((p) => p.error));

  await checkReferences(db);
  // keep each file's account true after the cross-file checks
  const loaded = await loadedByFile(db);
  const quarantined = await quarantinedByFile(db);
  for (const f of parsed.files) {
    f.rowsLoaded = loaded.get(`${f.file}\u0000${f.table}`) ?? 0;
    // a return's file feeds several tables: stacking counted its quarantined rows table by table
    if (direct.includes(f)) f.rowsQuarantined = quarantined.get(f.file) ?? 0;
  }
  parsed.tables = await stagedTables(db);
  parsed.quarantined = [...quarantined.values()].reduce((a, b) => a + b, 0);
  // beside the returns' notes, say which files the staging adapters read
  if (returns.length > 0) parsed.notes.unshift(...staging.map((s) => `read by ${s.adapter.name}: ${s.files.join(', ')}`));
  return parsed;
}

/**
 * The files under `dir`, sorted, sub-folders included, dot-files left out.
 * An entry that cannot be looked at, a folder that cannot be listed, a file
 * that cannot be read, and anything that is not a file (a named pipe, a
 * socket, a device: reading one could wait for ever) is a rejection naming
 * that entry, in its place.
 */
function listFiles(top: string, dir: string): (ExtractFile | InputRejected)[] {
  const out: (ExtractFile | InputRejected)[] = [];
  const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return [new InputRejected({ file: relative(top, dir) }, `is a folder that cannot be read (${code(e)})`)];
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    const path = relative(top, abs);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch (e) {
      out.push(new InputRejected({ file: path }, `cannot be read (${code(e)}${code(e) === 'ENOENT' ? ': a link to a file that is not there' : ''})`));
      continue;
    }
    if (st.isDirectory()) out.push(...listFiles(top, abs));
    else if (!st.isFile()) {
      const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : 'a device';
      out.push(new InputRejected({ file: path }, `is ${what}, not a file: safeguard reads files only (copy the data into a file)`));
    } else {
      try {
        out.push({ path, bytes: readFileSync(abs), abs });
      } catch (e) {
        out.push(new InputRejected({ file: path }, `cannot be read (${code(e)})`));
      }
    }
  }
  return out;
}
