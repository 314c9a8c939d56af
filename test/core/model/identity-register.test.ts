import { IdentityRegister, IdentityRegisterEntry } from '../../../src/core';
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

describe('IdentityRegisterEntry', () => {
  it('gives a person given names, a family name, known-as names and the parts that identify alone', () => {
    const person = {
      id: '1',
      kind: 'person',
      identifier: 'Sophie Rose Lang',
      replacement: 'Child S',
      givenNames: 'Sophie Rose',
      familyName: 'Lang',
      knownAs: ['Rosie'],
      identifyingAlone: ['family name'],
    };
    expect(issuesOf(IdentityRegisterEntry, person)).toEqual([]);
    // An entry made before the name parts is still valid: the matcher reads its identifier.
    expect(
      issuesOf(IdentityRegisterEntry, {
        id: '2',
        kind: 'person',
        identifier: 'Sophie Lang',
        replacement: 'Child S',
      }),
    ).toEqual([]);
  });

  it('refuses name parts on an entry that is not a person, and an unknown identifying part, without repeating a name', () => {
    const street = {
      id: '3',
      kind: 'street',
      identifier: 'Alderbrook Close',
      replacement: 'the family home',
      familyName: 'Alderbrook',
    };
    const issues = [
      ...issuesOf(IdentityRegisterEntry, street),
      ...issuesOf(IdentityRegisterEntry, {
        id: '4',
        kind: 'person',
        identifier: 'Sophie Lang',
        replacement: 'Child S',
        identifyingAlone: ['nickname'],
      }),
    ];
    expect(issues.map((i) => i.field)).toEqual(['kind', 'identifyingAlone.0']);
    expect(JSON.stringify(issues)).not.toMatch(/Alderbrook|Sophie|Lang|nickname/);
  });

  it('refuses a date of birth that is not a date, with an example that is not the entry', () => {
    const issues = issuesOf(IdentityRegisterEntry, {
      id: '5',
      kind: 'date of birth',
      identifier: '31 Febtober 2026',
      replacement: '[date of birth]',
    });
    expect(issues).toEqual([
      {
        field: 'identifier',
        message:
          'A date of birth must be written as a date, for example 3 June 2019, 03/06/2019 or 2019-06-03.',
      },
    ]);
    for (const written of [
      '14 May 2026',
      '14th May 2026',
      '14/05/2026',
      '14.05.2026',
      '2026-05-14',
      'May 14, 2026',
    ])
      expect(
        issuesOf(IdentityRegisterEntry, {
          id: '6',
          kind: 'date of birth',
          identifier: written,
          replacement: 'x',
        }),
      ).toEqual([]);
  });
});
