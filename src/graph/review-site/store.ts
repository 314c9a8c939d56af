/**
 * The review site's stores, one file each: the review's lists (review-store.ts), the identity
 * register (identity-register-store.ts), one list's items (list-store.ts), creating with a client
 * key (create-with-key.ts), conflicts on update and delete (conflicts.ts), and what they share
 * (list-items.ts). Import from here (or the review-site index).
 */
export { ReviewStore, ArtefactSummary, type LoadedReview } from './review-store';
export { IdentityRegisterStore } from './identity-register-store';
export { ListStore, LIST_PAGE_SIZE } from './list-store';
export { StoreError, DuplicateKeyError, type Stored, type LoadProblem } from './list-items';
export type { Conflict, WriteResult, DeleteResult } from './conflicts';
