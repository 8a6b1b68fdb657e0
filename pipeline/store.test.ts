/*
 * The store's table lists are written once (store.ts), so they must be whole:
 * every table of schema.sql that holds a snapshot's rows is in SNAPSHOT_TABLES,
 * or a deletion would leave rows behind and an export would miss a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from './db.ts';
import { ensureSchema, RECORD_TABLES, SNAPSHOT_TABLES } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'safeguard-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the store table lists', () => {
  it('name every table of schema.sql with a snapshot_id, and nothing else', async () => {
    const db = await Database.open(join(dir, 'tables.duckdb'));
    try {
      await ensureSchema(db);
      const rows = await db.all<{ table_name: string }>(
        "SELECT DISTINCT table_name FROM duckdb_columns() WHERE schema_name = 'store' AND column_name = 'snapshot_id' AND table_name <> 'snapshot' ORDER BY 1",
      );
      expect([...SNAPSHOT_TABLES].sort()).toEqual(rows.map((r) => r.table_name));
      for (const t of RECORD_TABLES) expect(SNAPSHOT_TABLES).toContain(t);
    } finally {
      db.close();
    }
  });
});
