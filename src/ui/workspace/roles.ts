import { PERSON_ROLES, type PersonRole, type ReviewPerson } from './people';

export const ROLE_HEADINGS: Record<PersonRole, string> = {
  'lead-reviewer': 'Lead reviewers',
  'review-team': 'Review team',
  'case-group': 'Case group',
  family: 'Family (by pseudonym)',
};

/** People grouped by role, in the method's order, leaving out empty roles. */
export function groupByRole(people: ReviewPerson[]): { role: PersonRole; people: ReviewPerson[] }[] {
  return PERSON_ROLES.map((role) => ({ role, people: people.filter((p) => p.role === role) })).filter(
    (group) => group.people.length > 0,
  );
}
