/**
 * The report renders the analysis's citations (../analysis/citations.ts): references kept by id
 * ("{{kpe:<id>}}", "{{conversation:<id>}}", "{{artefact:<id>}}") and shown by their current number
 * or name, so renumbering the episodes never leaves a finding pointing at the wrong one. A
 * reference to something that no longer exists says so. The names the report has always used are
 * kept here.
 */
import { citedIds, DELETED_LABELS } from '../analysis/citations';

export { kpeCitation, citeTypedEpisodes } from '../analysis/citations';

/** What a reader sees for a reference to an episode that has been deleted from the review. */
export const DELETED_KPE = DELETED_LABELS.kpe;

/** The ids of the episodes a text refers to, in order of first mention. */
export const citedEpisodes = (text: string): string[] => citedIds(text, 'kpe');
