/*
 * The public face of reports/: pure renderers from computed indicators to
 * Markdown, CSV, xlsx bytes and self-contained HTML, plus the pieces they are
 * built from (SPC, direction of travel, suppression, the formula guard) for
 * callers and tests. Nothing under reports/ touches the filesystem or the
 * database; the CLI writes what these return.
 */
export type { Annotation, IndicatorDefinition, MonthlyPoint, MonthlySeries, ReportInput, TrendSettings } from './types.ts';
export { renderMarkdown, escapeMarkdown } from './markdown.ts';
export { renderCsv, CSV_COLUMNS } from './csv.ts';
export { renderWorkbook, SUMMARY_SHEET, DEFINITIONS_SHEET, VALUE_FORMAT, COUNT_FORMAT } from './workbook.ts';
export { renderHtml } from './html.ts';
export { spc, assuranceIcon, variationIcon, variationOf, variationWords, SPC_RULE_WORDS, type AssuranceIcon, type SpcPhase, type SpcResult, type SpcPoint, type SpcLatest, type SpcRule, type Side, type Variation, type VariationIcon } from './spc.ts';
export { analyseTrend, rebaseMonth, rebaseMonths, type TrendAnalysis } from './trend.ts';
export { trendsCsv, trendsDocument, trendsJson, trendsTable, type TrendsDocument } from './trends-output.ts';
export { directionOfTravel, directionLabel, movement, ragRating, RAG_WORDS, type Direction, type Movement, type Rag } from './direction.ts';
export {
  suppress,
  suppressMonthly,
  applySuppression,
  suppressedFields,
  fieldsToSuppress,
  isSuppressedDocument,
  SUPPRESSION_RULE,
  COMPLEMENT_EXEMPT,
  type SuppressedDocument,
  type SuppressibleField,
} from './suppress.ts';
export { neutraliseText, looksLikeFormula, csvField } from './safe-cell.ts';
export { buildReportModel, type ReportModel } from './model.ts';
export { AREA_NAMES } from './format.ts';

import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportInput } from './types.ts';
import { renderWorkbook } from './workbook.ts';

/** Every renderer, by the file it is meant for; the CLI may loop over this. */
export const RENDERERS = {
  'indicators.md': (input: ReportInput): string => renderMarkdown(input),
  'indicators.csv': (input: ReportInput): string => renderCsv(input),
  'indicators.xlsx': (input: ReportInput): Promise<Uint8Array> => renderWorkbook(input),
  'trends.html': (input: ReportInput): string => renderHtml(input),
} as const;
