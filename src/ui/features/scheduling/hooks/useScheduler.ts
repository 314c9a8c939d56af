/**
 * The scheduling screen's state machine: the form (checked by the core before anything is sent),
 * the proposed timetable with the person's moves (each re-checked by the core's `checkMove`, a
 * refusal kept with its reasons), and sending with progress and a summary.
 */
import { useMemo, useState } from 'react';
import {
  candidateTimes,
  checkMove,
  conversationPlanIssues,
  hasIssues,
  type ConversationPlanForm,
  type PlacedConversation,
  type PlanIssues,
  type PlanPerson,
} from '../../../../core/scheduling';
import type { ReviewPerson, UnknownChoice } from '../../../../graph/workspace';
import { usePlanConversations, useSendInvitations } from '../../../data/scheduling';
import { todayInLondon } from '../../../shell/dates';
import { defaultWindow, span, dayOf, formatDay } from './week';

/** What the form holds: numbers as typed, so that a half-typed value survives. */
export interface FormState {
  practitioners: string[];
  lead: string;
  noteTaker: string;
  durationMinutes: string;
  bufferMinutes: string;
  maxPerReviewerPerDay: string;
  preference: 'earliest' | 'spread';
  firstDay: string;
  lastDay: string;
}

export const planPeople = (people: readonly ReviewPerson[]): PlanPerson[] =>
  people.flatMap((p) => (p.role === 'family' ? [] : [{ id: p.id, name: p.name, address: p.email }]));

const number = (text: string) => (text.trim() === '' ? NaN : Number(text));

export function formOf(state: FormState, now: string): ConversationPlanForm {
  return {
    practitioners: state.practitioners,
    reviewers: [state.lead, state.noteTaker].filter((r) => r !== ''),
    durationMinutes: number(state.durationMinutes),
    bufferMinutes: number(state.bufferMinutes),
    maxPerReviewerPerDay: number(state.maxPerReviewerPerDay),
    preference: state.preference,
    firstDay: state.firstDay,
    lastDay: state.lastDay,
    now,
  };
}

export interface MoveOutcome {
  conversationId: string;
  ok: boolean;
  /** "Moved to Tue 10 March 2026, 10:00–11:30." or the reasons it was refused. */
  message: string;
  reasons: string[];
}

export function useScheduler(reviewId: string, people: readonly ReviewPerson[]) {
  const reviewers = people.filter((p) => p.role === 'lead-reviewer' || p.role === 'review-team');
  const [state, setState] = useState<FormState>(() => ({
    practitioners: [],
    lead: reviewers.find((p) => p.role === 'lead-reviewer')?.id ?? '',
    noteTaker: '',
    durationMinutes: '90',
    bufferMinutes: '15',
    maxPerReviewerPerDay: '2',
    preference: 'earliest',
    ...defaultWindow(todayInLondon()),
  }));
  const [issues, setIssues] = useState<PlanIssues>({});
  const [placed, setPlaced] = useState<PlacedConversation[] | null>(null);
  const [lastMove, setLastMove] = useState<MoveOutcome | null>(null);
  /** For each conversation with someone whose calendar cannot be read: offer three times, or book one tentatively. */
  const [unknownChoice, setUnknownChoice] = useState<Record<string, UnknownChoice>>({});
  const plan = usePlanConversations(reviewId);
  const send = useSendInvitations(reviewId);
  const personOf = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);

  const update = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));

  /** Checks the form with the core; proposes a timetable only when it is valid. */
  const propose = () => {
    const form = formOf(state, new Date().toISOString());
    const found = conversationPlanIssues(form, planPeople(people));
    setIssues(found);
    if (hasIssues(found)) return;
    setLastMove(null);
    send.reset();
    plan.mutate(form, {
      onSuccess: (p) => {
        setPlaced(p.timetable.placed);
        setUnknownChoice({});
      },
    });
  };

  const current = plan.data;
  const timetable = useMemo(
    () => (current && placed ? { ...current.timetable, placed } : undefined),
    [current, placed],
  );
  /**
   * The times each "offer three" conversation would offer, worked out (and each re-checked) by the
   * core over the timetable as it stands, as the gateway does when sending.
   */
  const candidates = useMemo(() => {
    if (!current || !timetable) return new Map<string, { start: string; end: string }[]>();
    const chosen = new Set(Object.keys(unknownChoice).filter((id) => unknownChoice[id] === 'offer-three'));
    if (chosen.size === 0) return new Map<string, { start: string; end: string }[]>();
    return new Map(
      candidateTimes(current.request, timetable)
        .filter((o) => chosen.has(o.conversationId))
        .map((o) => [o.conversationId, o.candidates]),
    );
  }, [current, timetable, unknownChoice]);

  /** The core checks the conversation at its new start against everyone's calendars and the rest. */
  const move = (conversationId: string, start: string): MoveOutcome | undefined => {
    if (!current || !placed) return undefined;
    const at = placed.find((p) => p.conversationId === conversationId);
    if (!at || at.start === start) return undefined;
    const end = new Date(Date.parse(start) + (Date.parse(at.end) - Date.parse(at.start))).toISOString();
    const check = checkMove(current.request, { placed }, conversationId, start);
    const when = `${formatDay(dayOf(start))}, ${span(start, end)}`;
    const outcome: MoveOutcome = check.ok
      ? { conversationId, ok: true, message: `Moved to ${when}.`, reasons: [] }
      : {
          conversationId,
          ok: false,
          message: `It cannot move to ${when}.`,
          reasons: check.reasons.map((r) => r.message),
        };
    if (check.ok)
      setPlaced(
        placed.map((p) =>
          p.conversationId === conversationId
            ? { ...p, start, end, unknownAvailability: check.unknownAvailability }
            : p,
        ),
      );
    setLastMove(outcome);
    return outcome;
  };

  const sendAll = () => {
    if (current && placed) send.mutate({ plan: current, placed, options: { unknownChoice } });
  };

  /** The practitioner and reviewers of a conversation, as the screen names them. */
  const describe = (conversationId: string) => {
    const c = current?.conversations.find((x) => x.conversationId === conversationId);
    const name = (id: string) => {
      const p = personOf.get(id);
      return p && p.role !== 'family' ? p.name : 'someone not in the review';
    };
    const practitioner = c ? personOf.get(c.practitioner) : undefined;
    return {
      practitioner: c ? name(c.practitioner) : conversationId,
      label: practitioner && practitioner.role !== 'family' ? practitioner.label : '',
      reviewers: c ? c.reviewers.map(name) : [],
    };
  };

  return {
    state,
    update,
    issues,
    propose,
    plan,
    timetable,
    move,
    lastMove,
    unknownChoice,
    choose: (conversationId: string, choice: UnknownChoice) =>
      setUnknownChoice((c) => ({ ...c, [conversationId]: choice })),
    candidates,
    clearMove: () => setLastMove(null),
    send,
    sendAll,
    describe,
    reviewers,
    caseGroup: people.filter((p) => p.role === 'case-group'),
    personOf,
  };
}

export type Scheduler = ReturnType<typeof useScheduler>;
