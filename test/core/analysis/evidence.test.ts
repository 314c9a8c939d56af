import {
  citation,
  citedBy,
  conversationLabel,
  evidenceIndex,
  kpeCitation,
  renderCitations,
  reviewCitationLookup,
} from '../../../src/core';
import { aCaseGroupMember, aConversation, aFinding, aKeyPracticeEpisode } from '../builders';

describe('evidence both ways', () => {
  const episodes = [
    aKeyPracticeEpisode({
      id: 'kpe-2',
      number: 2,
      evidence: { conversations: ['conv-1'], artefacts: ['doc-chronology'] },
    }),
    aKeyPracticeEpisode({
      id: 'kpe-1',
      number: 1,
      evidence: { conversations: [], artefacts: [] },
      appraisal: `The chronology (${citation('artefact', 'doc-chronology')}) shows no handover; compare ${kpeCitation('kpe-2')}.`,
    }),
    aKeyPracticeEpisode({
      id: 'kpe-3',
      number: 3,
      evidence: { conversations: [], artefacts: ['doc-other'] },
    }),
  ];
  const findings = [
    aFinding({
      id: 'f-1',
      number: 1,
      evidence: { keyPracticeEpisodes: ['kpe-2'], conversations: [], artefacts: ['doc-chronology'] },
      notPeculiar: `A dip sample (${citation('artefact', 'doc-audit')}).`,
    }),
  ];
  const index = evidenceIndex(episodes, findings);
  const ids = (target: Parameters<typeof citedBy>[1]) => {
    const found = citedBy(index, target);
    return { episodes: found.episodes.map((e) => e.id), findings: found.findings.map((f) => f.id) };
  };

  it('shows an artefact the episodes and findings that cite it, by a link or in their text, in number order', () => {
    expect(ids({ kind: 'artefact', id: 'doc-chronology' })).toEqual({
      episodes: ['kpe-1', 'kpe-2'],
      findings: ['f-1'],
    });
    expect(ids({ kind: 'artefact', id: 'doc-audit' })).toEqual({ episodes: [], findings: ['f-1'] });
  });

  it('shows a conversation and an episode what cites them', () => {
    expect(ids({ kind: 'conversation', id: 'conv-1' })).toEqual({ episodes: ['kpe-2'], findings: [] });
    expect(ids({ kind: 'kpe', id: 'kpe-2' })).toEqual({ episodes: ['kpe-1'], findings: ['f-1'] });
  });

  it('shows nothing for an artefact no one cites', () => {
    expect(ids({ kind: 'artefact', id: 'doc-unread' })).toEqual({ episodes: [], findings: [] });
  });

  it('labels conversations by the practitioner’s role label, never their name', () => {
    const caseGroup = [aCaseGroupMember({ id: 'cg-1', label: 'Health visitor 1', name: 'Priya Example' })];
    expect(conversationLabel(aConversation({ participant: 'cg-1' }), caseGroup)).toBe(
      'Conversation with Health visitor 1',
    );
    const lookup = reviewCitationLookup({
      keyPracticeEpisodes: episodes,
      conversations: [aConversation({ id: 'conv-1', participant: 'cg-1' })],
      caseGroup,
      artefacts: [{ id: 'doc-chronology', name: 'Chronology.docx' }],
    });
    expect(renderCitations(episodes[1]!.appraisal, lookup)).toBe(
      'The chronology (Chronology.docx) shows no handover; compare KPE 2.',
    );
    expect(renderCitations(citation('conversation', 'conv-1'), lookup)).not.toContain('Priya');
  });
});
