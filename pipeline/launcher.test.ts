/*
 * bin/safeguard.js runs the bundled build/ only while it is up to date with
 * the sources (bin/fresh.js): running stale code after an edit would give
 * figures from code that is no longer there. And the bundle, run, gives what
 * the sources give.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the launcher, without types
import { buildIsCurrent } from '../bin/fresh.js';
import { main as sourceMain } from '../cli.ts';
import { generateSsdExtract } from '../app/demo/generator/index.ts';
import { writeExtract } from '../app/demo/generator/write.ts';
import type { Io } from '../app/io.ts';

let root: string;
const BUILT = Date.parse('2026-01-01T12:00:00Z');
const at = (path: string, ms: number) => utimesSync(join(root, path), ms / 1000, ms / 1000);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'safeguard-fresh-'));
  for (const dir of ['build', 'pipeline/ingest', 'metrics']) mkdirSync(join(root, dir), { recursive: true });
  for (const f of ['cli.ts', 'pipeline/db.ts', 'pipeline/ingest/load.ts', 'pipeline/ingest/load.test.ts', 'metrics/sql.ts', 'pipeline/schema.sql']) {
    writeFileSync(join(root, f), '');
    at(f, BUILT - 60_000);
  }
  writeFileSync(join(root, 'build', '.built'), String(BUILT));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIsCurrent', () => {
  it('is current when every source is older than the build', () => {
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current once a source, however deep, changes at or after the build started', () => {
    at('pipeline/ingest/load.ts', BUILT);
    expect(buildIsCurrent(root)).toBe(false);
    at('pipeline/ingest/load.ts', BUILT - 1);
    at('cli.ts', BUILT + 5_000);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('ignores tests and files that are not TypeScript', () => {
    at('pipeline/ingest/load.test.ts', BUILT + 5_000);
    at('pipeline/schema.sql', BUILT + 5_000);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('is not current without a stamp (no build, or a failed one)', () => {
    rmSync(join(root, 'build', '.built'));
    expect(buildIsCurrent(root)).toBe(false);
  });
});

const REPO = fileURLToPath(new URL('..', import.meta.url));

// `npm install` (and so CI) builds before the tests run; a checkout being
// edited has no current build, and then there is nothing to compare.
describe.skipIf(!buildIsCurrent(REPO))('the bundle in build/', () => {
  type Main = (argv: string[], io: Io) => Promise<number>;
  async function run(main: Main, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(['node', 'safeguard', ...args], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    return { code, out, err };
  }

  it('ingests, computes every figure (with DfE comparators and ranks) and writes the reports as the sources do', async () => {
    const builtMain = ((await import(join(REPO, 'build', 'cli.js'))) as { main: Main }).main;
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-bundle-'));
    try {
      await writeExtract(join(dir, 'x'), generateSsdExtract());
      const dbs = { source: join(dir, 'source.duckdb'), built: join(dir, 'built.duckdb') };
      const ingestArgs = (db: string) => ['ingest', join(dir, 'x'), '--db', db, '--la', '359', '--extract-date', '2017-04-30'];
      const ingested = { source: await run(sourceMain, ...ingestArgs(dbs.source)), built: await run(builtMain, ...ingestArgs(dbs.built)) };
      expect(ingested.built.code).toBe(0);
      expect(ingested.built.err).toBe(ingested.source.err);
      expect(ingested.built.out).toBe(ingested.source.out);

      const figures = (main: Main, db: string) => run(main, 'indicators', '--db', db, '--period', '2013/14:2016/17', '--period', '2016-04:2017-03', '--format', 'json');
      const source = await figures(sourceMain, dbs.source);
      const built = await figures(builtMain, dbs.built);
      expect(built.code).toBe(0);
      expect(source.code).toBe(0);
      expect(JSON.parse(built.out).results.length).toBeGreaterThan(100);
      expect(built.out).toBe(source.out);

      // the reports, exceljs bundled in: the same files, the workbook the same cell for cell
      const out = { source: join(dir, 'reports-source'), built: join(dir, 'reports-built') };
      const reportArgs = (db: string, to: string) => ['report', '--db', db, '--out', to, '--period', '2015/16:2016/17'];
      expect((await run(sourceMain, ...reportArgs(dbs.source, out.source))).code).toBe(0);
      expect((await run(builtMain, ...reportArgs(dbs.built, out.built))).code).toBe(0);
      for (const f of ['indicators.md', 'indicators.csv', 'trends.html']) {
        expect(readFileSync(join(out.built, f), 'utf8'), f).toBe(readFileSync(join(out.source, f), 'utf8'));
      }
      const cells = async (file: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
        return wb.worksheets.map((ws) => [ws.name, JSON.stringify(ws.getSheetValues())]);
      };
      const workbook = await cells(join(out.source, 'indicators.xlsx'));
      expect(workbook.length).toBeGreaterThan(0);
      expect(await cells(join(out.built, 'indicators.xlsx'))).toEqual(workbook);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
