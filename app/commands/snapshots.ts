/*
 * `safeguard snapshots list|delete` and `safeguard quarantine`: what the
 * database holds, removing an extract from it, and the rows it could not use.
 * The quarantine list is child-level: it is headed OFFICIAL-SENSITIVE and shows
 * pseudonymous IDs unless --reveal-ids is given.
 */
import { Database } from '../../pipeline/db.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { identifierShower, isIdentifierColumn } from '../../pipeline/pseudonym.ts';
import { deleteSnapshotRows, findSnapshot, listSnapshotRows, quarantineRows } from '../../pipeline/store.ts';
import { csvRecord } from '../../reports/safe-cell.ts';
import type { Io } from '../io.ts';
import { textTable } from '../../reports/terminal.ts';

export const SENSITIVE_HEADING = 'OFFICIAL-SENSITIVE: child-level data. Handle under your data protection rules; do not forward.';

/** How a child-level output shows identifiers, in one sentence. */
export function identifierNote(revealed: boolean): string {
  return revealed ? 'Identifiers shown as recorded (--reveal-ids).' : 'Identifiers are pseudonymised (HMAC-SHA256, key beside the database); --reveal-ids shows them.';
}

export async function listSnapshots(opts: { db: string }, io: Io): Promise<void> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const current = await findSnapshot(db);
    const rows = await listSnapshotRows(db);
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
    await deleteSnapshotRows(db, snap.snapshot_id);
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
    const rows = await quarantineRows(db, snap.snapshot_id);
    const show = identifierShower(opts.db, opts.revealIds === true);
    const shown = rows.map((r) => {
      const value = r.value !== null && isIdentifierColumn(r.column_name) ? show(r.value) : r.value;
      return [r.file, r.line, r.column_name, value, r.reason] as const;
    });
    const idNote = identifierNote(opts.revealIds === true);
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
