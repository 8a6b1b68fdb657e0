/*
 * `safeguard benchmarks import FILE...`: recognises each file by its columns,
 * and writes every file's rows in one transaction. A file whose columns are not
 * recognised rejects the whole import (exit 3) before anything is written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeUtf8, parseCsv } from '../csv.ts';
import { Database } from '../db.ts';
import { InputRejected } from '../errors.ts';
import { ensureSchema } from '../schema.ts';
import { isPlainBenchmarkHeader, parsePlainBenchmarks, PLAIN_COLUMNS } from '../benchmarks/plain.ts';
import type { PlainBenchmarkRow } from '../benchmarks/plain.ts';
import type { Io } from './io.ts';

export async function importBenchmarks(files: string[], opts: { db: string }, io: Io): Promise<void> {
  const plain: { file: string; rows: PlainBenchmarkRow[] }[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new InputRejected({ file }, 'cannot be read');
    }
    const text = decodeUtf8(bytes, file);
    const header = parseCsv(text.split(/\r?\n/, 1)[0] ?? '', file).header;
    if (isPlainBenchmarkHeader(header)) {
      const parsed = parsePlainBenchmarks(text, file);
      plain.push({ file, rows: parsed.rows });
      io.err(`${file}: plain benchmark file, ${parsed.rows.length} row(s) read, ${parsed.skipped.length} skipped`);
      for (const s of parsed.skipped) io.err(`  line ${s.line}: ${s.reason}`);
      continue;
    }
    throw new InputRejected(
      { file },
      `has columns [${header.join(', ')}], which safeguard does not recognise; expected a plain benchmark file (${PLAIN_COLUMNS.join(',')}[,source])`,
    );
  }
  const db = await Database.open(opts.db);
  try {
    await ensureSchema(db);
    await db.transaction(async () => {
      for (const f of plain) {
        for (const r of f.rows) {
          await db.run(
            `INSERT OR REPLACE INTO store.benchmark VALUES ($indicator, $period, $comparator, $value, $source, $file, now()::TIMESTAMP)`,
            { indicator: r.indicator, period: r.period, comparator: r.comparator, value: r.value, source: r.source, file: basename(f.file) },
          );
        }
      }
    });
  } finally {
    db.close();
  }
}
