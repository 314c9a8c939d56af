import { DomainError, PATTERN_CATEGORIES, patternCategory } from '../../../src/core';

describe('six-part typology', () => {
  it('holds the keys, short labels and full names of DOMAIN.md, in order', () => {
    expect(PATTERN_CATEGORIES).toEqual([
      {
        key: 'incidents-crises',
        shortLabel: 'Response to incidents and crises',
        fullName:
          'Patterns in communication and collaboration in multi-agency working in response to incidents and crises',
      },
      {
        key: 'longer-term-work',
        shortLabel: 'Longer-term work',
        fullName:
          'Patterns in communication and collaboration in multi-agency working in assessment and longer-term work',
      },
      { key: 'human-tool', shortLabel: 'Tools', fullName: 'Patterns in human–tool operation' },
      {
        key: 'management-systems',
        shortLabel: 'Management systems',
        fullName: 'Patterns in human–management system operation',
      },
      {
        key: 'family-professional',
        shortLabel: 'Family–professional interaction',
        fullName: 'Patterns in family–professional interaction',
      },
      {
        key: 'human-reasoning',
        shortLabel: 'Human reasoning',
        fullName: 'Patterns in human judgement and reasoning (cognitive and emotional biases)',
      },
    ]);
  });

  it('looks a category up by key', () => {
    expect(patternCategory('human-tool').shortLabel).toBe('Tools');
  });

  it.each(['tools', 'toString', ''])('rejects the unknown category "%s", listing the six', (key) => {
    expect(() => patternCategory(key)).toThrow(DomainError);
    expect(() => patternCategory(key)).toThrow(
      `"${key}" is not a category of the six-part typology. Use one of: incidents-crises (Response to incidents and crises); longer-term-work (Longer-term work); human-tool (Tools); management-systems (Management systems); family-professional (Family–professional interaction); human-reasoning (Human reasoning).`,
    );
  });
});
