/*
 * Writes a staged extract (staging.ts) into the database as one snapshot, in
 * one transaction: either every table, the quarantine and the file accounts are
 * there, or nothing is. The snapshot's ID is a hash of its content (LA code,
 * extract date (indicators.md v2: the same files taken on another date are
 * another snapshot), file names and SHA-256s), so loading identical files again finds the
 * snapshot already there and stores nothing new; as cli.md v2 says, it makes
 * that snapshot the current one again (made_current), so re-ingesting last
 * month's good extract after a bad one brings its figures back.
 * Each table's coverage (store.coverage, insertCoverage) is written in the
 * same transaction. --ssd-years is not part of the snapshot's identity: the
 * same files ingested again with another --ssd-years find the snapshot there,
 * coverage and all (delete it first to store it afresh).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db.ts';
import { ident, listLiteral, literal } from '../db.ts';
import { EVENT_DATES, NEXT_CURRENT, ensureSchema, findSnapshot } from '../store.ts';
import type { LaInfo } from '../../metrics/types.ts';
import { QUARANTINE, appendStage, endStaging, stageTable, stagedTables } from './staging.ts';
import type { ParsedExtract } from './types.ts';

export interface LoadOptions {
  extractDir: string;
  extractDate: string;
  la: LaInfo | null;
  /**
   * How many years of history an SSD file holds (indicators.md v2, "Coverage"):
   * Data to Insight's SSD scripts keep 6; `all` for an extract with its whole
   * history (the demo's). Default 6.
   */
  ssdYears?: number | 'all';
  /** used when the extract has no population.csv */
  fallbackPopulation?: { rows: { year: number; population: number }[]; source: string };
}

export interface LoadResult {
  snapshotId: string;
  alreadyLoaded: boolean;
  /** already loaded, and some other snapshot was current until this run */
  madeCurrentAgain: boolean;
  populationSource: string | null;
  /** each table's coverage, as stored (empty when the snapshot was already loaded) */
  coverage: Coverage[];
}

/** A table's coverage (store.coverage): from covers_from to the extract date. */
export interface Coverage {
  table: string;
  coversFrom: string | null;
  rule: 'return' | 'ssd-years' | 'ssd-earliest' | 'ssd-all';
}

