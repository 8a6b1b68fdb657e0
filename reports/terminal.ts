/*
 * What the commands print on stdout: the indicators as a fixed-width table
 * for people and as a flat CSV for programs, and the text table other
 * commands (ingest, snapshots) lay their accounts out in. Beside each figure,
 * the LA's own published one (`!` where they differ beyond the tolerance). Pure, like every
 * renderer here: the direction of travel is read from the results (the
 * indicators service sets it), never worked out again. Under the table, where
 * comparators are not DfE's for the same year (reports/sources.ts words), and
 * the notes, each once per indicator with its years.
 */
import type { IndicatorResult, IndicatorsDocument } from '../metrics/types.ts';
import { directionLabel, movement } from './direction.ts';
import { formatValue } from './format.ts';
import { csvRecord } from './safe-cell.ts';
import { describeSource, groupNotes, plainNote } from './sources.ts';

/** A line broken at spaces to fit a 120-column terminal, continuation lines indented. */
export function wrap(line: string, width = 120): string {
  if (line.length <= width) return line;
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 3 ? cut : width;
    out.push(rest.slice(0, at).trimEnd());
    rest = `    ${rest.slice(at).trimStart()}`;
  }
  return [...out, rest].join('\n');
}

/** A fixed-width text table (numbers right-aligned; a number may carry a trailing mark, `!` or `*`). */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || /^-?[\d.,]*[!*]?$|^[-—]$/.test(String(r[c]))));
  return cells
    .map((r) => r.map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatValue(v));
const count = (v: number | null): string => (v === null ? '—' : String(v));

/** The LA's own published figure, `!` where the computed one differs from it beyond the tolerance. */
function publishedCell(r: IndicatorResult): string {
  const p = r.published;
  if (!p) return '';
  return `${fmt(p.value)}${p.reconciliation === 'differs' ? '!' : ''}`;
}

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/** Direction in words (colour is never the only signal), coloured by polarity on a terminal. */
function directionCell(r: IndicatorResult, colour: boolean): string {
  if (!r.direction) return '';
  const label = directionLabel(r.direction.value, movement(r.direction.previous_value, r.value));
  if (!colour) return label;
  return r.direction.value === 'better' ? `${GREEN}${label}${RESET}` : r.direction.value === 'worse' ? `${RED}${label}${RESET}` : label;
}

export function indicatorsTable(doc: IndicatorsDocument, opts: { colour?: boolean } = {}): string {
  const head = doc.source === 'dfe_published'
    ? `${doc.la?.name} (${doc.la?.code}): figures as DfE published them (no extract)`
    : doc.la ? `${doc.la.name} (${doc.la.code}), snapshot ${doc.snapshot.id}, extract taken ${doc.snapshot.extracted_at}` : `snapshot ${doc.snapshot.id}`;
  // a published-only document's values are the published ones: no second column of them
  const withPublished = doc.results.some((r) => r.published);
  const rows = doc.results.map((r) => [
    r.indicator,
    r.period,
    count(r.numerator),
    count(r.denominator),
    fmt(r.value),
    ...(withPublished ? [publishedCell(r)] : []),
    fmt(r.benchmarks.sn?.value),
    fmt(r.benchmarks.region?.value),
    fmt(r.benchmarks.england?.value),
    r.rank ? `${r.rank.position}/${r.rank.of}${r.rank.provisional ? '*' : ''}` : '—',
    r.rank?.quartile ?? '—',
    directionCell(r, opts.colour ?? false),
  ]);
  const uniqueNotes = [...sourceNotes(doc.results), ...groupedNotes(doc.results)];
  const provisional = doc.results.some((r) => r.rank?.provisional) ? ['* rank provisional: against the latest year DfE has published'] : [];
  if (doc.results.some((r) => r.published?.reconciliation === 'differs')) {
    provisional.push(`! differs from the figure DfE published for this LA by more than the tolerance (${formatValue(doc.results.find((r) => r.published)!.published!.tolerance)})`);
  }
  return [
    head,
    '',
    // short headers, so a table of financial years fits a 120-column terminal; the key says what each is
    textTable(['indicator', 'period', 'numer', 'denom', 'value', ...(withPublished ? ['DfE'] : []), 'sn', 'region', 'Eng', 'rank', 'qtl', 'direction'], rows),
    '',
    wrap(`numer, denom: the counts (for a rate, denom is the population); value: this extract's figure; ${withPublished ? "DfE: the figure DfE published for this LA; " : ''}sn, region, Eng: statistical neighbours, region, England; rank among all LAs and qtl (quartile): complete years only`),
    ...(uniqueNotes.length || provisional.length ? ['', ...provisional, ...uniqueNotes].map((l) => wrap(l)) : []),
  ].join('\n');
}

/** The periods of the results, in order of first appearance (the service orders them). */
function periodsOf(results: IndicatorResult[]): string[] {
  return [...new Set(results.map((r) => r.period))];
}

/**
 * Where the comparators come from, in the words every report uses: one line
 * per indicator whose comparators are not DfE's figures for the same year
 * (the rule, said once), its years grouped.
 */
function sourceNotes(results: IndicatorResult[]): string[] {
  const all = periodsOf(results);
  const lines: string[] = [];
  for (const id of new Set(results.map((r) => r.indicator))) {
    const entries = results
      .filter((r) => r.indicator === id)
      .flatMap((r) => {
        const labels = [...new Set((['sn', 'region', 'england'] as const).flatMap((k) => (r.benchmarks[k] ? [describeSource(r.benchmarks[k]!.source).short] : [])))];
        return labels.length === 0 || (labels.length === 1 && labels[0] === `DfE ${r.period}`) ? [] : [{ period: r.period, text: labels.join(' / ') }];
      });
    if (entries.length > 0) lines.push(`${id} comparators from: ${groupNotes(entries, all).join('; ')}`);
  }
  return lines.length > 0 ? ["comparators: DfE's published figures for the same year, except:", ...lines.map((l) => `  ${l}`)] : [];
}

/** The notes in plain words, each once per indicator with the years it applies to. */
function groupedNotes(results: IndicatorResult[]): string[] {
  const all = periodsOf(results);
  const out: string[] = [];
  for (const id of new Set(results.map((r) => r.indicator))) {
    const entries = results
      .filter((r) => r.indicator === id)
      .flatMap((r) => r.notes.filter((n) => !n.startsWith('local indicator')).map((n) => ({ period: r.period, text: plainNote(n) })));
    out.push(...groupNotes(entries, all).map((n) => `${id} ${n}`));
  }
  return out;
}

export function indicatorsCsv(results: IndicatorResult[]): string {
  const header = ['indicator', 'period', 'period_start', 'period_end', 'numerator', 'denominator', 'value', 'unit', 'polarity', 'sn', 'region', 'england', 'published', 'published_difference', 'notes'];
  const lines = results.map((r) =>
    [
      r.indicator,
      r.period,
      r.period_start,
      r.period_end,
      r.numerator,
      r.denominator,
      r.value,
      r.unit,
      r.polarity,
      r.benchmarks.sn?.value,
      r.benchmarks.region?.value,
      r.benchmarks.england?.value,
      r.published?.value,
      r.published?.difference,
      r.notes.join('; '),
    ].map((v) => (v === undefined ? null : v)),
  );
  return [csvRecord(header), ...lines.map((l) => csvRecord(l))].join('\n');
}
