/*
 * The contract every input format meets (an adapter), as an indicator meets
 * metrics/index.ts's and a renderer reports/index.ts's. An adapter is one
 * module exporting one object: it says which files are its own (`recognise`,
 * by name and/or content) and reads them (`read`), staging rows for the
 * internal model (schema.sql tables, in the staging area of staging.ts) or
 * handing back annual returns for stacking (stacking.ts), which any return
 * format can use. Problems are data: `read` returns every file it had to
 * reject, and never throws on the first (only a fault in safeguard itself is
 * thrown). The ordered list of adapters is adapters.ts; extract.ts loops over it.
 */
import type { Database } from '../db.ts';
import type { InputRejected } from '../errors.ts';
import type { ParsedReturn } from './types.ts';
import type { FileReport } from './types.ts';

export interface InputFile {
  /** path relative to the extract folder: what the user is told */
  path: string;
  bytes: Uint8Array;
  /** the file on disk, when it is one (lets DuckDB read it itself) */
  abs?: string;
}

/** A file given to an adapter, with its place in the extract's file order (problems and notes are put back in that order). */
export interface ClaimedFile {
  at: number;
  file: InputFile;
}

export interface ReadContext {
  /** the run's connection; the staging area is started on it */
  db: Database;
  /** the latest acceptable date (values.ts): later dates are bad values */
  latest: string;
  /** 'js' makes the SSD adapter use csv.ts for every file (tests compare the readers) */
  reader?: 'auto' | 'js';
}

export interface AdapterOutput {
  /** accounts of the files staged directly (a return's accounts come with the return) */
  reports: { at: number; report: FileReport }[];
  /** things the user should know that are not errors, by file */
  notes: { at: number; text: string }[];
  /** returns read into memory, to be stacked with every other return (stacking.ts) */
  returns: ParsedReturn[];
  /** every file the adapter had to reject: one rejected file rejects the extract */
  problems: { at: number; error: InputRejected }[];
}

export interface InputAdapter {
  /** unique; recorded in each file's account (snapshot_file.adapter) */
  name: string;
  /** what one of its files is, for "not read" notes ("a CIN census") */
  title: string;
  /** what the user is told it reads, when a folder holds nothing safeguard reads */
  reads: string;
  /**
   * Where each internal table comes from in this format ("ssd_cp_plans.csv",
   * "the CIN census"), for the reasons an indicator has no data (compute.ts).
   */
  sources: Readonly<Record<string, string>>;
  /** columns of an internal table this format never carries, with why (compute.ts adds it to "do not record") */
  notCarried?: Readonly<Record<string, string>>;
  /** whether a file is this format's; the first adapter in the list that says yes reads it */
  recognise(file: InputFile): boolean;
  /** reads every file recognised, in file order */
  read(files: ClaimedFile[], ctx: ReadContext): Promise<AdapterOutput>;
}

export function emptyOutput(): AdapterOutput {
  return { reports: [], notes: [], returns: [], problems: [] };
}
