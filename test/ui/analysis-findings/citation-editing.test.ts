/**
 * Citations while a finding is edited: shown by their labels, stored by id. A label the text had
 * when opened goes back to its own token (a conversation, a document, something since deleted);
 * "KPE n" typed meanwhile cites that episode as numbered now; "KPE 1" never eats "KPE 12".
 */
import { citationLookup } from '../../../src/core/analysis/citations';
import { fromEditable, toEditable } from '../../../src/ui/features/analysis-findings/hooks/citation-editing';

const episodes = [
  { id: 'e-a', number: 1 },
  { id: 'e-b', number: 12 },
  { id: 'e-c', number: 3 },
];
const lookup = citationLookup({
  episodes,
  conversations: [{ id: 'c-1', label: 'Conversation with Health visitor 1' }],
  artefacts: [{ id: 'a-1', name: 'Police chronology.docx' }],
});

test('shown by label, stored back by id, whatever else was typed', () => {
  const stored =
    'Seen in {{kpe:e-a}} and {{kpe:e-b}}; {{conversation:c-1}} and {{artefact:a-1}} agree; {{kpe:gone}}.';
  const { text, memory } = toEditable(stored, lookup);
  expect(text).toBe(
    'Seen in KPE 1 and KPE 12; Conversation with Health visitor 1 and Police chronology.docx agree; KPE (deleted from the review).',
  );
  expect(fromEditable(text, memory, episodes)).toBe(stored);
  // Typed meanwhile: a new citation by number; a number that is no episode stays as typed.
  expect(fromEditable(`${text} Also KPE 3, not KPE 9.`, memory, episodes)).toBe(
    `${stored} Also {{kpe:e-c}}, not KPE 9.`,
  );
});

test('a label deleted while editing is gone; markup and control characters stay text', () => {
  const { text, memory } = toEditable('As {{conversation:c-1}} said.', lookup);
  expect(fromEditable(text.replace('Conversation with Health visitor 1', 'they'), memory, episodes)).toBe(
    'As they said.',
  );
  expect(fromEditable('<b>KPE 1</b>\u0007', new Map(), episodes)).toBe('<b>{{kpe:e-a}}</b>\u0007');
});
