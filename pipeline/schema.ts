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
  await db.run(`INSERT INTO store.meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING`);
  ready.add(db);
}
