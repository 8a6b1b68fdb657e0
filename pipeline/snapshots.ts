/*
 * Finding snapshots: the latest unless one is named. Every read command goes
 * through here, so "which extract are these figures from" has one answer.
 */
import type { Database } from './db.ts';
import { RunFailed } from './errors.ts';

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

export async function findSnapshot(db: Database, id?: string): Promise<SnapshotInfo> {
  if (!(await db.storeTables()).has('snapshot')) throw new RunFailed(`nothing has been ingested into ${db.path} yet: run safeguard ingest EXTRACT_DIR first`);
  const row = id
    ? await db.one<SnapshotInfo & Record<string, unknown>>(
        'SELECT * FROM store.snapshot WHERE snapshot_id = $id OR snapshot_id LIKE $prefix ORDER BY seq DESC LIMIT 1',
        { id, prefix: `${id}%` },
      )
    : await db.one<SnapshotInfo & Record<string, unknown>>('SELECT * FROM store.snapshot ORDER BY seq DESC LIMIT 1');
  if (!row) {
    throw new RunFailed(id ? `there is no snapshot ${id} in ${db.path}` : `nothing has been ingested into ${db.path} yet: run safeguard ingest EXTRACT_DIR first`);
  }
  return row;
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
