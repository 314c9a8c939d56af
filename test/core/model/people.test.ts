import { CaseGroupMember, FamilyMember, LeadReviewer } from '../../../src/core';
import { aCaseGroupMember, issuesOf } from '../builders';

describe('people', () => {
  it('refuses a real name on a family member and points to the identity register', () => {
    const issues = issuesOf(FamilyMember, {
      id: 'family-1',
      pseudonym: 'Child S',
      relationship: 'subject child',
      realName: 'Sophie Lang',
    });
    expect(issues).toEqual([
      {
        field: '',
        message:
          'A family member is recorded by pseudonym and relationship only; keep realName in the identity register.',
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain('Sophie');
  });

  it('records a case group member in another organisation', () => {
    expect(issuesOf(CaseGroupMember, aCaseGroupMember({ organisation: 'external' }))).toEqual([]);
    expect(issuesOf(CaseGroupMember, { ...aCaseGroupMember(), organisation: 'NHS' })).toEqual([
      {
        field: 'organisation',
        message:
          'The organisation must be one of "internal" (In the partnership\'s own Microsoft 365 tenant) or "external" (In another organisation\'s tenant, such as police or the NHS).',
      },
    ]);
  });

  it('checks email addresses', () => {
    const lead = { id: 'lead-1', name: 'Declan Marsh', role: 'Lead reviewer' };
    expect(issuesOf(LeadReviewer, { ...lead, email: 'declan.marsh@reviewers.example' })).toEqual([]);
    expect(issuesOf(LeadReviewer, { ...lead, email: 'declan.marsh' })).toEqual([
      { field: 'email', message: 'The email address is not valid.' },
    ]);
  });
});
