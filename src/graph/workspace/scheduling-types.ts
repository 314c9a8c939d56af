/**
 * Scheduling from the tab, as the screens see it: propose a timetable for the chosen case group
 * (free/busy read, nothing written), let the person move conversations (the screen re-checks each
 * move with the core's `checkMove` over `plan.request`), then send every invitation; and the same for
 * one case group or review team meeting. Types only: the implementation is scheduling.ts.
 */
import type { MeetingKind } from '../../core/model/meeting';
import type {
  ConversationPlanForm,
  MeetingPlanForm,
  MeetingProposal,
  MeetingRequest,
  PlacedConversation,
  SchedulingRequest,
  Timetable,
} from '../../core/scheduling';

/** A lead reviewer's calendar that the signed-in person cannot book in, and how to get it shared. */
export interface CalendarNotSharedNotice {
  personId?: string;
  name: string;
  access: 'none' | 'read';
  /** Plain words: whose calendar and how to share it ("Calendar > Share, Can edit"). */
  message: string;
}

export interface PlannedConversation {
  conversationId: string;
  practitioner: string;
  reviewers: string[];
  /** It is already in the Conversations list (proposed); otherwise it is added when sent. */
  existing: boolean;
}

/** Whose calendar the events go in. */
export interface PlanOrganiser {
  personId: string;
  name: string;
  address: string;
  /** The signed-in person books in someone else's calendar (shared with them with edit rights). */
  onBehalf: boolean;
}

export interface ConversationPlan {
  reviewId: string;
  referenceCode: string;
  form: ConversationPlanForm;
  /** The finder's request with everyone's free/busy: moves are checked against it. */
  request: SchedulingRequest;
  timetable: Timetable;
  conversations: PlannedConversation[];
  /** People whose calendars could not be read (other organisations): placed at the best time for the others. */
  unknown: string[];
  organiser: PlanOrganiser;
  /** Set when the organiser's calendar cannot be booked in: nothing can be sent until it is shared. */
  notShared?: CalendarNotSharedNotice;
  /** Chosen practitioners who already have a conversation beyond "proposed": left out. */
  alreadyArranged: string[];
}

export interface SendProgress {
  /** Conversations done so far (scheduled or failed), of `total`. */
  done: number;
  scheduled: number;
  total: number;
}

/**
 * For each practitioner whose calendar cannot be read: offer up to three times (each its own
 * tentative invitation; the ones not accepted are cancelled), or book the best time as tentative
 * (the default).
 */
export type UnknownChoice = 'offer-three' | 'tentative';

export interface SendOptions {
  /** By conversation id; conversations not named are booked at their time (tentative if someone is unknown). */
  unknownChoice?: Record<string, UnknownChoice>;
}

export interface SendSummary {
  /** Conversation ids now scheduled, with their events. */
  scheduled: string[];
  /** Offered up to three times: awaiting the practitioner's choice (still "proposed"). */
  offered: string[];
  /** Still unscheduled, with the reason in plain words. */
  failed: { conversationId: string; reason: string }[];
  /** Not sent: they already had their event (a second send changes nothing). */
  alreadyScheduled: string[];
}

export interface MeetingPlanRequestForm extends MeetingPlanForm {
  kind: MeetingKind;
  /** The lead reviewer whose calendar holds the meeting. */
  organiser: string;
}

export interface MeetingPlan {
  reviewId: string;
  /** Chosen once for this meeting: booking it again reuses it (one event, one item). */
  meetingId: string;
  form: MeetingPlanRequestForm;
  request: MeetingRequest;
  proposal: MeetingProposal;
  unknown: string[];
  organiser: PlanOrganiser;
  notShared?: CalendarNotSharedNotice;
}

export type MeetingBooked = { ok: true; meetingId: string } | { ok: false; reason: string };

export interface SchedulingGateway {
  /** Reads free/busy and proposes a timetable; writes nothing. Bad input: a GatewayError 'invalid-input'. */
  planConversations(reviewId: string, form: ConversationPlanForm): Promise<ConversationPlan>;
  /**
   * Adds the conversations not yet in the list, sends each placement's invitation and saves each
   * conversation as scheduled once its event exists, 20 at a time, reporting progress after each.
   * Sending again never duplicates an event or a conversation.
   */
  sendInvitations(
    plan: ConversationPlan,
    placed: PlacedConversation[],
    onProgress?: (progress: SendProgress) => void,
    options?: SendOptions,
  ): Promise<SendSummary>;
  planMeeting(reviewId: string, form: MeetingPlanRequestForm): Promise<MeetingPlan>;
  bookMeeting(plan: MeetingPlan, time: { start: string; end: string }): Promise<MeetingBooked>;
  /**
   * Reads the attendees' responses from the organisers' calendars and saves what changed (declines
   * and missing events then show on the dashboard). Conversations offered several times: when the
   * practitioner has accepted one, the others are cancelled and the conversation is scheduled with
   * the accepted event; when they declined them all, it needs attention. Resolves to how many changed.
   */
  refreshResponses(reviewId: string): Promise<number>;
}
