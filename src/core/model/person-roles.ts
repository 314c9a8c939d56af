/** The roles of the method, in its order, with the heading each group of people goes under (no zod: the pages' first script reads them). */
export const PERSON_ROLE_LABELS = {
  'lead-reviewer': 'Lead reviewers',
  'review-team': 'Review team',
  'case-group': 'Case group',
  panel: 'Panel members',
  family: 'Family (by pseudonym)',
} as const;

export type PersonRoleKey = keyof typeof PERSON_ROLE_LABELS;
