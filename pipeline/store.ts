/*
 * The store: the one module that owns the `store` schema (schema.sql) and the
 * SQL that reads or changes a snapshot as a whole. Everything else names its
 * tables from here: the table lists (RECORD_TABLES, SNAPSHOT_TABLES) are
 * written once, so an export, a deletion or a new table cannot miss one.
 * What lives elsewhere, and why: the loader's inserts (ingest/load.ts, one
 * transaction with the staging area), the snapshot's views for the
 * indicators (views.ts), and DfE's published data (benchmarks/dfe-store.ts).
 *
 * Finding snapshots: the current one unless one is named. Every read command
 * goes through here, so "which extract are these figures from" has one
 * answer. cli.md v2: the current snapshot is the one most recently ingested,
 * and ingesting files identical to an earlier snapshot makes that one current
 * again (store.snapshot.made_current). A named snapshot is a whole ID or a
 * prefix naming exactly one; every character is literal (no LIKE wildcards).
 */
import { readFileSync } from 'node:fs';
import type { Database } from './db.ts';
import { RunFailed, UsageError } from './errors.ts';
import { fromRoot } from './root.ts';

/** The internal model's tables of records, in dependency order (a child before its referrals, a plan before its reviews). */
export const RECORD_TABLES = ['person', 'referral', 's47_enquiry', 'icpc', 'cp_plan', 'cp_review', 'cla_episode', 'legal_status', 'cla_review'] as const;

/** Every table that holds a snapshot's rows: its records, its population, and its accounts (not store.snapshot itself). */
export const SNAPSHOT_TABLES = [...RECORD_TABLES, 'population', 'quarantine', 'warning', 'snapshot_file', 'coverage'] as const;

/**
 * Each event table's event dates: what says a record happened (never a date
 * of birth or a due date). The first is where a table's coverage starts from
 * (ingest/load.ts); together they give the extract's latest data date and,
 * when no --extract-date is given, the extract date (ingest/extract-date.ts).
 */
export const EVENT_DATES: Readonly<Record<string, readonly { column: string; label: string }[]>> = {
  referral: [{ column: 'referral_date', label: 'referral date' }],
  s47_enquiry: [{ column: 'start_date', label: 's47 start' }],
  icpc: [{ column: 'icpc_date', label: 'ICPC date' }],
  cp_plan: [
    { column: 'start_date', label: 'plan start' },
    { column: 'end_date', label: 'plan end' },
  ],
  cp_review: [{ column: 'review_date', label: 'review held' }],
  cla_episode: [
    { column: 'start_date', label: 'episode start' },
    { column: 'end_date', label: 'episode end' },
  ],
  cla_review: [{ column: 'review_date', label: 'review held' }],
};

/* ---- the schema ---- */
const SCHEMA = readFileSync(fromRoot('pipeline', 'schema.sql'), 'utf8');
export const SCHEMA_VERSION = '1';

// the connections that have created it already: ingest creates it first, and the loader asks again
const ready = new WeakSet<Database>();

