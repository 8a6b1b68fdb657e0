/*
 * The only module that imports @duckdb/node-api. Everything else talks to the
 * database through this small surface: run a statement, read plain rows,
 * append rows in bulk, do work in one transaction. Rows come back as plain JS
 * values (BIGINT -> number when safe, DATE -> 'YYYY-MM-DD'), so no DuckDB type
 * leaks into metrics or reports.
 */
// bin/build.js bundles @duckdb/node-api (CommonJS) with the rest. Run from the
// sources, Node's ESM loader first scans every file of it for its exports,
// about 0.15 s; the bundle has no such cost.
import * as duckdb from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { chmodSync, closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import { RunFailed } from './errors.ts';
import { environmentError, notADatabase } from './environment.ts';

const { DuckDBDateValue, DuckDBDecimalValue, DuckDBTimestampValue } = duckdb;

export type Param = string | number | boolean | null;
export type Row = Record<string, unknown>;

export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
    /** false for a fork: closing it closes its connection, not the database */
    private readonly ownsInstance: boolean,
  ) {}

  /**
   * Opens a database file, or ':memory:'. Only a DuckDB database is opened as
   * one (its magic bytes are checked first: DuckDB would open a CSV or Parquet
   * file as a view, and report success for writes that went nowhere). A path
   * with nothing there (or an empty file) becomes a new database unless
   * `existing` is set, as it is for every command that only reads.
   */
  static async open(path: string, options: { readOnly?: boolean; existing?: boolean } = {}): Promise<Database> {
    const config: Record<string, string> = { threads: String(Math.max(1, cpus().length)) };
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (path !== ':memory:') checkDatabaseFile(path, options.existing ?? false);
    // DuckDB names a database after its file, and a database named "store" hides the schema
    // every table of safeguard lives in ("store.referral" becomes ambiguous): refuse it plainly
    if (path !== ':memory:' && /^store$/i.test(basename(path).replace(/\.[^.]*$/, ''))) {
      throw new RunFailed(`${path}: a database file may not be named "store" (safeguard keeps its tables in a schema of that name, which DuckDB would confuse with the file); choose another name, e.g. safeguard.duckdb`);
    }
    let instance: DuckDBInstance;
    try {
      instance = await duckdb.DuckDBInstance.create(path, config);
    } catch (e) {
      throw environmentError(e, path) ?? new RunFailed(`could not open the database ${path}: ${firstLine(e)}`);
    }
    if (path !== ':memory:') {
      // child-level data: readable by its owner only, even a file that existed with looser modes
      for (const f of [path, `${path}.wal`]) if (existsSync(f)) chmodSync(f, 0o600);
    }
    return Database.connect(instance, path, true);
  }

  /** A new connection to an open instance, set up as every connection of a run is. */
  private static async connect(instance: DuckDBInstance, path: string, ownsInstance: boolean): Promise<Database> {
    const db = new Database(instance, await instance.connect(), path, ownsInstance);
    await db.run("SET TimeZone = 'UTC'");
    return db;
  }

  /**
   * A second connection to the same open database, for work that can run
   * beside this connection's. It shares attached databases (the staging area)
   * but not temp tables; close it when done (the database stays open).
   */
  async fork(): Promise<Database> {
    return Database.connect(this.instance, this.path, false);
  }

  async run(sql: string, params?: Record<string, Param>): Promise<void> {
    await this.guard(timed(sql, () => this.connection.run(sql, params as Record<string, DuckDBValue> | undefined)));
  }

  /**
   * A failure of the machine (disk full, damage found mid-query, a lock, a
   * foreign file: environment.ts) named as such with this database's path;
   * anything else (a bug) passes unchanged.
   */
  private async guard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (e) {
      throw environmentError(e, this.path) ?? e;
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  async change(sql: string, params?: Record<string, Param>): Promise<number> {
    const result = await this.guard(timed(sql, () => this.connection.run(sql, params as Record<string, DuckDBValue> | undefined)));
    return Number(result.rowsChanged);
  }

  async all<T extends Row = Row>(sql: string, params?: Record<string, Param>): Promise<T[]> {
    const reader = await this.guard(timed(sql, () => this.connection.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined)));
    return reader.getRowObjects().map((r) => toPlainRow(r) as T);
  }

  async one<T extends Row = Row>(sql: string, params?: Record<string, Param>): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Appends rows to a temp table, or to a table of `catalog` (the staging
   * area): text to VARCHAR columns, whole numbers to INTEGER ones.
   */
  async append(table: string, rows: Iterable<readonly (string | number | null)[]>, catalog?: string): Promise<void> {
    const appender = await this.connection.createAppender(table, catalog ? 'main' : null, catalog ?? null);
    try {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'number') appender.appendInteger(v);
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.flushSync();
    } catch (e) {
      throw environmentError(e, this.path) ?? e;
    } finally {
      appender.closeSync();
    }
  }

  /** Runs fn inside BEGIN/COMMIT; any error rolls everything back. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (e) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** The tables of the `store` schema (none in a database nothing was written to). */
  async storeTables(): Promise<Set<string>> {
    const rows = await this.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'store'");
    return new Set(rows.map((r) => r.table_name));
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

// SAFEGUARD_PROFILE=1 prints each statement's time and opening words to stderr,
// to see where a run's time goes (SAFEGUARD_PROFILE=sql: the whole statement).
// Statements carry no child's data: rows are appended or read, never written
// into SQL text.
const PROFILE = Boolean(process.env.SAFEGUARD_PROFILE);
const WHOLE = process.env.SAFEGUARD_PROFILE === 'sql';

async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE) return run();
  const start = performance.now();
  const result = await run();
  process.stderr.write(`sql ${(performance.now() - start).toFixed(1).padStart(8)} ms  ${WHOLE ? sql : sql.replace(/\s+/g, ' ').trim().slice(0, 110)}\n`);
  return result;
}

