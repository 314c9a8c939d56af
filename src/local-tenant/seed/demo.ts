import type { TenantStore } from '../store/database';
import { seedCalendarSharing } from './calendar-sharing';
import { seedCalendars } from './calendars';
import { seedDrives } from './drives';
import { seedOrganisation } from './organisation';
import { seedReviewLists } from './review-lists';

/** Seeds the fictional organisation and the "Child S" demo review (reference CR-2026-014). */
export function seedDemo(store: TenantStore, now: Date): void {
  const org = seedOrganisation(store, now);
  const lead = org.reviewGroup.owners[0]!;
  seedReviewLists(store, org.reviewSite, org.registerSite, lead, now);
  seedCalendars(store, now);
  seedCalendarSharing(store, org);
  seedDrives(store, org.reviewSite, lead, now);
}
