import type { LoadedReview } from '../../graph/review-site';

/** The roles of the method, in its order. */
export const PERSON_ROLES = ['lead-reviewer', 'review-team', 'case-group', 'family'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** A named professional, as the pages show them. */
export interface Practitioner {
  id: string;
  role: Exclude<PersonRole, 'family'>;
  name: string;
  /** How the report names them ("Social worker 1"); a lead reviewer's or review team member's role. */
  label: string;
  jobRole: string;
  agency?: string;
  email?: string;
  organisation?: 'internal' | 'external';
}

/** A family member: pseudonym and relationship only. There is no name to show, by type. */
export interface FamilyPerson {
  id: string;
  role: 'family';
  pseudonym: string;
  relationship: string;
}

export type ReviewPerson = Practitioner | FamilyPerson;

type People = Pick<LoadedReview, 'leadReviewers' | 'reviewTeam' | 'caseGroup' | 'family'>;

/** Everyone in the loaded review, as rows for the pages, in the method's order of roles. */
export function peopleOfReview(review: People): ReviewPerson[] {
  return [
    ...review.leadReviewers.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'lead-reviewer',
      name: p.name,
      label: p.role,
      jobRole: p.role,
      email: p.email,
    })),
    ...review.reviewTeam.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'review-team',
      name: p.name,
      label: p.role,
      jobRole: p.role,
      agency: p.agency,
      email: p.email,
    })),
    ...review.caseGroup.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'case-group',
      name: p.name,
      label: p.label,
      jobRole: p.role,
      agency: p.agency,
      email: p.email,
      organisation: p.organisation,
    })),
    // Only the two fields a family member has: whatever else an item held never reaches the page.
    ...review.family.map(({ value: p }): ReviewPerson => ({
      id: p.id,
      role: 'family',
      pseudonym: p.pseudonym,
      relationship: p.relationship,
    })),
  ];
}
