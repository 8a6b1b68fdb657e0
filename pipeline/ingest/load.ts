/*
 * Writes a parsed extract into the database as one snapshot, in one
 * transaction: either every table, the quarantine and the file accounts are
 * there, or nothing is. The snapshot's ID is a hash of its content (LA code,
 * file names and SHA-256s), so loading identical files again finds the
 * snapshot already there and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db.ts';
import { ident, listLiteral } from '../db.ts';
import { ensureSchema } from '../schema.ts';
import type { LaInfo } from '../../metrics/types.ts';
import type { ParsedExtract, TableRows } from './types.ts';

export interface LoadOptions {
  extractDir: string;
  extractDate: string;
  la: LaInfo | null;
  /** used when the extract has no population.csv */
  fallbackPopulation?: { rows: { year: number; population: number }[]; source: string };
}

export interface LoadResult {
  snapshotId: string;
  alreadyLoaded: boolean;
  populationSource: string | null;
}

export function contentHash(parsed: ParsedExtract, laCode: string | null): string {
  const files = parsed.files.map((f) => [f.file, f.sha256]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return createHash('sha256').update(JSON.stringify({ la: laCode, files })).digest('hex');
}

export async function loadSnapshot(db: Database, parsed: ParsedExtract, opts: LoadOptions): Promise<LoadResult> {
  await ensureSchema(db);
  const sha = contentHash(parsed, opts.la?.code ?? null);
  const snapshotId = sha.slice(0, 16);
  const existing = await db.one<{ population_source: string | null }>('SELECT population_source FROM store.snapshot WHERE snapshot_id = $id', { id: snapshotId });
  if (existing) return { snapshotId, alreadyLoaded: true, populationSource: existing.population_source };

  const tables = new Map(parsed.tables);
  let populationSource: string | null = null;
  if (tables.has('population')) {
    populationSource = 'population.csv in the extract';
  } else if (opts.fallbackPopulation && opts.fallbackPopulation.rows.length > 0) {
    populationSource = opts.fallbackPopulation.source;
    tables.set('population', {
      table: 'population',
      columns: ['year', 'population'],
      rows: opts.fallbackPopulation.rows.map((r) => [String(r.year), String(r.population)]),
      files: opts.fallbackPopulation.rows.map(() => '(bundled)'),
      lines: opts.fallbackPopulation.rows.map(() => 0),
    });
  }

  // stage outside the transaction (temp tables are this connection's own), then copy in one go
  const staged: string[] = [];
  for (const [table, rows] of tables) staged.push(await stage(db, table, rows, snapshotId, table === 'population' ? populationSource : null));
  await db.run('CREATE OR REPLACE TEMP TABLE stage_quarantine (snapshot_id VARCHAR, file VARCHAR, line VARCHAR, column_name VARCHAR, value VARCHAR, reason VARCHAR)');
  await db.appendText(
    'stage_quarantine',
    parsed.quarantine.map((q) => [snapshotId, q.file, q.line === null ? null : String(q.line), q.column, q.value, q.reason]),
  );
 
  await db.run('CREATE OR REPLACE TEMP TABLE stage_warning (snapshot_id VARCHAR, rule VARCHAR, file VARCHAR, line VARCHAR, message VARCHAR)');
  await db.appendText(
    'stage_warning',
    parsed.warnings.map((w) => [snapshotId, w.rule, w.file, w.line === null ? null : String(w.line), w.message]),
  );

  await db.transaction(async () => {
    await db.run(
      `INSERT INTO store.snapshot
       SELECT $id, coalesce((SELECT max(seq) FROM store.snapshot), 0) + 1, $la, $dir, CAST($date AS DATE), NULL, now()::TIMESTAMP, $sha, $pop`,
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
          loaded_cols: listLiteral(parsed.tables.get(f.table)?.columns ?? []),
          ignored: listLiteral(f.columnsIgnored),
        },
      );
    }
    for (const sql of staged) await db.run(sql);
    await db.run('INSERT INTO store.quarantine SELECT snapshot_id, file, CAST(line AS INTEGER), column_name, value, reason FROM stage_quarantine');
    await db.run('INSERT INTO store.warning SELECT snapshot_id, rule, file, CAST(line AS INTEGER), message FROM stage_warning');
    await db.run(`UPDATE store.snapshot SET data_to = (${dataToSql(tables)}) WHERE snapshot_id = $id`, { id: snapshotId });
  });
  for (const table of tables.keys()) await db.run(`DROP TABLE IF EXISTS ${ident(`stage_${table}`)}`);
  await db.run('DROP TABLE IF EXISTS stage_quarantine');
  await db.run('DROP TABLE IF EXISTS stage_warning');
  return { snapshotId, alreadyLoaded: false, populationSource };
}

/** Appends a table's rows to a VARCHAR staging table; returns the INSERT that casts them into store. */
async function stage(db: Database, table: string, rows: TableRows, snapshotId: string, source: string | null): Promise<string> {
  const types = await db.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'store' AND table_name = $t`,
    { t: table },
  );
  const typeOf = new Map(types.map((t) => [t.column_name, t.data_type]));
  const extra = source !== null ? ['source'] : [];
  const columns = ['snapshot_id', 'source_line', ...rows.columns, ...extra];
  const stageName = ident(`stage_${table}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${stageName} (${columns.map((c) => `${ident(c)} VARCHAR`).join(', ')})`);
  await db.appendText(
    `stage_${table}`,
    rows.rows.map((r, i) => [snapshotId, String(rows.lines[i]), ...r, ...(source !== null ? [source] : [])]),
  );
  const casts = columns.map((c) => {
    const t = typeOf.get(c);
    if (!t) throw new Error(`internal: column ${c} of ${table} is not in schema.sql`);
    return t === 'VARCHAR' ? ident(c) : `CAST(${ident(c)} AS ${t})`;
  });
  return `INSERT INTO store.${ident(table)} (${columns.map(ident).join(', ')}) SELECT ${casts.join(', ')} FROM ${stageName}`;
}

const EVENT_DATES: Record<string, string[]> = {
  referral: ['referral_date'],
  s47_enquiry: ['start_date'],
  icpc: ['icpc_date'],
  cp_plan: ['start_date', 'end_date'],
  cp_review: ['review_date'],
  cla_episode: ['start_date', 'end_date'],
  cla_review: ['review_date'],
};

/** The latest event date in the snapshot: what "the latest complete financial year" is judged against. */
function dataToSql(tables: Map<string, TableRows>): string {
  const parts: string[] = [];
  for (const [table, cols] of Object.entries(EVENT_DATES)) {
    if (!tables.has(table)) continue;
    for (const c of cols) parts.push(`SELECT max(${ident(c)}) AS d FROM store.${ident(table)} WHERE snapshot_id = $id`);
  }
  return parts.length === 0 ? 'NULL' : `SELECT max(d) FROM (${parts.join(' UNION ALL ')})`;
}

