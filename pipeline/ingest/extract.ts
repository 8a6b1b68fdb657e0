/*
 * Reads an extract folder (sub-folders allowed) into a ParsedExtract without
 * writing anything: the shared first half of `ingest` and `validate`. Files are
 * matched to SSD tables by name (`<table>.csv`, any case); anything else is
 * listed as not read, never silently skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputRejected } from '../errors.ts';
import { latestAcceptableDate } from '../values.ts';
import { checkReferences } from './references.ts';
import { readSsdFile } from './ssd-csv.ts';
import { SSD_FILES } from './ssd-files.ts';
import type { ParsedExtract } from './types.ts';

export interface ExtractFile {
  /** path relative to the extract folder */
  path: string;
  bytes: Uint8Array;
}

export function readExtract(dir: string, extractDate: string): ParsedExtract {
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
      return { path, bytes: readFileSync(abs) };
    } catch (e) {
      throw new InputRejected({ file: path }, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  });
  if (!files.some((f) => SSD_FILES.some((s) => s.file === basename(f.path).toLowerCase()))) {
    throw new InputRejected({ file: dir }, `holds none of the files safeguard reads (${SSD_FILES.map((s) => s.file).join(', ')})`);
  }
  return parseExtractFiles(files, extractDate);
}

/** The same as readExtract, over files already in memory (tests, and callers that fetched them). */
export function parseExtractFiles(files: ExtractFile[], extractDate: string): ParsedExtract {
  const latest = latestAcceptableDate(extractDate);
  const parsed: ParsedExtract = { files: [], tables: new Map(), quarantine: [], notes: [] };
  const claimed = new Map<string, string>();
  for (const f of files) {
    const spec = SSD_FILES.find((s) => s.file === basename(f.path).toLowerCase());
    if (!spec) {
      parsed.notes.push(`${f.path}: not read (not a file name safeguard knows)`);
      continue;
    }
    const other = claimed.get(spec.file);
    if (other) throw new InputRejected({ file: f.path }, `is a second ${spec.file} (the first is ${other}); an extract holds each table once`);
    claimed.set(spec.file, f.path);
    const result = readSsdFile(spec, f.path, f.bytes, latest);
    parsed.files.push(result.report);
    parsed.tables.set(spec.table, result.rows);
    parsed.quarantine.push(...result.quarantine);
    parsed.notes.push(...result.notes);
  }
  parsed.quarantine.push(...checkReferences(parsed.tables));
  // keep each file's account true after the cross-file checks
  const quarantinedByFile = new Map<string, number>();
  for (const q of parsed.quarantine) quarantinedByFile.set(q.file, (quarantinedByFile.get(q.file) ?? 0) + 1);
  for (const f of parsed.files) {
    f.rowsLoaded = parsed.tables.get(f.table)?.rows.length ?? 0;
    f.rowsQuarantined = quarantinedByFile.get(f.file) ?? 0;
  }
  return parsed;
}

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
