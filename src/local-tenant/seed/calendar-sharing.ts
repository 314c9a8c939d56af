import { shareCalendar } from '../calendar/sharing';
import type { TenantStore } from '../store/database';
import type { SeededOrganisation } from './organisation';

/**
 * Who has shared their calendar with whom, as the partnership works: business support books the
 * practitioner conversations for the lead reviewers, so both lead reviewers have shared their
 * calendar with the business support officer with edit rights (write); the head of service has
 * shared hers read-only; the other review team member has shared nothing, so the product must say
 * whose calendar is not shared and how to share it.
 */
export const BUSINESS_SUPPORT = 'Amira Khan';
export const READ_ONLY_SHARER = 'Priya Raman';
export const NOT_SHARING = 'Sam Okafor';

export function seedCalendarSharing(store: TenantStore, org: SeededOrganisation): void {
  const support = org.byName(BUSINESS_SUPPORT);
  for (const leadId of org.reviewGroup.owners) {
    const lead = org.users.find((u) => u.id === leadId);
    if (lead) shareCalendar(store, lead, support, 'write');
  }
  shareCalendar(store, org.byName(READ_ONLY_SHARER), support, 'read');
}
