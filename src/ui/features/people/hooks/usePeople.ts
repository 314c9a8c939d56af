import { PERSON_ROLE_LABELS, type PersonRoleKey as PersonRole } from '../../../../core/model/person-roles';
import type { ReviewPerson } from '../../../../graph/workspace';

/** People grouped by role, in the method's order, leaving out empty roles. */
export function groupByRole(
  people: readonly ReviewPerson[],
): { role: PersonRole; heading: string; people: ReviewPerson[] }[] {
  return (Object.keys(PERSON_ROLE_LABELS) as PersonRole[])
    .map((role) => ({
      role,
      heading: PERSON_ROLE_LABELS[role],
      people: people.filter((p) => p.role === role),
    }))
    .filter((group) => group.people.length > 0);
}

/** How a person is named on screen: a professional by name, a family member by pseudonym only. */
export const displayName = (p: ReviewPerson) => (p.role === 'family' ? p.pseudonym : p.name);
