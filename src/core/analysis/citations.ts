/**
 * Citations inside the analysis's own text. A key practice episode's appraisal or a finding's
 * sections cite another episode, a conversation or an artefact by a token that holds its id:
 * `{{kpe:<id>}}`, `{{conversation:<id>}}`, `{{artefact:<id>}}`. What a reader sees is worked out
 * when the text is shown ("KPE 3", "Conversation with Health visitor 1", the artefact's name), so
 * renumbering the episodes or renaming a document never leaves a citation pointing at the wrong one.
 * A citation of something deleted from the review says so; it never shows a number.
 *
 * The Word report renders the same tokens (the `kpe` form is the one it has always used).
 */
import { DomainError } from '../errors';

export const CITATION_KINDS = ['kpe', 'conversation', 'artefact'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/** A cited thing: its kind and id. */
export interface CitationTarget {
  kind: CitationKind;
  id: string;
}

/** A piece of text: words as written, or a citation to show by its current name. */
export type TextSegment =
  { kind: 'text'; text: string } | ({ kind: 'citation' } & { target: CitationTarget });

/** A citation that resolves to its current label, or undefined for something no longer in the review. */
export type CitationLookup = (target: CitationTarget) => string | undefined;

const TOKEN = /\{\{(kpe|conversation|artefact):([^{}\s]+)\}\}/g;
const VALID_ID = /^[^{}\s]+$/;

/** What a reader sees for a citation of something that has been deleted from the review. */
export const DELETED_LABELS: Readonly<Record<CitationKind, string>> = {
  kpe: 'KPE (deleted from the review)',
  conversation: 'Conversation (deleted from the review)',
  artefact: 'Document (deleted from the review)',
};

/** The stored form of a citation. Ids with spaces or braces cannot be cited (no store gives them). */
export function citation(kind: CitationKind, id: string): string {
  if (!VALID_ID.test(id)) throw new DomainError('That item cannot be cited: its id has spaces or braces.');
  return `{{${kind}:${id}}}`;
}

export const kpeCitation = (episodeId: string): string => citation('kpe', episodeId);

/** The text as words and citations, in order; text without tokens is one text segment. */
export function parseCitations(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'citation', target: { kind: match[1] as CitationKind, id: match[2]! } });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Each cited thing once, in order of first mention; only those of `kind` when given. */
export function citedTargets(text: string, kind?: CitationKind): CitationTarget[] {
  const seen = new Set<string>();
  const targets: CitationTarget[] = [];
  for (const segment of parseCitations(text)) {
    if (segment.kind !== 'citation' || (kind && segment.target.kind !== kind)) continue;
    const key = `${segment.target.kind}:${segment.target.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(segment.target);
  }
  return targets;
}

/** The ids of the things of one kind a text cites, in order of first mention. */
export const citedIds = (text: string, kind: CitationKind): string[] =>
  citedTargets(text, kind).map((target) => target.id);

/** The label a reader sees for one citation. */
export const citationLabel = (target: CitationTarget, lookup: CitationLookup): string =>
  lookup(target) ?? DELETED_LABELS[target.kind];

/** The text as a reader sees it: every citation by its current label (or as deleted). */
export function renderCitations(text: string, lookup: CitationLookup): string {
  return text.replace(TOKEN, (_, kind: CitationKind, id: string) => citationLabel({ kind, id }, lookup));
}

/** The citations in the text of things no longer in the review, each once. */
export const danglingCitations = (text: string, lookup: CitationLookup): CitationTarget[] =>
  citedTargets(text).filter((target) => lookup(target) === undefined);

/** What a lookup needs to know: the episodes' numbers, the conversations' and artefacts' names. */
export interface CitableThings {
  episodes?: readonly { id: string; number: number }[];
  /** Each conversation with the label to show, e.g. "Conversation with Health visitor 1". */
  conversations?: readonly { id: string; label: string }[];
  /** Each artefact with its name in the library. */
  artefacts?: readonly { id: string; name: string }[];
}

/** A lookup over the review's current episodes, conversations and artefacts. */
export function citationLookup({
  episodes = [],
  conversations = [],
  artefacts = [],
}: CitableThings): CitationLookup {
  const labels: Record<CitationKind, Map<string, string>> = {
    kpe: new Map(episodes.map((e) => [e.id, `KPE ${e.number}`])),
    conversation: new Map(conversations.map((c) => [c.id, c.label])),
    artefact: new Map(artefacts.map((a) => [a.id, a.name])),
  };
  return (target) => labels[target.kind].get(target.id);
}

const TYPED_KPE = /\bKPE\s+(\d+)\b/g;

/**
 * Text as typed ("... (KPE 1)") turned into the stored form by the episodes' numbers at the time of
 * typing; a number that matches no episode is left as typed.
 */
export function citeTypedEpisodes(text: string, episodes: readonly { id: string; number: number }[]): string {
  const ids = new Map(episodes.map((episode) => [episode.number, episode.id]));
  return text.replace(TYPED_KPE, (typed, number: string) => {
    const id = ids.get(Number(number));
    return id === undefined ? typed : kpeCitation(id);
  });
}
