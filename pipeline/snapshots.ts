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
