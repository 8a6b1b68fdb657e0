/*
 * `--commentary FILE` for `report` and `run`: the board's "what this tells
 * us" for each indicator, a CSV `indicator,text` (header row first; a text
 * with a comma quoted, as in any CSV), printed under the indicator in the
 * workbook, the Markdown and the HTML. The file is the user's input: a row we
 * cannot use rejects the file (exit 3) naming the file, line, column and
 * reason, never a stack trace; a file that cannot be opened is exit 1.
 */
import { parseCsv } from '../pipeline/csv.ts';
import { InputRejected } from '../pipeline/errors.ts';
import { readUserText } from './user-file.ts';
import { INDICATORS } from '../metrics/index.ts';

/** A paragraph, not an essay: the board's tables are printed. */
export const MAX_COMMENTARY = 1000;

export function loadCommentary(path: string | undefined): Record<string, string> | undefined {
  if (path === undefined) return undefined;
  return parseCommentary(readUserText(path), path);
}

export function parseCommentary(text: string, file: string): Record<string, string> {
  const csv = parseCsv(text, file);
  const header = csv.header.map((h) => h.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'indicator' || header[1] !== 'text') {
    throw new InputRejected({ file, line: csv.headerLine }, `the first row must be the header indicator,text; it is '${csv.header.join(',').slice(0, 200)}'`);
  }
  const known = new Set(INDICATORS.map((i) => i.id));
  const out: Record<string, string> = {};
  for (const r of csv.records) {
    if (r.fields.length !== 2) throw new InputRejected({ file, line: r.line }, `has ${r.fields.length} fields where the header has 2 (indicator,text): quote a text that contains a comma ("...")`);
    const id = r.fields[0]!.trim();
    const words = r.fields[1]!.trim().replace(/\s+/g, ' ');
    if (!known.has(id)) throw new InputRejected({ file, line: r.line, column: 'indicator' }, `'${id.slice(0, 60)}' is not an indicator: use an id such as icpc_within_15wd_pct (safeguard indicators lists them)`);
    if (words === '') throw new InputRejected({ file, line: r.line, column: 'text' }, 'is empty: say what the figure tells the board, or leave the indicator out');
    if (words.length > MAX_COMMENTARY) throw new InputRejected({ file, line: r.line, column: 'text' }, `is ${words.length} characters long: keep the commentary on one indicator to ${MAX_COMMENTARY}`);
    if (id in out) throw new InputRejected({ file, line: r.line, column: 'indicator' }, `${id} has commentary already, on an earlier line`);
    out[id] = words;
  }
  return out;
}
