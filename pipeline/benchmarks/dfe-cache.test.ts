import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset, saveDataset } from './dfe-cache.ts';
import { bundledDfeFiles, parseDfeFiles } from './dfe-store.ts';

let dir: string;
let files: string[];
let saved: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-dfe-cache-'));
  files = bundledDfeFiles().map((f) => {
    const to = join(dir, basename(f));
    copyFileSync(f, to);
    return to;
  });
  saved = join(dir, 'dfe.v8');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved bundled DfE dataset', () => {
  it('reads back as the dataset a fresh parse of every bundled file gives', () => {
    const parsed = parseDfeFiles(files);
    saveDataset(saved, parsed, files);
    const back = loadDataset(saved, files);
    expect(back).not.toBeNull();
    expect(back).toEqual(parseDfeFiles(files));
    expect(back!.cells.size).toBeGreaterThan(20_000);
    expect(back!.sn.get('2025')?.get('359')).toEqual(parsed.sn.get('2025')?.get('359'));
  });

  it('is not read once a file it was made from is touched, resized, added or removed', () => {
    const ds = parseDfeFiles(files.slice(0, 2));
    const two = files.slice(0, 2);
    saveDataset(saved, ds, two);
    expect(loadDataset(saved, two)).not.toBeNull();

    const t = statSync(two[0]!).mtimeMs / 1000;
    utimesSync(two[0]!, t + 10, t + 10);
    expect(loadDataset(saved, two)).toBeNull();

    saveDataset(saved, ds, two);
    writeFileSync(two[1]!, readFileSync(two[1]!, 'utf8') + '\n');
    expect(loadDataset(saved, two)).toBeNull();

    saveDataset(saved, ds, two);
    expect(loadDataset(saved, files.slice(0, 3))).toBeNull();
    expect(loadDataset(saved, two.slice(0, 1))).toBeNull();
  });

  it('is not read when missing or damaged', () => {
    expect(loadDataset(saved, files)).toBeNull();
    const two = files.slice(0, 2);
    saveDataset(saved, parseDfeFiles(two), two);
    const whole = readFileSync(saved);
    writeFileSync(saved, whole.subarray(0, whole.length - 1000));
    expect(loadDataset(saved, two)).toBeNull();
    writeFileSync(saved, whole.subarray(0, 2));
    expect(loadDataset(saved, two)).toBeNull();
  });
});
