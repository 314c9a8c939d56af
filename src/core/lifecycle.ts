/**
 * A status that moves through an explicit table of allowed transitions. Every refusal is a
 * DomainError in plain English: either a rule-specific explanation or the moves that are possible.
 */
import { DomainError } from './errors';
import { englishList } from './phrasing';

export interface Lifecycle<S extends string> {
  /** The statuses reachable in one move, for offering only the buttons that make sense. */
  next(from: S): readonly S[];
  /** Throws a DomainError saying why `from` cannot move to `to`. */
  check(from: S, to: S): void;
}

export function defineLifecycle<S extends string>(spec: {
  /** What moves, as in "The conversation cannot move ...". */
  subject: string;
  labels: Readonly<Record<S, string>>;
  moves: Readonly<Record<S, readonly S[]>>;
  /** A rule-specific message for a refused move, where a general one would not help. */
  explain?: (from: S, to: S) => string | undefined;
}): Lifecycle<S> {
  const { subject, labels, moves, explain } = spec;
  const quote = (status: S) => `"${labels[status]}"`;
  return {
    next: (from) => moves[from],
    check(from, to) {
      if (moves[from].includes(to)) return;
      if (from === to) throw new DomainError(`The ${subject} is already ${quote(to)}.`);
      const options = moves[from].length
        ? `From ${quote(from)} it can move to ${englishList(moves[from].map(quote), 'or')}.`
        : `${quote(from)} is final.`;
      throw new DomainError(
        explain?.(from, to) ?? `The ${subject} cannot move from ${quote(from)} to ${quote(to)}. ${options}`,
      );
    },
  };
}
