/**
 * Set-up from an empty Team, as a lazily loaded feature: the default export is the screen (give it
 * the Team's id and a ReviewSetupGateway, as a prop or through ReviewSetupGatewayContext).
 */
import { ReviewSetup } from './ReviewSetup';

export default ReviewSetup;
export { ReviewSetup, type ReviewSetupProps } from './ReviewSetup';
export { ReviewSetupGatewayContext } from './context';
