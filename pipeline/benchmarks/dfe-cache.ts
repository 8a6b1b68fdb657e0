/*
 * The bundled DfE dataset, saved once by the build. Parsing the nine bundled
 * files and indexing their 25,000 cells takes about a quarter of a second, and
 * every `indicators`, `report` and `run` needs them. bin/build.js saves the
 * finished dataset beside the compiled code with V8's serializer, which reads
 * back in about a third of that time.
 *
 * A saved copy is a cache, never the source: it is read only when
 * - the code reading it is the compiled copy in build/ that the same build
 *   made (bin/safeguard.js runs build/ only while no source is newer than it,
 *   and a build replaces build/ whole), so the parser that would run is the
 *   one that did; the TypeScript sources (tests, tsx) always parse;
 * - every bundled file still has the name, size and modification time it had
 *   when the copy was saved (an edited or replaced file is parsed afresh).
 * Anything else, including a damaged copy, falls back to parsing the files.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DfeDataset } from './dfe/dataset.ts';

/** What the saved copy was made from: each file's name, size and modification time. */
function stampOf(files: readonly string[]): string {
  return JSON.stringify(
    files.map((f) => {
      const st = statSync(f);
      return [basename(f), st.size, st.mtimeMs];
    }),
  );
}

// layout: 4-byte length of the stamp, the stamp (UTF-8 JSON), then the serialized dataset
export function saveDataset(file: string, ds: DfeDataset, sources: readonly string[]): void {
  const stamp = Buffer.from(stampOf(sources), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(stamp.length);
  writeFileSync(file, Buffer.concat([head, stamp, serialize(ds)]));
}

/** The saved dataset, or null if there is none or it was made from other files. */
export function loadDataset(file: string, sources: readonly string[]): DfeDataset | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  try {
    const n = buf.readUInt32LE(0);
    if (buf.toString('utf8', 4, 4 + n) !== stampOf(sources)) return null;
    const ds = deserialize(buf.subarray(4 + n)) as DfeDataset;
    return ds.cells instanceof Map ? ds : null;
  } catch {
    return null;
  }
}
