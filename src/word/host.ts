/**
 * Where the Word gateway meets office.js. Everything else in src/word talks to Word through a
 * WordHost, so that tests and benchmarks can pass a fake with office.js semantics instead.
 */

export interface WordHost {
  /** One batch of Word work: Word.run in Office. */
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported. */
  isSetSupported(set: string, version: string): boolean;
}

/** The host inside Word, once office.js is loaded and Office.onReady has resolved. */
export function officeWordHost(): WordHost {
  return {
    run: (batch) => Word.run((context) => batch(context)),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  };
}

/** The requirement sets the gateway feature-detects (WordApi 1.3 is the manifest's minimum). */
export const WORD_API = {
  comments: ['WordApi', '1.4'],
  reviewedText: ['WordApi', '1.4'],
  notes: ['WordApi', '1.5'],
} as const;

export const supports = (host: WordHost, [set, version]: readonly [string, string]): boolean => {
  try {
    return host.isSetSupported(set, version);
  } catch {
    return false;
  }
};
