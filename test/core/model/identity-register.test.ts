import { IdentityRegister } from '../../../src/core';
import { issuesOf } from '../builders';

const entry = (id: string, identifier: string, replacement: string) =>
  ({ id, kind: 'person', identifier, replacement }) as const;

describe('IdentityRegister', () => {
  it('maps real names to pseudonyms', () => {
    const register = { referenceCode: 'CR-2026-014', entries: [entry('1', 'Sophie Lang', 'Child S')] };
    expect(issuesOf(IdentityRegister, register)).toEqual([]);
  });

  it('rejects the same real name twice without repeating it in the message', () => {
    const register = {
      referenceCode: 'CR-2026-014',
      entries: [entry('1', 'Sophie Lang', 'Child S'), entry('2', 'sophie lang ', 'Baby S')],
    };
    const issues = issuesOf(IdentityRegister, register);
    expect(issues).toEqual([
      { field: 'entries', message: 'The identity register lists the same real name or identifier twice.' },
    ]);
    expect(JSON.stringify(issues).toLowerCase()).not.toContain('sophie');
  });
});
