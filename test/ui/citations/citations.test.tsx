/**
 * Citations in the analysis's text as a reader sees them: by the cited thing's current number or
 * name, a deleted one said to be deleted (never a number), markup as the characters typed; and the
 * token put in where the cursor was.
 */
import { renderToString } from 'react-dom/server';
import { citablesOf, CitationText, insertToken } from '../../../src/ui/shell/citations';

const snapshot = {
  people: [
    { id: 'p1', role: 'case-group' as const, name: 'Jade Whitcombe', label: 'Social worker 1', jobRole: 'x' },
    { id: 'f1', role: 'family' as const, pseudonym: 'Child S', relationship: 'subject child' },
  ],
  keyPracticeEpisodes: [
    { id: 'k2', number: 2, title: 'Second' },
    { id: 'k1', number: 1, title: 'First' },
  ] as never,
  conversations: [{ id: 'c1', participant: 'p1', reviewers: [], status: 'held' as const }],
  artefacts: [{ id: 'a1', name: 'Police chronology.docx' }],
};

const html = (text: string) =>
  renderToString(<CitationText text={text} lookup={citablesOf(snapshot).lookup} />)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

test('citations read as the current number or name; a deleted one says so', () => {
  expect(html('See {{kpe:k2}}, {{conversation:c1}} and {{artefact:a1}}.')).toBe(
    'See KPE 2, Conversation with Social worker 1 and Police chronology.docx.',
  );
  expect(html('As in {{kpe:gone}}.')).toBe('As in KPE (deleted from the review).');
  expect(html('<b>bold</b> {{kpe:k1}}')).toBe('<b>bold</b> KPE 1');
});

test('a citation links to what it cites', () => {
  const out = renderToString(<CitationText text="{{kpe:k1}}" lookup={citablesOf(snapshot).lookup} />);
  expect(out).toContain('href="#/kpes/k1"');
  const artefact = renderToString(
    <CitationText text="{{artefact:a1}}" lookup={citablesOf(snapshot).lookup} />,
  );
  expect(artefact).toContain('href="#/artefacts/a1"');
});

test('the menu lists episodes by number, then conversations by role label, then documents; no names', () => {
  const { choices } = citablesOf(snapshot);
  expect(choices.map((c) => [c.token, c.label])).toEqual([
    ['{{kpe:k1}}', 'KPE 1: First'],
    ['{{kpe:k2}}', 'KPE 2: Second'],
    ['{{conversation:c1}}', 'Conversation with Social worker 1'],
    ['{{artefact:a1}}', 'Police chronology.docx'],
  ]);
  expect(JSON.stringify(choices)).not.toContain('Jade');
});

test('the token goes where the cursor was, spaced from the words around it', () => {
  expect(insertToken('See here.', '{{kpe:k1}}', { start: 3, end: 3 })).toEqual({
    text: 'See {{kpe:k1}} here.',
    cursor: 14,
  });
  expect(insertToken('As in', '{{kpe:k1}}')).toEqual({ text: 'As in {{kpe:k1}}', cursor: 16 });
  expect(insertToken('', '{{kpe:k1}}')).toEqual({ text: '{{kpe:k1}}', cursor: 10 });
  // A selection is replaced.
  expect(insertToken('See KPE one.', '{{kpe:k1}}', { start: 4, end: 11 }).text).toBe('See {{kpe:k1}}.');
});
