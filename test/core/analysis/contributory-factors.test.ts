import {
  addContributoryFactor,
  addFactorGroup,
  DEFAULT_CONTRIBUTORY_FACTORS,
  hasContributoryFactor,
  ValidationError,
} from '../../../src/core';
import demo from '../demo/child-s-review.json';

describe('contributory factor framework', () => {
  it("has DOMAIN.md's nine groups, with the factors it names", () => {
    expect(DEFAULT_CONTRIBUTORY_FACTORS.map((group) => group.label)).toEqual([
      'Family',
      "Practitioner's own role",
      'Conditions of work',
      'Personal',
      'Own team',
      'Inter-agency team',
      'Organisational culture and management',
      'Wider political and policy context',
      'Other',
    ]);
    expect(
      hasContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, {
        group: 'Conditions of work',
        factor: 'Supervision',
      }),
    ).toBe(true);
    expect(
      hasContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, { group: 'Personal', factor: 'Fatigue' }),
    ).toBe(true);
  });

  it('matches labels whatever their case', () => {
    expect(
      hasContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, { group: 'personal', factor: ' FATIGUE' }),
    ).toBe(true);
    expect(
      hasContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, { group: 'Own team', factor: 'Fatigue' }),
    ).toBe(false);
  });

  it('lets the partnership add a group and a factor, leaving the default alone', () => {
    const extended = addContributoryFactor(addFactorGroup(DEFAULT_CONTRIBUTORY_FACTORS, 'Commissioning'), {
      group: 'commissioning',
      factor: 'Contract specifications',
    });
    expect(
      hasContributoryFactor(extended, { group: 'Commissioning', factor: 'Contract specifications' }),
    ).toBe(true);
    expect(DEFAULT_CONTRIBUTORY_FACTORS.some((group) => group.label === 'Commissioning')).toBe(false);
  });

  it('rejects duplicates and unknown groups with clear messages', () => {
    expect(() => addFactorGroup(DEFAULT_CONTRIBUTORY_FACTORS, 'own team')).toThrow(
      'There is already a factor group called "own team".',
    );
    expect(() =>
      addContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, {
        group: 'Conditions of work',
        factor: 'workload',
      }),
    ).toThrow('"workload" is already a factor in "Conditions of work".');
    expect(() =>
      addContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, { group: 'Weather', factor: 'Snow' }),
    ).toThrow('There is no factor group called "Weather". Add the group first.');
    expect(() => addFactorGroup(DEFAULT_CONTRIBUTORY_FACTORS, ' ')).toThrow(ValidationError);
  });

  it("accepts every factor the demo's episodes cite once the partnership adds its own factors, without new groups", () => {
    const cited = demo.keyPracticeEpisodes.flatMap((episode) =>
      episode.factors.map(([group, factor]) => ({ group: group!, factor: factor! })),
    );
    const missing = cited.filter((factor) => !hasContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, factor));
    const extended = missing.reduce(
      (framework, factor) =>
        hasContributoryFactor(framework, factor) ? framework : addContributoryFactor(framework, factor),
      DEFAULT_CONTRIBUTORY_FACTORS,
    );
    expect(cited.filter((factor) => !hasContributoryFactor(extended, factor))).toEqual([]);
    expect(missing.length).toBeLessThan(cited.length);
  });
});
