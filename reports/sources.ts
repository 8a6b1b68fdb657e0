/*
 * Where a comparator comes from, and the notes on a figure, in words a board
 * member understands (issue 15). The benchmarks layer records a source as an
 * analyst's string (`DfE C1 2014 (referral_count x 10,000 / ONS mid-2013
 * population), SN model 2021 mean of 10/10`, or a plain file's own words);
 * this turns it into a kind (DfE file and year, the board's own report, a
 * plain file, a figure carried forward from an earlier year), a short label
 * for a table cell (`DfE 2013/14`, `Board's report, 2015/16 carried forward`)
 * and a sentence for the line printed once under each indicator. Notes are
 * rewritten without raw DfE field names and grouped by text, so a note that
 * holds for every year is printed once, with the years it applies to.
 *
 * Every output (terminal, Markdown, CSV, workbook, HTML) labels sources with
 * these functions, so they cannot disagree. Pure.
 */

export type SourceKind = 'dfe' | 'board' | 'file' | 'carried_forward';

export interface SourceWords {
  kind: SourceKind;
  /** for a table cell: `DfE 2013/14`, `Board's report`, `Board's report, 2015/16 carried forward`, `Local file` */
  short: string;
  /** for a sentence: `DfE, Characteristics of children in need 2013/14 (table C1)` */
  long: string;
}

/** DfE's collection year (`2014`, the year ending 31 March 2014) as a financial year: `2013/14`. */
export function dfeYearLabel(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
}

const CIN_TABLES = /^[A-Z]\d+$/;

/**
 * A comparator's source (as the benchmarks layer recorded it) in words. For
 * DfE's figures of the period's own year, the sentence says "for the year" so
 * that years group; another year is named.
 */
export function describeSource(source: string, period?: string): SourceWords {
  const text = source.trim();
  const dfe = /^DfE (\S+) (\d{4})\b/.exec(text);
  if (dfe || /^DfE\b/.test(text)) {
    // `DfE C1 2014 (...)` as the benchmarks layer writes it; or any other DfE title, with its year if it names one
    const table = dfe?.[1] ?? '';
    const year = dfe?.[2] ?? /\b(\d{4})\b/.exec(text)?.[1];
    const vintage = year ? dfeYearLabel(Number(year)) : period ?? 'year not given';
    const publication = !dfe ? text.replace(/^DfE\s*/, '').replace(/\s*\b\d{4}\b/, '') : table === 'CLA' ? 'Children looked after in England' : CIN_TABLES.test(table) ? `Characteristics of children in need, table ${table}` : table;
    const long = vintage === period ? `DfE's published statistics for the year (${publication})` : `DfE's published statistics for ${vintage}, not this year's (${publication})`;
    return { kind: 'dfe', short: `DfE ${vintage}`, long };
  }
  const carried = /(\d{4}\/\d{2}) (?:figures?|values?) carried forward|carried forward from (\d{4}\/\d{2})/i.exec(text);
  const board = /safeguarding (children )?(board|partnership)|\bboard\b/i.test(text);
  const named = text.replace(/\s*\(as published\)/i, '').replace(/:?\s*the \d{4}\/\d{2} (figures?|values?) carried forward/i, '').trim();
  if (carried || /carried forward/i.test(text)) {
    const from = carried?.[1] ?? carried?.[2] ?? 'an earlier year';
    const whose = board ? "Board's report" : 'Local file';
    return { kind: 'carried_forward', short: `${whose}, ${from} carried forward`, long: `${board ? "the board's own report" : 'a local file'} (${named}), which repeats its ${from} figures: not this year's` };
  }
  if (board) return { kind: 'board', short: "Board's report", long: `the board's own report (${named})` };
  return { kind: 'file', short: 'Local file', long: `a local file of comparators (${named || 'no source given'})` };
}

/** `sn`, `region`, `england` as a member reads them. */
export function comparatorName(key: 'sn' | 'region' | 'england', regionName: string): string {
  return key === 'sn' ? 'statistical neighbours' : key === 'region' ? regionName : 'England';
}

/**
 * A note from the metrics or benchmarks layer in plain words: no raw DfE
 * field names or suppression codes, and no year where the note is the same for
 * every year (so it groups).
 */
export function plainNote(note: string): string {
  let t = note.trim();
  // "SN model 2021 is the oldest model bundled: DfE's groupings in force in 2013/14 were older"
  t = t.replace(/SN model (\d{4}) is the oldest model bundled: DfE's groupings in force in \d{4}\/\d{2} were older/, (_, y: string) => `the neighbours are DfE's ${y} statistical-neighbour model, the oldest held; DfE's groupings at the time were older, so they may not be the neighbours the board compared with then`);
  // "no value for St. Helens (342): 2_years_or_more_percent suppressed ("c"); Barnsley (370): ..."
  t = t.replace(/no value for ((?:[^;:]+? \(\d+\): [\w.-]+ suppressed \("\w+"\)(?:; )?)+)/, (_, list: string) => {
    const names = [...list.matchAll(/([^;:]+?) \(\d+\): [\w.-]+ suppressed/g)].map((m) => m[1]!.trim());
    return `no figure for ${joinWords(names)} (DfE withheld ${names.length === 1 ? 'it' : 'them'} to protect privacy)`;
  });
  // "not published: 2_years_or_more_percent suppressed ("c")"
  t = t.replace(/[\w.-]+_[\w.-]+ suppressed \("\w+"\)/g, 'withheld by DfE to protect privacy');
  t = t.replace(/DfE has published no DfE CLA figures/, 'DfE has published no children-looked-after figures');
  t = t.replace(/^local indicator: DfE publishes no comparable figure$/, 'a local measure: DfE publishes no comparable figure, so it is not ranked');
  return t;
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Periods as one phrase: all of them (`every year`), a run in order
 * (`2013/14 to 2015/16`), or a list. `all` is every period in report order.
 */
export function periodsPhrase(periods: string[], all: string[]): string {
  if (periods.length === all.length && all.length > 1) return 'Every year';
  if (periods.length === 1) return periods[0]!;
  const at = periods.map((p) => all.indexOf(p));
  const run = at.every((i, k) => k === 0 || i === at[k - 1]! + 1);
  return run && periods.length > 2 ? `${periods[0]} to ${periods.at(-1)}` : joinWords(periods);
}

/** Notes given as (period, text), grouped by text in first-seen order: `2013/14 to 2016/17: text`. */
export function groupNotes(entries: { period: string; text: string }[], all: string[]): string[] {
  const byText = new Map<string, string[]>();
  for (const e of entries) {
    const list = byText.get(e.text) ?? [];
    if (!list.includes(e.period)) list.push(e.period);
    byText.set(e.text, list);
  }
  return [...byText].map(([text, periods]) => `${periodsPhrase(periods, all)}: ${text}`);
}
