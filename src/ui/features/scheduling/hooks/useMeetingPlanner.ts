/**
 * One case group or review team meeting: who is invited (required people decide the time, optional
 * ones are invited where they can come), checked by the core first; the finder's best time and
 * others to choose from; then the one invitation.
 */
import { useState } from 'react';
import type { MeetingKind } from '../../../../core/model/meeting';
import {
  hasIssues,
  meetingPlanIssues,
  type MeetingOption,
  type PlanIssues,
} from '../../../../core/scheduling';
import type { ReviewPerson } from '../../../../graph/workspace';
import { useBookMeeting, usePlanMeeting } from '../../../data/scheduling';
import { todayInLondon } from '../../../shell/dates';
import { planPeople } from './useScheduler';
import { defaultWindow } from './week';

export type Invitation = 'none' | 'required' | 'optional';

/** Who a kind of meeting invites at first: the review team, and for a case group meeting the case group too. */
function defaults(kind: MeetingKind, people: readonly ReviewPerson[]): Record<string, Invitation> {
  return Object.fromEntries(
    people.flatMap((p): [string, Invitation][] => {
      // Panel members read the review's files; they are not invited to its meetings.
      if (p.role === 'family' || p.role === 'panel') return [];
      if (p.role === 'lead-reviewer') return [[p.id, 'required']];
      if (p.role === 'review-team') return [[p.id, kind === 'review-team' ? 'required' : 'optional']];
      return [[p.id, kind === 'case-group' ? 'required' : 'none']];
    }),
  );
}

export function useMeetingPlanner(reviewId: string, people: readonly ReviewPerson[]) {
  const [kind, setKindState] = useState<MeetingKind>('case-group');
  const [invited, setInvited] = useState(() => defaults('case-group', people));
  const [organiser, setOrganiser] = useState(people.find((p) => p.role === 'lead-reviewer')?.id ?? '');
  const [durationMinutes, setDuration] = useState('120');
  const [days, setDays] = useState(() => defaultWindow(todayInLondon()));
  const [issues, setIssues] = useState<PlanIssues>({});
  const [chosen, setChosen] = useState(0);
  const plan = usePlanMeeting(reviewId);
  const book = useBookMeeting(reviewId);

  const setKind = (next: MeetingKind) => {
    setKindState(next);
    setInvited(defaults(next, people));
  };
  const form = () => ({
    kind,
    organiser,
    required: Object.keys(invited).filter((id) => invited[id] === 'required'),
    optional: Object.keys(invited).filter((id) => invited[id] === 'optional'),
    durationMinutes: durationMinutes.trim() === '' ? NaN : Number(durationMinutes),
    ...days,
    now: new Date().toISOString(),
  });
  const propose = () => {
    const f = form();
    const found = meetingPlanIssues(f, planPeople(people));
    if (!organiser) (found.invitees ??= []).push('Choose whose calendar the meeting goes in.');
    setIssues(found);
    if (hasIssues(found)) return;
    book.reset();
    setChosen(0);
    plan.mutate(f);
  };
  const options: MeetingOption[] = plan.data?.proposal.best
    ? [plan.data.proposal.best, ...plan.data.proposal.alternatives]
    : [];
  const sendInvitation = () => {
    const option = options[chosen];
    if (plan.data && option) book.mutate({ plan: plan.data, time: { start: option.start, end: option.end } });
  };
  return {
    kind,
    setKind,
    invited,
    invite: (id: string, how: Invitation) => setInvited((x) => ({ ...x, [id]: how })),
    organiser,
    setOrganiser,
    durationMinutes,
    setDuration,
    days,
    setDays,
    issues,
    propose,
    plan,
    options,
    chosen,
    setChosen,
    book,
    sendInvitation,
  };
}