export function contentHash(parsed: ParsedExtract, laCode: string | null, extractDate: string): string {
  const files = parsed.files.map((f) => [f.file, f.sha256]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return createHash('sha256').update(JSON.stringify({ la: laCode, extracted: extractDate, files })).digest('hex');
}

/**
 * Copies what readExtract staged on `db` into `store` as one snapshot, casting
 * each column to its schema.sql type, then clears the staging area.
 */
export async function loadSnapshot(db: Database, parsed: ParsedExtract, opts: LoadOptions): Promise<LoadResult> {
  await ensureSchema(db);
  const sha = contentHash(parsed, opts.la?.code ?? null, opts.extractDate);
  const snapshotId = sha.slice(0, 16);
  const existing = await db.one<{ population_source: string | null }>('SELECT population_source FROM store.snapshot WHERE snapshot_id = $id', { id: snapshotId });
  if (existing) {
    await endStaging(db);
    const again = (await findSnapshot(db)).snapshot_id !== snapshotId;
    if (again) await db.run(`UPDATE store.snapshot SET made_current = (${NEXT_CURRENT}) WHERE snapshot_id = $id`, { id: snapshotId });
    return { snapshotId, alreadyLoaded: true, madeCurrentAgain: again, populationSource: existing.population_source, coverage: [] };
  }

  let populationSource: string | null = null;
  if (parsed.tables.has('population')) {
    populationSource = 'population.csv in the extract';
  } else if (opts.fallbackPopulation && opts.fallbackPopulation.rows.length > 0) {
    populationSource = opts.fallbackPopulation.source;
    await appendStage(db, {
      table: 'population',
      columns: ['year', 'population'],
      rows: opts.fallbackPopulation.rows.map((r) => [String(r.year), String(r.population)]),
      files: opts.fallbackPopulation.rows.map(() => '(bundled)'),
      lines: opts.fallbackPopulation.rows.map(() => 0),
    });
  }
  const tables = await stagedTables(db);
  const types = await storeColumnTypes(db);
  const inserts = [...tables].map(([table, columns]) => insertFromStage(table, columns, types, table === 'population' ? populationSource : null));

  await db.transaction(async () => {
    await db.run(
      `INSERT INTO store.snapshot (snapshot_id, seq, la_code, extract_dir, extracted_at, data_to, loaded_at, content_sha256, population_source, made_current)
       SELECT $id, coalesce((SELECT max(seq) FROM store.snapshot), 0) + 1, $la, $dir, CAST($date AS DATE), NULL, now()::TIMESTAMP, $sha, $pop, (${NEXT_CURRENT})`,
      { id: snapshotId, la: opts.la?.code ?? null, dir: opts.extractDir, date: opts.extractDate, sha, pop: populationSource },
    );
    for (const f of parsed.files) {
      await db.run(
        `INSERT INTO store.snapshot_file VALUES ($id, $file, $adapter, $table, $bytes, $sha, $read, $loaded, $quarantined,
           CAST($cols AS VARCHAR[]), CAST($loaded_cols AS VARCHAR[]), CAST($ignored AS VARCHAR[]))`,
        {
          id: snapshotId,
          file: f.file,
          adapter: f.adapter,
          table: f.table,
          bytes: f.bytes,
          sha: f.sha256,
          read: f.rowsRead,
          loaded: f.rowsLoaded,
          quarantined: f.rowsQuarantined,
          cols: listLiteral(f.columnsRead),
          loaded_cols: listLiteral(tables.get(f.table) ?? []),
          ignored: listLiteral(f.columnsIgnored),
        },
      );
    }
    for (const sql of inserts) await db.run(sql, { id: snapshotId });
    await db.run(`INSERT INTO store.quarantine SELECT $id, file, line, column_name, value, reason FROM ${QUARANTINE} ORDER BY rowid`, { id: snapshotId });
    await insertWarnings(db, snapshotId, parsed);
    // an event after the extract date is not counted (views.ts), so the data run no later than it
    await db.run(`UPDATE store.snapshot SET data_to = least((${dataToSql(tables)}), CAST($date AS DATE)) WHERE snapshot_id = $id`, { id: snapshotId, date: opts.extractDate });
    await insertCoverage(db, snapshotId, parsed, opts);
  });
  await endStaging(db);
  const coverage = (
    await db.all<{ target_table: string; covers_from: string | null; rule: Coverage['rule'] }>(
      'SELECT target_table, CAST(covers_from AS VARCHAR) AS covers_from, rule FROM store.coverage WHERE snapshot_id = $id ORDER BY rowid',
      { id: snapshotId },
    )
  ).map((r) => ({ table: r.target_table, coversFrom: r.covers_from, rule: r.rule }));
  return { snapshotId, alreadyLoaded: false, madeCurrentAgain: false, populationSource, coverage };
}


/** The DfE rule warnings (few, built in memory by the returns' adapters). */
async function insertWarnings(db: Database, snapshotId: string, parsed: ParsedExtract): Promise<void> {
  if (parsed.warnings.length === 0) return;
  // not stage_*: that prefix is the staging area's, and stagedTables() would take it for an internal table
  await db.run('CREATE OR REPLACE TEMP TABLE new_warnings (snapshot_id VARCHAR, rule VARCHAR, file VARCHAR, line INTEGER, message VARCHAR)');
  await db.append(
    'new_warnings',
    parsed.warnings.map((w) => [snapshotId, w.rule, w.file, w.line, w.message]),
  );
  await db.run('INSERT INTO store.warning SELECT * FROM new_warnings ORDER BY rowid');
  await db.run('DROP TABLE temp.new_warnings');
}

/** table -> column -> type, for every table of the store schema */
async function storeColumnTypes(db: Database): Promise<Map<string, Map<string, string>>> {
  const rows = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'store'",
  );
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) out.set(r.table_name, (out.get(r.table_name) ?? new Map()).set(r.column_name, r.data_type));
  return out;
}

