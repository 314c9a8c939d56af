/**
 * Citations while a finding is edited. The stored text holds tokens with ids ({{kpe:<id>}}); a
 * person reads and types labels ("KPE 3", "Conversation with Health visitor 1"). The editor shows
 * the labels, and on saving turns them back into tokens: the labels the text had when it was opened
 * go back to the tokens they came from (so a citation of a conversation, a document or something
 * since deleted is kept), and any "KPE n" typed meanwhile becomes a citation of that episode as
 * numbered now (the core's citeTypedEpisodes).
 */
import {
  citationLabel,
  citeTypedEpisodes,
  parseCitations,
  type CitationLookup,
} from '../../../../core/analysis/citations';

/** Labels shown for the tokens a text held when it was opened, label -> token. */
export type CitationMemory = ReadonlyMap<string, string>;

/** The text as the editor shows it, and what it cited by which label. */
export function toEditable(text: string, lookup: CitationLookup): { text: string; memory: CitationMemory } {
  const memory = new Map<string, string>();
  const shown = parseCitations(text)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const label = citationLabel(segment.target, lookup);
      if (!memory.has(label)) memory.set(label, `{{${segment.target.kind}:${segment.target.id}}}`);
      return label;
    })
    .join('');
  return { text: shown, memory };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stored form of edited text: remembered labels back to their tokens, typed "KPE n" cited by id. */
export function fromEditable(
  text: string,
  memory: CitationMemory,
  episodes: readonly { id: string; number: number }[],
): string {
  // Longest label first, and never inside a longer number ("KPE 1" is not part of "KPE 12").
  const labels = [...memory.keys()].sort((a, b) => b.length - a.length);
  let stored = text;
  if (labels.length > 0) {
    const pattern = new RegExp(`(${labels.map(escape).join('|')})(?!\\d)`, 'g');
    stored = stored.replace(pattern, (label: string) => memory.get(label) ?? label);
  }
  // Typed episode numbers outside the tokens just restored.
  return stored
    .split(/(\{\{[a-z]+:[^{}\s]+\}\})/)
    .map((part) => (part.startsWith('{{') ? part : citeTypedEpisodes(part, episodes)))
    .join('');
}
