/** The people of a review. Professionals are named; family members only by pseudonym. */
import { z } from 'zod';
import { choice, Id, shortText } from './common';
import { PERSON_ROLE_LABELS } from './person-roles';

const Person = z.object({
  id: Id,
  name: shortText('The name'),
  role: shortText('The role'),
  email: z.email({ error: 'The email address is not valid.' }).optional(),
});

/** Usually two independent, accredited reviewers who run the review. */
export const LeadReviewer = Person;
export type LeadReviewer = z.infer<typeof LeadReviewer>;

/** A senior manager representing an agency on the review team. */
export const ReviewTeamMember = Person.extend({ agency: shortText('The agency') });
export type ReviewTeamMember = z.infer<typeof ReviewTeamMember>;

export const ORGANISATION_LABELS = {
  internal: "In the partnership's own Microsoft 365 tenant",
  external: "In another organisation's tenant, such as police or the NHS",
} as const;

/** A frontline practitioner or first-line manager who worked with the family. */
export const CaseGroupMember = ReviewTeamMember.extend({
  /** How the report names them, e.g. "Social worker 1". */
  label: shortText('The role label'),
  lineManager: shortText("The line manager's name").optional(),
  organisation: choice('The organisation', ORGANISATION_LABELS),
});
export type CaseGroupMember = z.infer<typeof CaseGroupMember>;

/**
 * Someone on the safeguarding partnership's panel (its chair and members) who reads the review's
 * files in SharePoint: not in the review's Team, so the library and the panel pack are shared with
 * them by name, read-only.
 */
export const PanelMember = Person.extend({ agency: shortText('The agency').optional() });
export type PanelMember = z.infer<typeof PanelMember>;

/** Pseudonym and relationship only: the real name lives in the identity register and nowhere else. */
export const FamilyMember = z.strictObject(
  {
    id: Id,
    pseudonym: shortText('The pseudonym'),
    relationship: shortText('The relationship'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A family member is recorded by pseudonym and relationship only; keep ${issue.keys.join(', ')} in the identity register.`
        : undefined,
  },
);
export type FamilyMember = z.infer<typeof FamilyMember>;

export { PERSON_ROLE_LABELS } from './person-roles';

export const PersonRole = choice('The role in the review', PERSON_ROLE_LABELS);
export type PersonRole = z.infer<typeof PersonRole>;