/**
 * The INSERT that copies a staged table into store, casting each column to its
 * schema.sql type. No ORDER BY: DuckDB keeps a plain scan's rows in insertion
 * order, so the rows go in as staged (file line order), and sorting millions
 * of rows by rowid would cost more than the copy.
 */
function insertFromStage(table: string, columns: string[], types: Map<string, Map<string, string>>, source: string | null): string {
  const typeOf = types.get(table) ?? new Map<string, string>();
  const casts = columns.map((c) => {
    const t = typeOf.get(c);
    if (!t) throw new Error(`internal: column ${c} of ${table} is not in schema.sql`);
    return t === 'VARCHAR' ? ident(c) : `CAST(${ident(c)} AS ${t})`;
  });
  const target = ['snapshot_id', 'source_line', ...columns, ...(source !== null ? ['source'] : [])];
  const values = ['$id', 'line', ...casts, ...(source !== null ? [literal(source)] : [])];
  return `INSERT INTO store.${ident(table)} (${target.map(ident).join(', ')}) SELECT ${values.join(', ')} FROM ${stageTable(table)}`;
}

/**
 * Each event table's coverage (indicators.md v2, "Coverage"), written with the
 * snapshot. A table from returns covers from 1 April of its earliest
 * collection year. An SSD file covers from the extract date less --ssd-years
 * (Data to Insight's scripts keep what ended within that many years, and older
 * records still open), or from the first day of the month of its earliest
 * record if that is later; with `all`, from that month. "Its earliest record"
 * is its earliest event date (EVENT_DATES' first column: the referral, the
 * start, the conference, the review). Tables without events (people, legal
 * statuses) are not counted from by any figure and get no coverage.
 */
async function insertCoverage(db: Database, snapshotId: string, parsed: ParsedExtract, opts: LoadOptions): Promise<void> {
  const years = opts.ssdYears ?? 6;
  const tables = [...new Set(parsed.files.map((f) => f.table))].filter((t) => t in EVENT_DATES);
  for (const table of tables) {
    const returnYears = parsed.files
      .filter((f) => f.table === table && f.collectionYear !== undefined && f.collectionYear !== null)
      .map((f) => f.collectionYear!);
    const earliest = `(SELECT CAST(date_trunc('month', min(${ident(EVENT_DATES[table]![0]!.column)})) AS DATE) FROM store.${ident(table)} WHERE snapshot_id = $id)`;
    let from: string;
    let rule: string;
    if (returnYears.length > 0) {
      from = `DATE '${Math.min(...returnYears)}-04-01'`;
      rule = literal('return');
    } else if (years === 'all') {
      from = earliest;
      rule = literal('ssd-all');
    } else {
      const back = `CAST(CAST($date AS DATE) - INTERVAL ${years} YEAR AS DATE)`;
      from = `greatest(${back}, coalesce(${earliest}, ${back}))`;
      rule = `CASE WHEN ${earliest} > ${back} THEN 'ssd-earliest' ELSE 'ssd-years' END`;
    }
    const params: Record<string, string> = { id: snapshotId, table };
    if (from.includes('$date')) params.date = opts.extractDate;
    await db.run(`INSERT INTO store.coverage SELECT $id, $table, ${from}, ${rule}`, params);
  }
}

/** The latest event date in the snapshot: what "the latest complete financial year" is judged against. */
function dataToSql(tables: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const [table, cols] of Object.entries(EVENT_DATES)) {
    if (!tables.has(table)) continue;
    for (const { column: c } of cols) parts.push(`SELECT max(${ident(c)}) AS d FROM store.${ident(table)} WHERE snapshot_id = $id`);
  }
  return parts.length === 0 ? 'NULL' : `SELECT max(d) FROM (${parts.join(' UNION ALL ')})`;
}

