/*
 * Test support: reads the bundled DfE files in data/dfe and builds the
 * dataset the golden tests run against. The only module in this folder that
 * touches the file system; the engine itself is pure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeUtf8 } from '../../csv.ts';
import { buildDataset, type DfeDataset } from './dataset.ts';
import { parseDfeText, type ParsedDfeFile } from './parse.ts';

export const DFE_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/dfe');

export function readRealFile(name: string): string {
  return decodeUtf8(readFileSync(join(DFE_DATA_DIR, name)), name);
}

export function realFileNames(): string[] {
  return readdirSync(DFE_DATA_DIR).filter((f) => f.endsWith('.csv')).sort();
}

let cached: { files: Map<string, ParsedDfeFile>; dataset: DfeDataset } | null = null;

export function loadRealDataset(): { files: Map<string, ParsedDfeFile>; dataset: DfeDataset } {
  if (cached) return cached;
  const files = new Map(realFileNames().map((f) => [f, parseDfeText(readRealFile(f), f)] as const));
  const parsed = [...files.values()];
  cached = { files, dataset: buildDataset(parsed.flatMap((p) => p.measures), parsed.flatMap((p) => p.snRows)) };
  return cached;
}
