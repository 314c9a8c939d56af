/**
 * Scheduling from the tab, as the screens see it: propose a timetable for the chosen case group
 * (free/busy read, nothing written), let the person move conversations (the screen re-checks each
 * move with the core's `checkMove` over `plan.request`), then send every invitation; and the same for
 * one case group or review team meeting. Types only: the implementation is scheduling.ts.
 */
import type { MeetingKind } from '../../core/model/meeting';
import type {
  AnotherTimeForm,
  ConversationPlanForm,
  DeclinedTime,
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
  /**
   * "Stop sending": once aborted, no further invitation is started. The invitations being sent at
   * that moment are finished and recorded (a request under way is never cut, as its event may
   * already exist); the rest stay proposed, unsent, listed in `notSent`.
   */
  signal?: AbortSignal;
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
  /** Stopped before they were sent: still proposed, nothing in any calendar; sending again sends them. */
  notSent: string[];
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

/** Another time for a declined conversation, proposed by the finder; nothing sent yet. */
export interface AnotherTimeProposal {
  reviewId: string;
  conversationId: string;
  form: AnotherTimeForm;
  /** The declined event(s) the new invitation replaces (cancelled once it is sent). */
  replacing: string[];
  /** Times declined, by whom: the finder never proposed them to those people. */
  declined: DeclinedTime[];
  /** The finder's time; absent when none fits the window, with `reasons`. */
  placed?: PlacedConversation;
  reasons: string[];
  durationMinutes: number;
  /** People whose calendars could not be read: the time is sent as tentative, to be confirmed. */
  unknown: string[];
  organiser: PlanOrganiser;
  notShared?: CalendarNotSharedNotice;
}

export type AnotherTimeBooked =
  | {
      ok: true;
      /** The new time (what the calendar holds). */
      start: string;
      end: string;
      /** A second click or a retry after it was done: nothing more was sent. */
      already: boolean;
      /** Declined events that could not be cancelled (they stay, declined, in the organiser's calendar). */
      notCancelled: number;
    }
  | { ok: false; reason: string };

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
  /**
   * For a conversation whose invitation was declined (at its time, or at every time offered): reads
   * the practitioner's and reviewers' free/busy over the window and asks the finder for a time,
   * never one already declined by whoever declined it. Writes nothing. Bad input (a window in the
   * past, ending before it starts): a GatewayError 'invalid-input' with the issues by field.
   */
  proposeAnotherTime(
    reviewId: string,
    conversationId: string,
    form: AnotherTimeForm,
  ): Promise<AnotherTimeProposal>;
  /**
   * Sends the proposal's invitation (the review's checked template, as every conversation's), then
   * cancels the declined event(s) and saves the conversation with its new event: it no longer
   * needs attention. Made once: a retry, or a second click, sends no second invitation.
   */
  bookAnotherTime(proposal: AnotherTimeProposal): Promise<AnotherTimeBooked>;
}
