/*
 * Markdown for board papers: a summary of the latest year, then each area's
 * indicators in the board's subgroup-table layout (periods across; numerator,
 * denominator, the LA, statistical neighbours, region, England, rank,
 * quartile, direction of travel), where its comparators come from, the
 * board's commentary and the notes, then the definitions and a key, and,
 * when there is an earlier snapshot, the figures restated since it (each
 * also marked † beside the figure, with what it was). Pure: a
 * ReportInput in, a string out. Every text from the input is escaped so a
 * title or note cannot break a table or inject markup.
 */
import { RAG_WORDS, type Rag } from './direction.ts';
import { isoDate, POLARITY_WORDS, UNIT_WORDS, MISSING_MARK } from './format.ts';
import { buildReportModel, figureCell, indicatorTable, keyLines, quartileText, rankText, RESTATED_LABEL, RESTATEMENT_WORDS, valueCell, type FigureSet, type IndicatorModel, type ReportModel, type RestatementModel } from './model.ts';
import type { ReportInput } from './types.ts';

/**
 * Escapes text for Markdown (CommonMark and GitHub tables): emphasis, code,
 * links, HTML, entities and table pipes are backslash-escaped and line breaks
 * become spaces. Parentheses need no escape once `[` and `]` are escaped, and
 * text never starts a line here (it follows `| `, `- ` or `### `), so list and
 * heading markers are harmless.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : ':---'))), ...rows.map(line)].join('\n');
}

function ragText(rag: Rag | null): string {
  return rag ? RAG_WORDS[rag] : MISSING_MARK;
}

function summary(model: ReportModel): string {
  const header = ['Indicator', 'Good is', model.laName, 'Statistical neighbours', model.regionName, 'England', 'Comparators from', 'Rank', 'Quartile', 'Direction of travel', 'Against England', 'Against SN'].map(escapeMarkdown);
  const rows = model.indicators.map((ind) => {
    const f = ind.latest;
    if (!f) return [escapeMarkdown(ind.title), ind.polarity, ...Array<string>(10).fill(MISSING_MARK)];
    return [
      escapeMarkdown(ind.title),
      { high: 'High', low: 'Low', none: 'No polarity' }[ind.polarity],
      valueCell(f).text,
      figureCell(f.sn, 'value').text,
      figureCell(f.region, 'value').text,
      figureCell(f.england, 'value').text,
      escapeMarkdown(f.sourceText),
      escapeMarkdown(rankText(f)),
      quartileText(f),
      f.directionText,
      ragText(ind.ragEngland),
      ragText(ind.ragSn),
    ];
  });
  return table(header, ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'r', 'l', 'l', 'l', 'l'], rows);
}

function indicatorSection(model: ReportModel, ind: IndicatorModel): string {
  const parts: string[] = [];
  parts.push(`### ${escapeMarkdown(ind.title)}`);
  parts.push(`\`${ind.id.replace(/`/g, '')}\` — ${POLARITY_WORDS[ind.polarity]}; ${UNIT_WORDS[ind.unit]}.`);
  const rows = indicatorTable(model, ind).map((row) => [escapeMarkdown(row.label), ...row.cells.map((c) => escapeMarkdown(c.text))]);
  parts.push(table(['Measure', ...ind.figures.map((f) => escapeMarkdown(f.period.heading))], ['l', ...ind.figures.map(() => 'r' as const)], rows));
  if (ind.commentary) parts.push(`**What this tells us:** ${escapeMarkdown(ind.commentary)}`);
  if (ind.sources.length > 0) parts.push(ind.sources.map((n) => `${escapeMarkdown(n)}.`).join('  \n'));
  if (ind.notes.length > 0) parts.push(ind.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return parts.join('\n\n');
}

function definitions(model: ReportModel): string {
  return model.definitions
    .map((d) => {
      const source = d.dfeSource ? `DfE source: ${escapeMarkdown(d.dfeSource)}.` : 'Local measure: no DfE comparator.';
      const text = d.definition ? ` ${escapeMarkdown(d.definition)}` : '';
      return `- **${escapeMarkdown(d.title)}** (\`${d.id.replace(/`/g, '')}\`, ${POLARITY_WORDS[d.polarity]}).${text} ${source}`;
    })
    .join('\n');
}

/** `57 / 70 / 81.4`: numerator, denominator and value, `c` where withheld, `x` where missing. */
function figureSetText(f: FigureSet): string {
  return `${figureCell(f.numerator, 'count').text} / ${figureCell(f.denominator, 'count').text} / ${figureCell(f.value, 'value').text}`;
}

/** The list at the end: which two extracts, what a restatement is, every figure that moved, and what was not compared. */
function restatements(r: RestatementModel): string {
  const parts = [`## ${RESTATED_LABEL}`, [r.heading, r.summary, RESTATEMENT_WORDS].map(escapeMarkdown).join(' ')];
  if (r.rows.length > 0) {
    const rows = r.rows.map((x) => [escapeMarkdown(x.title), escapeMarkdown(x.period), figureSetText(x.figure.from), figureSetText(x.figure.to), escapeMarkdown(x.figure.moveText)]);
    parts.push(table(['Indicator', 'Period', 'Earlier (numerator / denominator / value)', 'Now (numerator / denominator / value)', 'Move'], ['l', 'l', 'r', 'r', 'r'], rows));
  }
  if (r.notes.length > 0) parts.push(r.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return parts.join('\n\n');
}

export function renderMarkdown(input: ReportInput): string {
  const model = buildReportModel(input);
  const out: string[] = [];
  out.push(`# Safeguarding performance: ${escapeMarkdown(model.laLabel)}`);
  const periodRange = model.periods.length > 0 ? `${model.periods[0]!.label} to ${model.periods[model.periods.length - 1]!.label}` : 'no periods';
  out.push(
    [
      `Periods: ${escapeMarkdown(periodRange)}. Comparators: statistical neighbours, ${escapeMarkdown(model.regionName)} and England.`,
      `${escapeMarkdown(model.provenance)}; report generated ${escapeMarkdown(isoDate(model.generatedAt))}.`,
      model.suppressed ? 'Published version: small numbers are withheld and shown as c.' : 'Unsuppressed: for the partnership only, not for publication.',
    ].join('  \n'),
  );
  if (model.latestPeriod) {
    out.push(`## Summary, ${escapeMarkdown(model.latestPeriod.heading)}`);
    out.push(summary(model));
  }
  for (const area of model.areas) {
    out.push(`## ${escapeMarkdown(area.name)}`);
    for (const ind of area.indicators) out.push(indicatorSection(model, ind));
  }
  out.push('## Definitions');
  out.push(definitions(model));
  out.push('## Key');
  out.push(keyLines(model).map((l) => `- ${escapeMarkdown(l)}`).join('\n'));
  if (model.restatement) out.push(restatements(model.restatement));
  return `${out.join('\n\n')}\n`;
}

