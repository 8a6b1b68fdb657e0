/*
 * Test harness: reads files through the real ingest (staging in an in-memory
 * database) and reads everything staged back into plain arrays, so a test can
 * look at rows, quarantine and accounts without SQL. Used only by tests.
 */
import { Database } from '../pipeline/db.ts';
import { parseExtractFiles } from '../pipeline/ingest/extract.ts';
import type { ExtractFile } from '../pipeline/ingest/extract.ts';
import type { ReadOptions } from '../pipeline/ingest/extract.ts';
import { readQuarantine, readStage } from '../pipeline/ingest/staging.ts';
import type { FileReport, ParsedExtract, QuarantinedRow, TableRows } from '../pipeline/ingest/types.ts';

export interface ReadBack {
  files: FileReport[];
  tables: Map<string, TableRows>;
  quarantine: QuarantinedRow[];
  notes: string[];
  warnings: ParsedExtract['warnings'];
}

/** Files as text (name -> content) or as ExtractFiles. */
export async function readBack(
  files: Record<string, string> | ExtractFile[],
  extractDate: string,
  opts: ReadOptions = {},
  /** a database to stage in (kept open); by default a fresh one in memory */
  shared?: Database,
): Promise<ReadBack> {
  const list = Array.isArray(files) ? files : Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  const db = shared ?? (await Database.open(':memory:'));
  try {
    const parsed = await parseExtractFiles(db, list, extractDate, opts);
    const tables = new Map<string, TableRows>();
    for (const t of parsed.tables.keys()) tables.set(t, (await readStage(db, t))!);
    return { files: parsed.files, tables, quarantine: await readQuarantine(db), notes: parsed.notes, warnings: parsed.warnings };
  } finally {
    if (!shared) db.close();
  }
}
