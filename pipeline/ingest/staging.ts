/*
 * The staging area: where an extract's rows wait between reading and loading.
 * Every adapter writes here, the cross-file checks run here as SQL
 * (references.ts), and the loader copies from here into `store` in one
 * transaction (load.ts). It is an in-memory database attached to the run's
 * database as `safeguard/staging`, so that every connection of the run sees it
 * (the SSD files are read two at a time, on two connections: extract.ts):
 *
 *   stage_<table>      file, line, then the internal table's columns as text
 *   stage_quarantine   file, line, column_name, value, reason (in the order found)
 *
 * Nothing staged reaches the database file unless the loader copies it, and
 * the area is detached (and gone) when staging ends or the process does; rows
 * never pass through JavaScript arrays on the way (a 50x extract is millions
 * of rows). The tables a reader works with on its own (raw, lookup, dup) are
 * temp tables of its connection.
 */
import type { Database } from '../db.ts';
import { ident, literal } from '../db.ts';
import type { QuarantinedRow, TableRows } from './types.ts';

// The staging database's name has a slash so that it is never the name of the
// run's own database, which DuckDB takes from the file's name (a file named
// safeguard_staging.duckdb broke ingest when this was safeguard_staging).
const STAGING_NAME = 'safeguard/staging';
/** The staging database, as SQL names it. */
export const STAGING = ident(STAGING_NAME);
// table names inside it (the appender takes them bare, SQL quoted and qualified)
const QUARANTINE_NAME = 'stage_quarantine';
const stageName = (table: string) => `stage_${table}`;
/** The staged quarantine, as SQL names it. */
export const QUARANTINE = `${STAGING}.${ident(QUARANTINE_NAME)}`;
export const QUARANTINE_COLUMNS = '(file VARCHAR, line INTEGER, column_name VARCHAR, value VARCHAR, reason VARCHAR)';

/** The staged table of an internal table, as SQL names it. */
export function stageTable(table: string): string {
  return `${STAGING}.${ident(stageName(table))}`;
}

/** Clears anything an earlier read on this database left, and opens an empty quarantine. */
export async function startStaging(db: Database): Promise<void> {
  await endStaging(db);
  await db.run(`ATTACH ':memory:' AS ${STAGING}`);
  await db.run(`CREATE TABLE ${QUARANTINE} ${QUARANTINE_COLUMNS}`);
}

/** Drops the staging area (after loading, or when a read failed). */
export async function endStaging(db: Database): Promise<void> {
  await db.run(`DETACH DATABASE IF EXISTS ${STAGING}`);
}

/** The internal tables staged so far, with their columns (file and line left out). */
export async function stagedTables(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE database_name = ${literal(STAGING_NAME)} AND starts_with(table_name, ${literal(stageName(''))}) AND table_name <> ${literal(QUARANTINE_NAME)}
       AND column_name NOT IN ('file', 'line')
     ORDER BY table_name, column_index`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const t = r.table_name.slice(stageName('').length);
    out.set(t, [...(out.get(t) ?? []), r.column_name]);
  }
  return out;
}

async function createStage(db: Database, table: string, columns: readonly string[]): Promise<void> {
  const cols = columns.map((c) => `${ident(c)} VARCHAR`);
  await db.run(`CREATE OR REPLACE TABLE ${stageTable(table)} (file VARCHAR, line INTEGER${cols.map((c) => `, ${c}`).join('')})`);
}

/**
 * Appends rows an adapter built in JavaScript (the returns, which are small):
 * creates the stage table, or adds the columns it lacks.
 */
export async function appendStage(db: Database, rows: TableRows): Promise<void> {
  const have = (await stagedTables(db)).get(rows.table);
  if (!have) await createStage(db, rows.table, rows.columns);
  else {
    for (const c of rows.columns) if (!have.includes(c)) await db.run(`ALTER TABLE ${stageTable(rows.table)} ADD COLUMN ${ident(c)} VARCHAR`);
  }
  const columns = have ? [...have, ...rows.columns.filter((c) => !have.includes(c))] : rows.columns;
  const at = columns.map((c) => rows.columns.indexOf(c));
  await db.append(
    stageName(rows.table),
    rows.rows.map((r, i) => [rows.files[i]!, rows.lines[i]!, ...at.map((k) => (k >= 0 ? (r[k] ?? null) : null))]),
    STAGING_NAME,
  );
}

export async function appendQuarantine(db: Database, rows: readonly QuarantinedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.append(
    QUARANTINE_NAME,
    rows.map((q) => [q.file, q.line, q.column, q.value, q.reason]),
    STAGING_NAME,
  );
}

/** The quarantine (or a table like it, named as SQL names it) in the order the checks found it: file by file, then the cross-file checks. */
export async function readQuarantine(db: Database, from = QUARANTINE): Promise<QuarantinedRow[]> {
  const rows = await db.all<{ file: string; line: number | null; column_name: string | null; value: string | null; reason: string }>(
    `SELECT file, line, column_name, value, reason FROM ${from} ORDER BY rowid`,
  );
  return rows.map((r) => ({ file: r.file, line: r.line, column: r.column_name, value: r.value, reason: r.reason }));
}

/** One staged table read back into memory (tests). */
export async function readStage(db: Database, table: string): Promise<TableRows | undefined> {
  const columns = (await stagedTables(db)).get(table);
  return columns ? readRows(db, stageTable(table), table, columns) : undefined;
}

/** Rows of a table shaped like stage_<table> (file, line, columns; named as SQL names it), in the order they were added. */
export async function readRows(db: Database, from: string, table: string, columns: string[]): Promise<TableRows> {
  const rows = await db.all(`SELECT * FROM ${from} ORDER BY rowid`);
  return {
    table,
    columns,
    rows: rows.map((r) => columns.map((c) => (r[c] as string | null) ?? null)),
    files: rows.map((r) => r.file as string),
    lines: rows.map((r) => r.line as number),
  };
}

/** Rows each file left in each staged table: a file's account is read = loaded + quarantined. */
export async function loadedByFile(db: Database): Promise<Map<string, number>> {
  const tables = [...(await stagedTables(db)).keys()];
  if (tables.length === 0) return new Map();
  const rows = await db.all<{ t: string; file: string; n: number }>(
    tables.map((t) => `SELECT ${literal(t)} AS t, file, count(*) AS n FROM ${stageTable(t)} GROUP BY file`).join(' UNION ALL '),
  );
  return new Map(rows.map((r) => [`${r.file}\u0000${r.t}`, Number(r.n)]));
}

export async function quarantinedByFile(db: Database): Promise<Map<string, number>> {
  const rows = await db.all<{ file: string; n: number }>(`SELECT file, count(*) AS n FROM ${QUARANTINE} GROUP BY file`);
  return new Map(rows.map((r) => [r.file, r.n]));
}
