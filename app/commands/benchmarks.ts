/*
 * `safeguard benchmarks import FILE...`: recognises each file by its columns
 * (a plain benchmark file, or one of DfE's published files), reads them all,
 * and only then writes, in one transaction. A file whose columns are not
 * recognised rejects the whole import (exit 3) before anything is written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeUtf8, parseCsv } from '../../pipeline/csv.ts';
import { Database } from '../../pipeline/db.ts';
import { InputRejected, formatLocation } from '../../pipeline/errors.ts';
import { ensureSchema } from '../../pipeline/store.ts';
import { isPlainBenchmarkHeader, parsePlainBenchmarks, PLAIN_COLUMNS } from '../../pipeline/benchmarks/plain.ts';
import type { PlainBenchmarkRow } from '../../pipeline/benchmarks/plain.ts';
import { saveDfeFile } from '../../pipeline/benchmarks/dfe-store.ts';
import { parseDfeFile } from '../../pipeline/benchmarks/dfe/parse.ts';
import type { ParsedDfeFile } from '../../pipeline/benchmarks/dfe/parse.ts';
import { DFE_KINDS, expectedColumns, recogniseDfeHeader } from '../../pipeline/benchmarks/dfe/recognise.ts';
import type { Io } from '../io.ts';

type Read = { file: string; plain: PlainBenchmarkRow[] } | { file: string; dfe: ParsedDfeFile };

export async function importBenchmarks(files: string[], opts: { db: string }, io: Io): Promise<void> {
  const read: Read[] = files.map((file) => readBenchmarkFile(file, io));
  const db = await Database.open(opts.db);
  try {
    await ensureSchema(db);
    await db.transaction(async () => {
      for (const r of read) {
        if ('dfe' in r) {
          await saveDfeFile(db, r.file, r.dfe);
          continue;
        }
        for (const row of r.plain) {
          await db.run(`INSERT OR REPLACE INTO store.benchmark VALUES ($indicator, $period, $comparator, $value, $source, $file, now()::TIMESTAMP)`, {
            ...row,
            file: basename(r.file),
          });
        }
      }
    });
  } finally {
    db.close();
  }
}

function readBenchmarkFile(file: string, io: Io): Read {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputRejected({ file }, 'cannot be read');
  }
  const text = decodeUtf8(bytes, file);
  const csv = parseCsv(text, file);
  if (isPlainBenchmarkHeader(csv.header)) {
    const parsed = parsePlainBenchmarks(text, file);
    io.err(`${file}: plain benchmark file, ${parsed.rows.length} row(s) read, ${parsed.skipped.length} skipped`);
    for (const s of parsed.skipped) io.err(`  ${formatLocation({ file, line: s.line, column: s.column })}: ${s.reason}`);
    return { file, plain: parsed.rows };
  }
  const kind = recogniseDfeHeader(csv.header);
  if (kind === null) {
    const expected = [`plain benchmark file (${PLAIN_COLUMNS.join(',')}[,source])`, ...DFE_KINDS.map((k) => `DfE ${k} (${expectedColumns(k).join(', ')})`)];
    throw new InputRejected({ file }, `has columns [${csv.header.join(', ')}], which safeguard does not recognise; expected one of: ${expected.join('; ')}`);
  }
  const dfe = parseDfeFile(kind, csv);
  io.err(`${file}: DfE ${kind}, ${dfe.measures.length} figure(s)${dfe.snRows.length ? `, ${dfe.snRows.length} SN row(s)` : ''}, ${dfe.skipped.length} row(s) skipped`);
  for (const s of dfe.skipped.slice(0, 5)) io.err(`  line ${s.line}: ${s.reason}`);
  if (dfe.skipped.length > 5) io.err(`  ... and ${dfe.skipped.length - 5} more`);
  for (const c of dfe.skippedCounts) io.err(`  ${c.count} row(s): ${c.reason}`);
  return { file, dfe };
}
