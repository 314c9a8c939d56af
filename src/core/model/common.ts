/**
 * Building blocks shared by every schema: text with length limits, dates, ranges, labelled choices
 * and evidence links. Messages name the field the way a form labels it.
 */
import { z } from 'zod';
import { formatDate } from '../dates';
import { englishList } from '../phrasing';

export const SHORT_TEXT_MAX = 255;
export const LONG_TEXT_MAX = 10_000;

/** A schema message: "<label> is required." when the value is missing, else `otherwise`. */
export const required =
  (label: string, otherwise: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${label} is required.` : otherwise;

/** Only check relations between fields once each field is valid on its own. */
export const whenFieldsValid = {
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

const text = (label: string, max: number) =>
  z
    .string({ error: required(label, `${label} must be text.`) })
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer.`);

/** A name, label or title: required, up to 255 characters. */
export const shortText = (label: string) => text(label, SHORT_TEXT_MAX).min(1, `${label} cannot be blank.`);

/** Prose that must be written: up to 10,000 characters. */
export const longText = (label: string) => text(label, LONG_TEXT_MAX).min(1, `${label} cannot be blank.`);

/** Prose written as the analysis matures: may be blank while it is a draft. */
export const draftText = (label: string) => text(label, LONG_TEXT_MAX).default('');

export const positiveWholeNumber = (label: string) => {
  const message = `${label} must be a whole number of 1 or more.`;
  return z
    .number({ error: required(label, message) })
    .int(message)
    .min(1, message);
};

/** An identifier given by the store (a SharePoint item id, a slug in the demo). */
export const Id = z.string().trim().min(1).max(SHORT_TEXT_MAX);
export type Id = z.infer<typeof Id>;

export const isoDate = (label: string) =>
  z.iso.date({
    error: required(label, `${label} must be a date written as YYYY-MM-DD, for example 2026-10-05.`),
  });

export const IsoDate = isoDate('Date');
export type IsoDate = z.infer<typeof IsoDate>;

/** Keys of a labelled list, in the order written. */
export const keysOf = <K extends string>(labels: Readonly<Record<K, unknown>>) =>
  Object.keys(labels) as [K, ...K[]];

/** One of a labelled list of keys; the message lists the choices. */
export function choice<K extends string>(label: string, labels: Readonly<Record<K, string>>) {
  const options = englishList(
    keysOf(labels).map((key) => `"${key}" (${labels[key]})`),
    'or',
  );
  return z.enum(keysOf(labels), { error: required(label, `${label} must be one of ${options}.`) });
}

/** A span of days, both ends included; `label` names it in the message ("The period under review"). */
export const dateRange = (label: string) =>
  z
    .object({ start: isoDate(`${label}: start date`), end: isoDate(`${label}: end date`) })
    .superRefine((range, ctx) => {
      if (range.end < range.start)
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `${label} cannot end (${formatDate(range.end)}) before it starts (${formatDate(range.start)}).`,
        });
    }, whenFieldsValid);

/** A meeting time with its UTC offset, e.g. 2026-10-20T10:00:00+01:00. */
export const TimeSlot = z
  .object({
    start: z.iso.datetime({ offset: true, error: 'The start time must be a date and time.' }),
    end: z.iso.datetime({ offset: true, error: 'The end time must be a date and time.' }),
  })
  .refine((slot) => Date.parse(slot.end) > Date.parse(slot.start), {
    path: ['end'],
    message: 'The end time must be after the start time.',
    ...whenFieldsValid,
  });
export type TimeSlot = z.infer<typeof TimeSlot>;

/** Links from an analysis to the conversations and documents (artefacts) that evidence it. */
export const EvidenceLinks = z.object({
  conversations: z.array(Id).default([]),
  artefacts: z.array(Id).default([]),
});
export type EvidenceLinks = z.infer<typeof EvidenceLinks>;
