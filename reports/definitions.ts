/*
 * What a report says about each registered indicator (`IndicatorDefinition`):
 * the registry's own title, area, polarity, unit and definition, and the words
 * for its DfE source made from its formula. The one mapping, so the reports
 * and the tests' input cannot drift from the registry.
 */
import { dfeSourceWords } from '../metrics/dfe.ts';
import type { Indicator } from '../metrics/types.ts';
import type { IndicatorDefinition } from './types.ts';

export function definitionOf({ id, title, area, polarity, unit, definition, dfe }: Indicator): IndicatorDefinition {
  return { id, title, area, polarity, unit, definition, dfeSource: dfeSourceWords(dfe) };
}
