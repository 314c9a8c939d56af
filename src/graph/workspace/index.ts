/**
 * The workspace gateways: the signed-in person, their review Teams, and opening a review. The
 * screens import only the types (types.ts); the app entry imports createGateways.
 */
export type * from './types';
export type { EpisodesGateway, EpisodeInput, AnalysisSettings } from './episodes';
export type * from './scheduling-types';
export { createGateways, gatewaysOver, type GraphConnection } from './gateways';
export { toGatewayError, failureOfStatus } from './errors';
export { reviewReference } from './review-teams';
export { describeLoadProblems, peopleOfReview } from './open-review';
