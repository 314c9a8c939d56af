/**
 * The keys the product writes into a report: content control tags (and the matching custom
 * document property names) for the blocks it keeps current.
 */

const FINDING_PREFIX = 'crw:finding:';

/** The tag of the content control that holds a finding. */
export const findingTag = (findingId: string): string => `${FINDING_PREFIX}${findingId}`;

/** The finding id in a tag, or undefined for any other tag. */
export const findingIdOfTag = (tag: string): string | undefined =>
  tag.startsWith(FINDING_PREFIX) && tag.length > FINDING_PREFIX.length
    ? tag.slice(FINDING_PREFIX.length)
    : undefined;

/** The tag of the "Findings in brief" table's content control. */
export const FINDINGS_IN_BRIEF_TAG = 'crw:findings-in-brief';

/** The tag of a copy of the review's version of a finding, inserted beneath the author's to merge by hand. */
export const mergeCopyTag = (findingId: string): string => `crw:merge:${findingId}`;

/**
 * Desktop Word cuts a custom property's value at 255 characters; names have the same limit. Tags
 * are short (ids are SharePoint item ids), but a name never exceeds it.
 */
export const PROPERTY_MAX = 255;