/** Quotes an identifier for SQL built from our own (never the user's) names. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A list of string literals, for `CAST(... AS VARCHAR[])`. */
export function listLiteral(items: readonly string[]): string {
  return `[${items.map(literal).join(', ')}]`;
}

function toPlainRow(row: Record<string, DuckDBValue>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}

function toPlain(v: DuckDBValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof DuckDBDateValue) return v.toString();
  if (v instanceof DuckDBTimestampValue) return v.toString();
  if (v instanceof DuckDBDecimalValue) return Number(v.toString());
  if (Array.isArray(v)) return v.map((x) => toPlain(x as DuckDBValue));
  if (typeof v === 'object' && v !== null && 'items' in v && Array.isArray((v as { items: unknown }).items)) {
    return ((v as { items: DuckDBValue[] }).items).map(toPlain);
  }
  return String(v);
}

const DUCKDB_MAGIC = 'DUCK';
const MAGIC_OFFSET = 8;

/**
 * Refuses, before DuckDB sees it, a path that is not a DuckDB database: a
 * folder, a file without DuckDB's magic bytes ("DUCK" at byte 8), and, when the
 * database must exist, nothing at all (so a mistyped --db creates nothing).
 * An empty file is a new database for a command that creates one (DuckDB
 * itself refuses an empty file); it is removed so DuckDB can start afresh.
 */
function checkDatabaseFile(path: string, existing: boolean): void {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new RunFailed(`${path} is a folder, not a database file; give --db the path of a file`);
    if (!st.isFile()) throw notADatabase(path);
    size = st.size;
  } catch (e) {
    if (e instanceof RunFailed) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && existing) {
      throw new RunFailed(`there is no database at ${path}: check --db (safeguard ingest EXTRACT_DIR --db ${path} makes one); nothing was created`);
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw environmentError(e, path) ?? e;
  }
  if (size === 0) {
    if (existing) throw new RunFailed(`${path} is an empty file, not a database: nothing has been ingested into it; check --db`);
    rmSync(path);
    return;
  }
  const head = Buffer.alloc(MAGIC_OFFSET + DUCKDB_MAGIC.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    if (n < head.length || head.subarray(MAGIC_OFFSET).toString('latin1') !== DUCKDB_MAGIC) throw notADatabase(path);
  } catch (e) {
    if (e instanceof RunFailed) throw e;
    throw environmentError(e, path) ?? e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
