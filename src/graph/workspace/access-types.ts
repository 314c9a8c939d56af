/**
 * The gateways for access: the review team into the review's Team and its identity register
 * channel (team-access.ts), the library in SharePoint for panel members, and the panel pack
 * (panel.ts). The screens receive them as `gateways.access` and `gateways.panel`.
 */
import type { TeamAccess } from './team-access';

export type { TeamAccess } from './team-access';
export type {
  LibraryAccess,
  PanelGateway,
  PanelPackInput,
  PanelPackProgress,
  PanelPackSummary,
  PanelPerson,
} from './panel';

export interface AccessGateway {
  /** Who owns the review's Team, what the signed-in user may do, and the person's access (found by their email). */
  teamAccess(reviewId: string, email?: string): Promise<TeamAccess>;
  /** Adds them to the Team as a member (a Team owner only: Graph answers 403 to anyone else). */
  addToTeam(reviewId: string, userId: string): Promise<void>;
  /** Adds a Team member to the private identity register channel (its owners only). */
  addToRegister(reviewId: string, userId: string): Promise<void>;
}
