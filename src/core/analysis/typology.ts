/**
 * The six-part typology of findings (SCIE Guide 24, appendix 6). The one place that holds the
 * canonical keys, short labels and full names: reports, forms and checks all read them from here.
 */
import { z } from 'zod';
import { DomainError } from '../errors';
import { keysOf } from '../model/common';

const TYPOLOGY = {
  'incidents-crises': {
    shortLabel: 'Response to incidents and crises',
    fullName:
      'Patterns in communication and collaboration in multi-agency working in response to incidents and crises',
  },
  'longer-term-work': {
    shortLabel: 'Longer-term work',
    fullName:
      'Patterns in communication and collaboration in multi-agency working in assessment and longer-term work',
  },
  'human-tool': { shortLabel: 'Tools', fullName: 'Patterns in human–tool operation' },
  'management-systems': {
    shortLabel: 'Management systems',
    fullName: 'Patterns in human–management system operation',
  },
  'family-professional': {
    shortLabel: 'Family–professional interaction',
    fullName: 'Patterns in family–professional interaction',
  },
  'human-reasoning': {
    shortLabel: 'Human reasoning',
    fullName: 'Patterns in human judgement and reasoning (cognitive and emotional biases)',
  },
} as const;

// The value is repeated only when it looks like a mistyped key ("communication", lower case first):
// anything else (an object, free text that might name someone) is not copied into the message.
const unknownCategory = (value: unknown): string =>
  `${typeof value === 'string' && /^([a-z][a-zA-Z-]{0,39})?$/.test(value) ? `"${value}"` : 'That'} is not a category of the six-part typology. Use one of: ${keysOf(
    TYPOLOGY,
  )
    .map((key) => `${key} (${TYPOLOGY[key].shortLabel})`)
    .join('; ')}.`;

export const PatternCategory = z.enum(keysOf(TYPOLOGY), {
  error: (issue) =>
    issue.input === undefined || issue.input === null || issue.input === ''
      ? 'A finding needs a category: choose one of the six-part typology.'
      : unknownCategory(issue.input),
});
export type PatternCategory = z.infer<typeof PatternCategory>;

export const PatternCategoryInfo = z.object({
  key: PatternCategory,
  shortLabel: z.string(),
  fullName: z.string(),
});
export type PatternCategoryInfo = z.infer<typeof PatternCategoryInfo>;

/** The six categories in the order of the typology. */
export const PATTERN_CATEGORIES: readonly PatternCategoryInfo[] = keysOf(TYPOLOGY).map((key) => ({
  key,
  ...TYPOLOGY[key],
}));

/** The labels of a category; throws a DomainError naming the valid categories for anything else. */
export function patternCategory(key: string): PatternCategoryInfo {
  const info = PATTERN_CATEGORIES.find((category) => category.key === key);
  if (!info) throw new DomainError(unknownCategory(key));
  return info;
}
