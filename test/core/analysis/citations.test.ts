import fc from 'fast-check';
import {
  citation,
  citationLookup,
  citedIds,
  citedTargets,
  citeTypedEpisodes,
  danglingCitations,
  DELETED_LABELS,
  kpeCitation,
  parseCitations,
  renderCitations,
} from '../../../src/core';

const lookup = citationLookup({
  episodes: [
    { id: 'kpe-a', number: 1 },
    { id: 'kpe-b', number: 3 },
  ],
  conversations: [{ id: 'conv-1', label: 'Conversation with Health visitor 1' }],
  artefacts: [{ id: 'doc-7', name: 'Health visiting chronology.docx' }],
});

describe('citations by id', () => {
  it('uses the same tokens as the Word report: {{kpe:id}}, {{conversation:id}}, {{artefact:id}}', () => {
    expect(kpeCitation('kpe-a')).toBe('{{kpe:kpe-a}}');
    expect(citation('conversation', 'conv-1')).toBe('{{conversation:conv-1}}');
    expect(citation('artefact', '01ABC')).toBe('{{artefact:01ABC}}');
  });

  it('shows each citation by the current number or name', () => {
    const text = `As in ${kpeCitation('kpe-b')} (see ${citation('conversation', 'conv-1')} and ${citation('artefact', 'doc-7')}).`;
    expect(renderCitations(text, lookup)).toBe(
      'As in KPE 3 (see Conversation with Health visitor 1 and Health visiting chronology.docx).',
    );
  });

  it('follows a renumbering: the same text shows the new number', () => {
    const text = `Seen in ${kpeCitation('kpe-b')}.`;
    const renumbered = citationLookup({ episodes: [{ id: 'kpe-b', number: 2 }] });
    expect(renderCitations(text, renumbered)).toBe('Seen in KPE 2.');
  });

  it('shows a citation of something deleted as deleted, never as a number', () => {
    const text = `${kpeCitation('kpe-gone')}, ${citation('conversation', 'c-gone')}, ${citation('artefact', 'd-gone')}`;
    expect(renderCitations(text, lookup)).toBe(
      'KPE (deleted from the review), Conversation (deleted from the review), Document (deleted from the review)',
    );
    expect(renderCitations(text, lookup)).not.toMatch(/\d/);
    expect(danglingCitations(`${text} ${kpeCitation('kpe-a')}`, lookup)).toEqual([
      { kind: 'kpe', id: 'kpe-gone' },
      { kind: 'conversation', id: 'c-gone' },
      { kind: 'artefact', id: 'd-gone' },
    ]);
    expect(DELETED_LABELS.kpe).toBe('KPE (deleted from the review)');
  });

  it('parses text into words and citations, keeping markup and odd braces as text', () => {
    expect(parseCitations(`<b>KPE</b> ${kpeCitation('kpe-a')}{{kpe:}} {{other:x}}`)).toEqual([
      { kind: 'text', text: '<b>KPE</b> ' },
      { kind: 'citation', target: { kind: 'kpe', id: 'kpe-a' } },
      { kind: 'text', text: '{{kpe:}} {{other:x}}' },
    ]);
    expect(parseCitations('')).toEqual([]);
  });

  it('lists what a text cites, each once, in order of first mention', () => {
    const text = `${kpeCitation('kpe-b')} ${citation('artefact', 'doc-7')} ${kpeCitation('kpe-a')} ${kpeCitation('kpe-b')}`;
    expect(citedIds(text, 'kpe')).toEqual(['kpe-b', 'kpe-a']);
    expect(citedTargets(text)).toEqual([
      { kind: 'kpe', id: 'kpe-b' },
      { kind: 'artefact', id: 'doc-7' },
      { kind: 'kpe', id: 'kpe-a' },
    ]);
  });

  it('turns "KPE 3" as typed into a citation of the episode numbered 3 now', () => {
    const episodes = [
      { id: 'kpe-a', number: 1 },
      { id: 'kpe-b', number: 3 },
    ];
    expect(citeTypedEpisodes('See KPE 3 and KPE 9.', episodes)).toBe('See {{kpe:kpe-b}} and KPE 9.');
  });

  it('refuses to cite an id that could not be read back', () => {
    expect(() => citation('kpe', 'two words')).toThrow('That item cannot be cited');
    expect(() => citation('artefact', 'a}}b')).toThrow('That item cannot be cited');
  });

  it('renders any text with citations back to its words: only tokens change', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    const words = fc.string({ maxLength: 30 }).filter((s) => !s.includes('{{'));
    fc.assert(
      fc.property(fc.array(fc.tuple(words, id), { maxLength: 5 }), words, (parts, tail) => {
        const text = parts.map(([w, i]) => w + kpeCitation(i)).join('') + tail;
        const segments = parseCitations(text);
        expect(segments.filter((s) => s.kind === 'citation')).toHaveLength(parts.length);
        const shown = renderCitations(text, () => '#');
        expect(shown).toBe(parts.map(([w]) => `${w}#`).join('') + tail);
      }),
    );
  });
});
