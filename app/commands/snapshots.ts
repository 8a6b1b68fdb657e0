/*
 * `safeguard snapshots list|delete` and `safeguard quarantine`: what the
 * database holds, removing an extract from it, and the rows it could not use.
 * The quarantine list is child-level: it is headed OFFICIAL-SENSITIVE and shows
 * pseudonymous IDs unless --reveal-ids is given.
 */
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { isIdentifierColumn, loadOrCreateKey, pseudonymiser } from '../../pipeline/pseudonym.ts';
import { findSnapshot } from '../../pipeline/snapshots.ts';
import { csvRecord } from '../../reports/safe-cell.ts';
import type { Io } from '../io.ts';
import { textTable } from '../../reports/terminal.ts';

const FACT_TABLES = ['person', 'referral', 's47_enquiry', 'icpc', 'cp_plan', 'cp_review', 'cla_episode', 'legal_status', 'cla_review', 'population'];
const SNAPSHOT_TABLES = [...FACT_TABLES, 'quarantine', 'snapshot_file', 'warning', 'snapshot'];
export const SENSITIVE_HEADING = 'OFFICIAL-SENSITIVE: child-level data. Handle under your data protection rules; do not forward.';

export async function listSnapshots(opts: { db: string }, io: Io): Promise<void> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const current = await findSnapshot(db);
    const rows = await db.all<{ snapshot_id: string; seq: number; la_code: string | null; extracted_at: string; loaded_at: string; files: number; rows_loaded: number; rows_quarantined: number }>(
      `SELECT s.snapshot_id, s.seq, s.la_code, s.extracted_at, strftime(s.loaded_at, '%Y-%m-%d %H:%M') AS loaded_at,
              count(f.file) AS files, coalesce(sum(f.rows_loaded), 0) AS rows_loaded, coalesce(sum(f.rows_quarantined), 0) AS rows_quarantined
       FROM store.snapshot s LEFT JOIN store.snapshot_file f USING (snapshot_id)
       GROUP BY ALL ORDER BY s.seq`,
    );
    io.out(
      textTable(
        ['snapshot', 'seq', 'la', 'extract taken', 'loaded', 'files', 'rows', 'quarantined', 'current'],
        rows.map((r) => [r.snapshot_id, r.seq, r.la_code ?? '—', r.extracted_at, r.loaded_at, r.files, r.rows_loaded, r.rows_quarantined, r.snapshot_id === current.snapshot_id ? 'yes' : '']),
      ),
    );
    io.err(`The current snapshot (used unless --snapshot names another) is ${current.snapshot_id}: the one most recently ingested.`);
  } finally {
    db.close();
  }
}

export async function deleteSnapshot(id: string, opts: { db: string }, io: Io): Promise<void> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const snap = await findSnapshot(db, id);
    const existing = await db.storeTables();
    await db.transaction(async () => {
      for (const t of SNAPSHOT_TABLES.filter((x) => existing.has(x))) {
        await db.run(`DELETE FROM store.${t} WHERE snapshot_id = $id`, { id: snap.snapshot_id });
      }
    });
    // write the deletion through to the file now rather than at the next run
    await db.run('CHECKPOINT');
    io.err(`Deleted snapshot ${snap.snapshot_id} (extract taken ${snap.extracted_at}) and all its rows.`);
  } finally {
    db.close();
  }
}

export async function quarantine(opts: { db: string; snapshot?: string; format?: string; revealIds?: boolean }, io: Io): Promise<void> {
  const format = opts.format ?? 'table';
  if (format !== 'table' && format !== 'csv') throw new UsageError(`--format ${format}: use table or csv`);
  const db = await Database.open(opts.db, { existing: true });
  try {
    const snap = await findSnapshot(db, opts.snapshot);
    const rows = await db.all<{ file: string; line: number | null; column_name: string | null; value: string | null; reason: string }>(
      'SELECT file, line, column_name, value, reason FROM store.quarantine WHERE snapshot_id = $id ORDER BY file, line',
      { id: snap.snapshot_id },
    );
    const pseudo = opts.revealIds ? null : pseudonymiser(loadOrCreateKey(opts.db));
    const shown = rows.map((r) => {
      const value = r.value !== null && pseudo && isIdentifierColumn(r.column_name) ? pseudo(r.value) : r.value;
      return [r.file, r.line, r.column_name, value, r.reason] as const;
    });
    const idNote = opts.revealIds ? 'Identifiers shown as recorded (--reveal-ids).' : 'Identifiers are pseudonymised (HMAC-SHA256, key beside the database); --reveal-ids shows them.';
    if (format === 'csv') {
      io.out([csvRecord([SENSITIVE_HEADING]), csvRecord(['file', 'line', 'column', 'value', 'reason']), ...shown.map((r) => csvRecord([...r]))].join('\n'));
    } else {
      io.out(
        [
          SENSITIVE_HEADING,
          `Snapshot ${snap.snapshot_id}: ${rows.length} quarantined row(s). ${idNote}`,
          '',
          textTable(['file', 'line', 'column', 'value', 'reason'], shown.map((r) => r.map((v) => (v === null ? '' : String(v)).slice(0, 60)))),
        ].join('\n'),
      );
    }
  } finally {
    db.close();
  }
}
