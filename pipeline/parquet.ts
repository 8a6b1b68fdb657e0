/*
 * Writes one snapshot's tables to Parquet, partitioned by LA and snapshot
 * (`DIR/<table>/la_code=359/snapshot_id=.../data_0.parquet`): the layout in
 * which a region, or all of England, would keep its extracts when they outgrow
 * one database file (pipeline/README.md, "Scaling out"). Child-level data:
 * the files end readable by their owner only, like the database, even those
 * that were there before at looser modes.
 */
import { join } from 'node:path';
import type { Database } from './db.ts';
import { literal } from './db.ts';
import { SNAPSHOT_TABLES } from './store.ts';
import { makeFolder, ownerOnlyTree } from './files.ts';


export async function exportParquet(db: Database, snapshotId: string, dir: string): Promise<string[]> {
  makeFolder(dir);
  const written: string[] = [];
  for (const table of SNAPSHOT_TABLES) {
    const target = join(dir, table);
    await db.run(
      `COPY (SELECT coalesce(s.la_code, 'unknown') AS la_code, t.*
             FROM store.${table} t JOIN store.snapshot s USING (snapshot_id)
             WHERE t.snapshot_id = ${literal(snapshotId)})
       TO ${literal(target)} (FORMAT parquet, PARTITION_BY (la_code, snapshot_id), OVERWRITE_OR_IGNORE true)`,
    );
    // DuckDB rewrites an existing data_0.parquet in place, keeping its mode: make each owner-only again
    ownerOnlyTree(target);
    written.push(target);
  }
  return written;
}
