/** Citations by id in the analysis's text, for every screen that shows or writes them. */
export { CitationText, citationHref } from './CitationText';
export { CitingTextField, InsertCitation, insertToken } from './CitingTextField';
export { useCitables, citablesOf, type Citable, type Citables } from './useCitables';
export { CitedBy, useCitedBy } from './CitedBy';
