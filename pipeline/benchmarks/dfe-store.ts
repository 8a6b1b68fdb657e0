/*
 * DfE published data in and out of the database. Import replaces a file kind
 * (or an SN model) as a whole, so the database holds one edition of each and
 * importing the same file twice changes nothing. Reading gives the comparator
 * engine its in-memory dataset; with nothing imported, the files bundled in
 * data/dfe/ are used, so every run benchmarks offline by default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../root.ts';
import { decodeUtf8 } from '../csv.ts';
import type { Database } from '../db.ts';
import { listLiteral } from '../db.ts';
import { loadDataset, saveDataset } from './dfe-cache.ts';
import { buildDataset } from './dfe/dataset.ts';
import type { DfeDataset } from './dfe/dataset.ts';
import { parseDfeText } from './dfe/parse.ts';
import type { DfeMeasureRow, ParsedDfeFile, SnModelRow } from './dfe/parse.ts';

export const BUNDLED_DFE_DIR = fromRoot('data', 'dfe');

export async function saveDfeFile(db: Database, file: string, parsed: ParsedDfeFile): Promise<void> {
  const name = basename(file);
  if (parsed.measures.length > 0) {
    await db.run('DELETE FROM store.dfe_measure WHERE kind = $kind', { kind: parsed.kind });
    await db.run(
      'CREATE OR REPLACE TEMP TABLE stage_dfe (kind VARCHAR, time_period VARCHAR, level VARCHAR, old_la_code VARCHAR, new_la_code VARCHAR, la_name VARCHAR, region_name VARCHAR, measure VARCHAR, value VARCHAR, raw VARCHAR, file VARCHAR)',
    );
    await db.append(
      'stage_dfe',
      parsed.measures.map((m) => [m.kind, String(m.time_period), m.level, m.old_la_code, m.new_la_code, m.la_name, m.region_name, m.measure, m.value === null ? null : String(m.value), m.raw, name]),
    );
    await db.run('INSERT INTO store.dfe_measure SELECT kind, CAST(time_period AS INTEGER), level, old_la_code, new_la_code, la_name, region_name, measure, CAST(value AS DOUBLE), raw, file FROM stage_dfe');
    await db.run('DROP TABLE stage_dfe');
  }
  const models = new Set(parsed.snRows.map((r) => r.model));
  for (const model of models) {
    await db.run('DELETE FROM store.dfe_sn_model WHERE model = $model', { model });
    for (const r of parsed.snRows.filter((x) => x.model === model)) {
      await db.run('INSERT INTO store.dfe_sn_model VALUES ($model, $la, CAST($n AS VARCHAR[]), $file)', {
        model,
        la: r.old_la_code,
        n: listLiteral(r.neighbours),
        file: name,
      });
    }
  }
}

/** The DfE data imported into this database, or null if none was. */
export async function loadDfeDataset(db: Database): Promise<DfeDataset | null> {
  if (!(await db.storeTables()).has('dfe_measure')) return null;
  const measures = await db.all<DfeMeasureRow & Record<string, unknown>>(
    'SELECT kind, time_period, level, old_la_code, new_la_code, la_name, region_name, measure, value, raw FROM store.dfe_measure',
  );
  const sn = await db.all<{ model: '2025' | '2021'; old_la_code: string; neighbours: string[] }>('SELECT model, old_la_code, neighbours FROM store.dfe_sn_model');
  if (measures.length === 0 && sn.length === 0) return null;
  return buildDataset(measures, sn.map((r): SnModelRow => ({ model: r.model, old_la_code: r.old_la_code, neighbours: r.neighbours })));
}

let bundled: DfeDataset | undefined;

// the build's saved copy of the bundled dataset, read only by the compiled code that build made (dfe-cache.ts)
const BUNDLED_SAVED = fromRoot('build', 'dfe-bundled.v8');
const COMPILED = fileURLToPath(import.meta.url).startsWith(fromRoot('build') + sep);

/** The DfE files shipped in data/dfe/ (Open Government Licence v3.0). */
export function bundledDfeDataset(): DfeDataset {
  if (!bundled) {
    const files = bundledDfeFiles();
    bundled = (COMPILED ? loadDataset(BUNDLED_SAVED, files) : null) ?? parseDfeFiles(files);
  }
  return bundled;
}

/** bin/build.js, after compiling: save the bundled dataset for the compiled code to read. */
export function saveBundledDfeDataset(): void {
  const files = bundledDfeFiles();
  saveDataset(BUNDLED_SAVED, parseDfeFiles(files), files);
}

export function parseDfeFiles(files: readonly string[]): DfeDataset {
  const parsed = files.map((f) => parseDfeText(decodeUtf8(readFileSync(f), basename(f)), basename(f)));
  return buildDataset(parsed.flatMap((p) => p.measures), parsed.flatMap((p) => p.snRows));
}

let bundledPopulationOnly: DfeDataset | undefined;

/**
 * The bundled ONS population file alone: what `ingest --la` needs (the LA's
 * name, region and children aged 0 to 17) without parsing the other eight
 * files. A test holds it to the same answers as the whole set for every LA.
 */
export function bundledPopulationDataset(): DfeDataset {
  if (!bundledPopulationOnly) {
    const f = bundledDfeFiles().find((x) => basename(x).startsWith('ons_mid-year_population_estimates'));
    if (!f) return bundledDfeDataset();
    const parsed = parseDfeText(decodeUtf8(readFileSync(f), basename(f)), basename(f));
    bundledPopulationOnly = buildDataset(parsed.measures, parsed.snRows);
  }
  return bundledPopulationOnly;
}

export function bundledDfeFiles(): string[] {
  return readdirSync(BUNDLED_DFE_DIR)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(BUNDLED_DFE_DIR, f));
}
