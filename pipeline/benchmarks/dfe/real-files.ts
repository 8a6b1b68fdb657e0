/*
 * Test support: reads the bundled DfE files in data/dfe and builds the
 * dataset the golden tests run against. The only module in this folder that
 * touches the file system; the engine itself is pure.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeUtf8 } from '../../csv.ts';
import { BUNDLED_DFE_DIR, bundledDfeFiles } from '../dfe-store.ts';
import { buildDataset, type DfeDataset } from './dataset.ts';
import { parseDfeText, type ParsedDfeFile } from './parse.ts';

export const DFE_DATA_DIR = BUNDLED_DFE_DIR;

export function readRealFile(name: string): string {
  return decodeUtf8(readFileSync(join(DFE_DATA_DIR, name)), name);
}

export function realFileNames(): string[] {
  return bundledDfeFiles().map((f) => basename(f));
}

let cached: { files: Map<string, ParsedDfeFile>; dataset: DfeDataset } | null = null;

export function loadRealDataset(): { files: Map<string, ParsedDfeFile>; dataset: DfeDataset } {
  if (cached) return cached;
  const files = new Map(realFileNames().map((f) => [f, parseDfeText(readRealFile(f), f)] as const));
  const parsed = [...files.values()];
  cached = { files, dataset: buildDataset(parsed.flatMap((p) => p.measures), parsed.flatMap((p) => p.snRows)) };
  return cached;
}
