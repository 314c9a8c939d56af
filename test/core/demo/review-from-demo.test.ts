import { reviewFromDemo, ValidationError } from '../../../src/core';
import demo from './child-s-review.json';

const REAL_IDENTIFIERS = [
  'Sophie Lang',
  'Chloe Lang',
  'Ryan Mercer',
  'Denise Lang',
  'Alderbrook Close',
  "St Wilfrid's Nursery",
  '14 May 2026',
];

describe('reviewFromDemo', () => {
  const { workspace, identityRegister } = reviewFromDemo(demo);

  it('reads the Child S review', () => {
    expect(workspace.review).toMatchObject({
      referenceCode: 'CR-2026-014',
      title: 'Child S',
      kind: 'LCSPR',
      method: 'full',
      stage: 'findings',
      decisionDate: '2026-10-05',
    });
    expect(workspace.caseGroup).toHaveLength(12);
    expect(workspace.keyPracticeEpisodes.map((kpe) => kpe.number)).toEqual([1, 2, 3, 4, 5]);
    expect(workspace.findings.map((finding) => finding.category)).toEqual([
      'longer-term-work',
      'human-tool',
      'management-systems',
      'human-tool',
    ]);
  });

  it('keeps family real names and other identifiers out of the model', () => {
    const model = JSON.stringify(workspace);
    expect(REAL_IDENTIFIERS.filter((identifier) => model.includes(identifier))).toEqual([]);
    expect(workspace.family.map((member) => member.pseudonym)).toEqual([
      'Child S',
      'Mother',
      'Father',
      'Maternal grandmother',
    ]);
  });

  it('puts them in the identity register instead', () => {
    expect(identityRegister.referenceCode).toBe('CR-2026-014');
    expect(identityRegister.entries.map((entry) => entry.identifier)).toEqual(REAL_IDENTIFIERS);
    expect(identityRegister.entries[0]).toMatchObject({ kind: 'person', replacement: 'Child S' });
    expect(identityRegister.entries[4]).toMatchObject({ kind: 'street', replacement: 'the family home' });
  });

  it('gives each family member’s name parts, the family’s surname identifying on its own', () => {
    expect(identityRegister.entries[1]).toMatchObject({
      kind: 'person',
      givenNames: 'Chloe',
      familyName: 'Lang',
      identifyingAlone: ['family name'],
    });
    const people = identityRegister.entries.filter((entry) => entry.kind === 'person');
    expect(
      people.filter((p) => p.familyName === 'Lang' && p.identifyingAlone?.includes('family name')),
    ).toHaveLength(3);
  });

  it("links finding 3's evidence to its episodes and to agreed conversations with the practitioners", () => {
    const finding = workspace.findings[2]!;
    expect(finding.evidence.keyPracticeEpisodes).toEqual(['kpe-5', 'kpe-3']);
    const participants = finding.evidence.conversations.map((id) => {
      const conversation = workspace.conversations.find((c) => c.id === id)!;
      expect(conversation.status).toBe('record-agreed');
      return workspace.caseGroup.find((member) => member.id === conversation.participant)!.label;
    });
    expect(participants).toEqual(['Social worker 1', 'Team manager 1', 'Health visitor team lead']);
  });

  it('keeps each episode’s contributory factors', () => {
    expect(workspace.keyPracticeEpisodes[0]!.factors).toEqual([
      { group: 'Conditions of work', factor: 'Workload' },
      { group: 'Inter-agency team', factor: 'Information transfer between areas' },
      { group: 'Organisational culture and management', factor: 'Protocols' },
    ]);
  });

  it('reports what is wrong with a damaged file, field by field', () => {
    const damaged = {
      ...demo,
      review: { ...demo.review, periodUnderReview: { start: '2026-09-04', end: '2025-03-01' } },
    };
    expect(() => reviewFromDemo(damaged)).toThrow(ValidationError);
    expect(() => reviewFromDemo(damaged)).toThrow(
      'The period under review cannot end (1 March 2025) before it starts (4 September 2026).',
    );
  });

  it('refuses a finding that cites a conversation with someone outside the case group', () => {
    const [first, ...rest] = demo.findings;
    const damaged = {
      ...demo,
      findings: [{ ...first!, evidence: { kpes: [1], conversations: ['Nurse 9'] } }, ...rest],
    };
    expect(() => reviewFromDemo(damaged)).toThrow(
      'The demo cites a conversation with "Nurse 9", who is not in the case group.',
    );
  });
});
