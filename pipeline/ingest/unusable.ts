/*
 * The files and tables of a read extract that a person must look at before
 * using its figures (extract.md v2, "What bad input gets"): a file whose rows
 * are all, or mostly (more than half), quarantined, and a table that ends up
 * with no usable rows. A quarantine count in a table of twenty files is easy
 * to miss, and the indicators that need such a table have no value or count
 * only a remnant, so these are said first, in words (ingest and run print
 * them at the top of the summary; validate counts each as a problem).
 *
 * Messages name files, tables and columns only, never a value (cli.md v2).
 */
import type { Database } from '../db.ts';
import { ADAPTER as SSD_ADAPTER } from './ssd-csv.ts';
import { QUARANTINE } from './staging.ts';
import type { ParsedExtract } from './types.ts';

/**
 * One line per problem, in file order, then the tables left with no rows.
 * Reads the staged quarantine, so call it before the staging area is ended.
 */
export async function unusableParts(db: Database, parsed: ParsedExtract): Promise<string[]> {
  // the column most rows of each file were quarantined for (a person's first thing to fix)
  const top = await db.all<{ file: string; column_name: string | null; n: number }>(
    `SELECT file, arg_max(column_name, n) AS column_name, max(n) AS n
     FROM (SELECT file, column_name, count(*) AS n FROM ${QUARANTINE} GROUP BY ALL) GROUP BY file`,
  );
  const mostFor = new Map(top.map((t) => [t.file, t.column_name]));
  const out: string[] = [];
  const wholly = new Set<string>();
  for (const f of parsed.files) {
    if (f.rowsRead === 0 || f.rowsQuarantined * 2 <= f.rowsRead) continue;
    const col = mostFor.get(f.file);
    const why = col ? `, most for column ${col}` : '';
    // a return's file feeds several tables, each with its own account
    const what = f.adapter === SSD_ADAPTER ? f.file : `${f.file} (${f.table})`;
    if (f.rowsQuarantined >= f.rowsRead) {
      wholly.add(f.table);
      out.push(`${what}: every row (${f.rowsRead}) was quarantined${why}; nothing from it is used, and the figures that need ${f.table} have no value`);
    } else {
      out.push(`${what}: ${f.rowsQuarantined} of ${f.rowsRead} rows were quarantined (more than half)${why}; the figures from it count only the ${f.rowsRead - f.rowsQuarantined} rows left`);
    }
  }
  // tables: every file of the table together (a return's table with no records read is a true zero, not missing data)
  const tables = new Map<string, { read: number; loaded: number; ssd: string[] }>();
  for (const f of parsed.files) {
    const t = tables.get(f.table) ?? { read: 0, loaded: 0, ssd: [] };
    t.read += f.rowsRead;
    t.loaded += f.rowsLoaded;
    if (f.adapter === SSD_ADAPTER) t.ssd.push(f.file);
    tables.set(f.table, t);
  }
  for (const [table, t] of tables) {
    if (t.loaded > 0 || wholly.has(table) || (t.read === 0 && t.ssd.length === 0)) continue;
    const from = t.ssd.length > 0 ? t.ssd.join(', ') : 'the returns';
    out.push(
      t.read === 0
        ? `${from}: no rows; the figures that need ${table} have no value`
        : `${table}: no usable rows (${from}: rows lost to the cross-file checks, see the quarantine); the figures that need it have no value`,
    );
  }
  return out;
}

/** The block a person cannot miss: one headline, then each problem. */
export function unusableBanner(problems: string[]): string[] {
  if (problems.length === 0) return [];
  const rule = '!'.repeat(72);
  return [
    rule,
    `WARNING: ${problems.length} part${problems.length === 1 ? '' : 's'} of this extract could not be used; check ${problems.length === 1 ? 'it' : 'them'} before using any figure:`,
    ...problems.map((p) => `  ! ${p}`),
    rule,
  ];
}
