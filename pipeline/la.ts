/*
 * Local authorities: resolving `--la` (old three-digit DfE code such as 359,
 * or ONS code such as E08000010) to the LA's name and region, and the bundled
 * ONS mid-year estimates of children aged 0 to 17 for it. Both come from the
 * DfE-published ONS file in data/dfe/ (Open Government Licence v3.0).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeUtf8, parseCsv } from './csv.ts';
import { UsageError } from './errors.ts';
import type { LaInfo } from '../metrics/types.ts';

export const ONS_POPULATION_FILE = 'ons_mid-year_population_estimates_2012_to_2024.csv';
const PATH = fileURLToPath(new URL(`../data/dfe/${ONS_POPULATION_FILE}`, import.meta.url));

interface OnsRow {
  year: number;
  code: string;
  onsCode: string;
  name: string;
  region: string;
  population: number | null;
}

let rows: OnsRow[] | undefined;

function onsRows(): OnsRow[] {
  if (!rows) {
    const csv = parseCsv(decodeUtf8(readFileSync(PATH), ONS_POPULATION_FILE), ONS_POPULATION_FILE);
    const col = (name: string) => csv.header.indexOf(name);
    const [y, lvl, old, ons, nm, rg, pop] = ['time_period', 'geographic_level', 'old_la_code', 'new_la_code', 'la_name', 'region_name', 'population_estimate'].map(col);
    rows = csv.records
      .filter((r) => r.fields[lvl!] === 'Local authority')
      .map((r) => {
        const p = r.fields[pop!] ?? '';
        return {
          year: Number(r.fields[y!]),
          code: r.fields[old!] ?? '',
          onsCode: r.fields[ons!] ?? '',
          name: r.fields[nm!] ?? '',
          region: r.fields[rg!] ?? '',
          population: /^\d+$/.test(p) ? Number(p) : null,
        };
      });
  }
  return rows;
}

/** The LA for an old or ONS code, from the latest year it appears; throws a usage error naming the code. */
export function resolveLa(code: string): LaInfo {
  const c = code.trim().toUpperCase();
  const matches = onsRows().filter((r) => r.code === c || r.onsCode.toUpperCase() === c);
  if (matches.length === 0) {
    throw new UsageError(`--la ${code}: not an English local authority code (use the DfE three-digit code, e.g. 359, or the ONS code, e.g. E08000010)`);
  }
  const latest = matches.reduce((a, b) => (b.year > a.year ? b : a));
  return { code: latest.code, ons_code: latest.onsCode, name: latest.name, region: latest.region };
}

/** The LA's ONS mid-year estimates (children aged 0 to 17), by mid-year. */
export function bundledPopulation(laCode: string): { year: number; population: number }[] {
  return onsRows()
    .filter((r) => r.code === laCode && r.population !== null)
    .map((r) => ({ year: r.year, population: r.population! }))
    .sort((a, b) => a.year - b.year);
}
