/*
 * Creates the internal model (schema.sql) in a database, once. Every command
 * that writes calls this first; readers of an empty database get a clear
 * "nothing ingested yet" instead of a missing-table error.
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from './root.ts';
import type { Database } from './db.ts';

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
