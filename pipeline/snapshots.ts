/*
 * Finding snapshots: the current one unless one is named. Every read command
 * goes through here, so "which extract are these figures from" has one answer.
 *
 * cli.md v2: the current snapshot is the one most recently ingested, and
 * ingesting files identical to an earlier snapshot makes that one current
 * again (store.snapshot.made_current). A named snapshot is a whole ID or a
 * prefix naming exactly one; every character is literal (no LIKE wildcards).
 */
import type { Database } from './db.ts';
import { RunFailed, UsageError } from './errors.ts';
import { hasMadeCurrent } from './schema.ts';

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
 * Where a snapshot's data starts: its earliest referral. The front door
 * records every case from the case system's first day, whereas a care episode
 * from 2004 only means that child was still in care when the system went live
 * (the earliest date of any table would put years of false zeros on a chart
 * and rate a change against them). Without referrals, the earliest date of
 * any table. `null` when the snapshot holds no dated record.
 */
export async function dataStart(db: Database, snapshotId: string): Promise<string | null> {
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
