import { useState } from 'react';
import {
  CaseGroupMember,
  FamilyMember,
  LeadReviewer,
  PanelMember,
  ReviewTeamMember,
} from '../../../../core/model/people';
import type { PersonKind, PersonValue } from '../../../../graph/workspace';

/** The form's fields, all text while typing. */
export interface PersonFields {
  name: string;
  role: string;
  agency: string;
  email: string;
  label: string;
  organisation: 'internal' | 'external';
  lineManager: string;
  pseudonym: string;
  relationship: string;
}

export const EMPTY_FIELDS: PersonFields = {
  name: '',
  role: '',
  agency: '',
  email: '',
  label: '',
  organisation: 'internal',
  lineManager: '',
  pseudonym: '',
  relationship: '',
};

/** Which fields each kind of person has, in the form's order. */
export const FIELDS_OF: Record<PersonKind, (keyof PersonFields)[]> = {
  leadReviewer: ['name', 'role', 'email'],
  reviewTeamMember: ['name', 'role', 'agency', 'email'],
  caseGroupMember: ['name', 'label', 'role', 'agency', 'organisation', 'email', 'lineManager'],
  familyMember: ['pseudonym', 'relationship'],
  panelMember: ['name', 'role', 'agency', 'email'],
};

export const FIELD_LABELS: Record<keyof PersonFields, string> = {
  name: 'Name',
  role: 'Role',
  agency: 'Agency',
  email: 'Email address',
  label: 'How the report names them (such as "Social worker 1")',
  organisation: 'Organisation',
  lineManager: 'Line manager',
  pseudonym: 'Pseudonym',
  relationship: 'Relationship to the child',
};

const SCHEMAS = {
  leadReviewer: LeadReviewer.omit({ id: true }),
  reviewTeamMember: ReviewTeamMember.omit({ id: true }),
  caseGroupMember: CaseGroupMember.omit({ id: true }),
  familyMember: FamilyMember.omit({ id: true }),
  panelMember: PanelMember.omit({ id: true }),
};

/** The fields a stored person fills the form with. */
export function fieldsOf(value: PersonValue): PersonFields {
  const v = value as Partial<Record<keyof PersonFields, string>>;
  return {
    ...EMPTY_FIELDS,
    ...Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')),
    organisation: v.organisation === 'external' ? 'external' : 'internal',
  };
}

/** The input for the core's schema: only this kind's fields, blanks left out. */
function inputOf(kind: PersonKind, fields: PersonFields): Record<string, string> {
  return Object.fromEntries(
    FIELDS_OF[kind].map((key) => [key, fields[key].trim()]).filter(([, value]) => value !== ''),
  );
}

/**
 * A person's form: what the user typed (kept whatever happens to a save), and the core's schema
 * deciding what is wrong, field by field. Nothing is handed on until it is valid.
 */
export function usePersonForm(kind: PersonKind, initial: PersonFields = EMPTY_FIELDS) {
  const [fields, setFields] = useState<PersonFields>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, string>>>({});

  const set = (key: keyof PersonFields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  /** The valid input, or undefined with the messages beside the fields. */
  const validate = (): Omit<PersonValue, 'id'> | undefined => {
    const result = SCHEMAS[kind].safeParse(inputOf(kind, fields));
    if (result.success) {
      setErrors({});
      return result.data as Omit<PersonValue, 'id'>;
    }
    const found: Partial<Record<keyof PersonFields, string>> = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '') as keyof PersonFields;
      if (key in EMPTY_FIELDS) found[key] ??= issue.message;
    }
    setErrors(found);
    return undefined;
  };

  return { fields, errors, set, setFields, validate };
}
