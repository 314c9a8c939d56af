import { Text } from '@fluentui/react-components';
import type { Conversation } from '../../../../core/model/conversation';
import type { ReviewPerson } from '../../../../graph/workspace';
import { useReviewList } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { ProblemMessage } from '../../../shell/Problem';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { schedulingProblem } from '../hooks/problem';
import { useScheduler } from '../hooks/useScheduler';
import { useSchedulingStyles } from '../styles/useSchedulingStyles';
import { MeetingPlanner } from './MeetingPlanner';
import { PlanForm } from './PlanForm';
import { ProposalNotes } from './ProposalNotes';
import { SendPanel } from './SendPanel';
import { TimetableList } from './TimetableList';
import { WeekView } from './WeekView';

function Scheduling({
  reviewId,
  people,
  conversations,
}: {
  reviewId: string;
  people: readonly ReviewPerson[];
  conversations: readonly Conversation[];
}) {
  const styles = useSchedulingStyles();
  const { narrow } = useFrame();
  const s = useScheduler(reviewId, people);
  return (
    <div className={styles.root}>
      <PlanForm s={s} conversations={conversations} />
      {s.plan.error ? <ProblemMessage problem={schedulingProblem(s.plan.error)} onRetry={s.propose} /> : null}
      {s.plan.data && s.timetable ? (
        <section className={styles.section} aria-labelledby="timetable-heading">
          <Text as="h3" size={500} weight="semibold" id="timetable-heading" className={styles.heading}>
            Proposed timetable
          </Text>
          <ProposalNotes s={s} />
          {s.lastMove ? (
            <div role={s.lastMove.ok ? 'status' : 'alert'}>
              <Text weight="semibold">{s.lastMove.message}</Text> {s.lastMove.reasons.join(' ')}
            </div>
          ) : null}
          {narrow ? (
            <TimetableList s={s} placed={s.timetable.placed} />
          ) : (
            <WeekView s={s} placed={s.timetable.placed} />
          )}
        </section>
      ) : null}
      {s.plan.data ? <SendPanel s={s} /> : null}
      <MeetingPlanner reviewId={reviewId} people={people} />
    </div>
  );
}

/** `/schedule`: the case group's conversations and the review's meetings, from free/busy to invitations. */
export default function ScheduleScreen() {
  const { review } = useFrame();
  const people = useReviewList(review.id, 'people');
  const conversations = useReviewList(review.id, 'conversations');
  return (
    <>
      <ScreenHeading>Schedule</ScreenHeading>
      <QueryState
        query={people}
        loading="Loading the people…"
        empty={{ title: 'Nobody has been added yet.', detail: 'Add the case group to start scheduling.' }}
        isEmpty={(list) => !list.some((p) => p.role === 'case-group')}
      >
        {(list) => <Scheduling reviewId={review.id} people={list} conversations={conversations.data ?? []} />}
      </QueryState>
    </>
  );
}