export async function ensureSchema(db: Database): Promise<void> {
  if (ready.has(db)) return;
  await db.run(SCHEMA);
  // a database made before cli.md v2 has no made_current: add it, each snapshot current in its load order as before
  if (!(await hasMadeCurrent(db))) {
    await db.run('ALTER TABLE store.snapshot ADD COLUMN made_current INTEGER');
    await db.run('UPDATE store.snapshot SET made_current = seq');
  }
  // a database made before issue 18 has no cp_plan.previous_plans (CIN census NumberOfPreviousCPP): its plans keep NULL, as an SSD's do
  await db.run('ALTER TABLE store.cp_plan ADD COLUMN IF NOT EXISTS previous_plans INTEGER');
  // extract.md v2: a review not yet held has no review date; a database made before that requires one
  const held = await db.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_constraints() WHERE schema_name = 'store' AND table_name IN ('cp_review', 'cla_review')
       AND constraint_type = 'NOT NULL' AND list_contains(constraint_column_names, 'review_date')`,
  );
  for (const t of held) await db.run(`ALTER TABLE store.${t.table_name} ALTER COLUMN review_date DROP NOT NULL`);
  await db.run(`INSERT INTO store.meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING`);
  ready.add(db);
}

/** Whether store.snapshot remembers which snapshot is current (databases before cli.md v2 do not). */
export async function hasMadeCurrent(db: Database): Promise<boolean> {
  const row = await db.one<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_columns() WHERE schema_name = 'store' AND table_name = 'snapshot' AND column_name = 'made_current'",
  );
  return (row?.n ?? 0) > 0;
}

/* ---- snapshots ---- */
export interface SnapshotInfo {
  snapshot_id: string;
  seq: number;
  la_code: string | null;
  extract_dir: string;
  extracted_at: string;
  data_to: string | null;
  loaded_at: string;
  population_source: string | null;
}

/** The made_current a snapshot takes when it becomes current (ingested, or ingested again): after every other. */
export const NEXT_CURRENT = 'SELECT coalesce(max(coalesce(made_current, seq)), 0) + 1 FROM store.snapshot';

/** ORDER BY for "most recently made current first"; a database before v2 (no made_current yet) by load order. */
export async function currentOrder(db: Database): Promise<string> {
  return (await hasMadeCurrent(db)) ? 'coalesce(made_current, seq) DESC, seq DESC' : 'seq DESC';
}

export async function findSnapshot(db: Database, id?: string): Promise<SnapshotInfo> {
  if (!(await db.storeTables()).has('snapshot')) throw nothingIngested(db);
  if (id === undefined) {
    const row = await db.one<SnapshotInfo & Record<string, unknown>>(`SELECT * FROM store.snapshot ORDER BY ${await currentOrder(db)} LIMIT 1`);
    if (!row) throw nothingIngested(db);
    return row;
  }
  const prefix = id.trim();
  if (prefix === '') throw new UsageError('a snapshot ID (or the first characters of one) is needed; safeguard snapshots list shows them');
  // starts_with compares characters as they are: '%' and '_' are not wildcards here
  const rows = await db.all<SnapshotInfo & Record<string, unknown>>(
    'SELECT * FROM store.snapshot WHERE starts_with(snapshot_id, $prefix) ORDER BY seq',
    { prefix },
  );
  const exact = rows.find((r) => r.snapshot_id === prefix);
  if (exact) return exact;
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) throw new RunFailed(`there is no snapshot ${prefix} in ${db.path} (safeguard snapshots list shows them)`);
  throw new UsageError(`${prefix} is the start of ${rows.length} snapshots (${rows.map((r) => r.snapshot_id).join(', ')}); give more of the ID`);
}

function nothingIngested(db: Database): RunFailed {
  return new RunFailed(`nothing has been ingested into ${db.path} yet: run safeguard ingest EXTRACT_DIR first`);
}

/**
 * Where a snapshot's data starts (the direction of travel and the monthly
 * series read it): the coverage start of its referrals (indicators.md v2,
 * "Coverage"), the front door recording every case, or without referrals the
 * earliest coverage start of its tables. Where that coverage comes from the
 * month of the earliest record (--ssd-years all, or an SSD history shorter
 * than --ssd-years), the data starts at the earliest record itself: nothing
 * says the month before it was recorded in full. A snapshot stored before
 * coverage was (no store.coverage rows) keeps the old guess: its earliest
 * referral, else the earliest start of any table. `null` when the snapshot
 * holds no dated record.
 */
export async function dataStart(db: Database, snapshotId: string): Promise<string | null> {
  const covered = !(await db.storeTables()).has('coverage') ? undefined : await db.one<{ d: string | null; n: number }>(
    `WITH c AS (SELECT target_table, covers_from, rule FROM store.coverage WHERE snapshot_id = $id AND covers_from IS NOT NULL),
     earliest AS (
       SELECT 'referral' AS t, min(referral_date) AS d FROM store.referral WHERE snapshot_id = $id
       UNION ALL SELECT 's47_enquiry', min(start_date) FROM store.s47_enquiry WHERE snapshot_id = $id
       UNION ALL SELECT 'icpc', min(icpc_date) FROM store.icpc WHERE snapshot_id = $id
       UNION ALL SELECT 'cp_plan', min(start_date) FROM store.cp_plan WHERE snapshot_id = $id
       UNION ALL SELECT 'cp_review', min(review_date) FROM store.cp_review WHERE snapshot_id = $id
       UNION ALL SELECT 'cla_episode', min(start_date) FROM store.cla_episode WHERE snapshot_id = $id
       UNION ALL SELECT 'cla_review', min(review_date) FROM store.cla_review WHERE snapshot_id = $id),
     starts AS (
       SELECT c.target_table, CASE WHEN c.rule IN ('ssd-all', 'ssd-earliest') THEN greatest(c.covers_from, coalesce(e.d, c.covers_from)) ELSE c.covers_from END AS d
       FROM c LEFT JOIN earliest e ON e.t = c.target_table)
     SELECT CAST(coalesce((SELECT min(d) FROM starts WHERE target_table = 'referral'), (SELECT min(d) FROM starts)) AS VARCHAR) AS d,
            (SELECT count(*) FROM c) AS n`,
    { id: snapshotId },
  );
  if (covered && Number(covered.n) > 0) return covered.d;
  const row = await db.one<{ d: string | null }>(
    `SELECT coalesce(
       (SELECT min(referral_date) FROM store.referral WHERE snapshot_id = $id),
       (SELECT min(d) FROM (
          SELECT min(start_date) AS d FROM store.s47_enquiry WHERE snapshot_id = $id
          UNION ALL SELECT min(start_date) FROM store.cp_plan WHERE snapshot_id = $id
          UNION ALL SELECT min(start_date) FROM store.cla_episode WHERE snapshot_id = $id))) AS d`,
    { id: snapshotId },
  );
  return row?.d ?? null;
}

/** Every snapshot with its file accounts, in load order. */
export async function listSnapshotRows(db: Database) {
  return db.all<{ snapshot_id: string; seq: number; la_code: string | null; extracted_at: string; loaded_at: string; files: number; rows_loaded: number; rows_quarantined: number }>(
    `SELECT s.snapshot_id, s.seq, s.la_code, s.extracted_at, strftime(s.loaded_at, '%Y-%m-%d %H:%M') AS loaded_at,
            count(f.file) AS files, coalesce(sum(f.rows_loaded), 0) AS rows_loaded, coalesce(sum(f.rows_quarantined), 0) AS rows_quarantined
     FROM store.snapshot s LEFT JOIN store.snapshot_file f USING (snapshot_id)
     GROUP BY ALL ORDER BY s.seq`,
  );
}

/** Removes one snapshot and every row it holds, in one transaction, and writes the deletion through to the file. */
export async function deleteSnapshotRows(db: Database, snapshotId: string): Promise<void> {
  const existing = await db.storeTables();
  await db.transaction(async () => {
    for (const t of [...SNAPSHOT_TABLES, 'snapshot'].filter((x) => existing.has(x))) {
      await db.run(`DELETE FROM store.${t} WHERE snapshot_id = $id`, { id: snapshotId });
    }
  });
  // write the deletion through to the file now rather than at the next run
  await db.run('CHECKPOINT');
}

/** The rows a snapshot's ingest could not use, in file and line order (child-level). */
export async function quarantineRows(db: Database, snapshotId: string) {
  return db.all<{ file: string; line: number | null; column_name: string | null; value: string | null; reason: string }>(
    'SELECT file, line, column_name, value, reason FROM store.quarantine WHERE snapshot_id = $id ORDER BY file, line',
    { id: snapshotId },
  );
}
