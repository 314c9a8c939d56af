import { useParams } from 'react-router';
import { useReviewList } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { displayName } from '../hooks/usePeople';
import { PeopleList } from './PeopleList';
import { AddPerson, EditPerson } from './PersonEditing';
import { PersonAccess } from './PersonAccess';
import { PersonDetails } from './PersonDetails';

/** `/people` and `/people/:id`: the review team, case group and family by pseudonym. */
export default function PeopleScreen() {
  const { review, narrow } = useFrame();
  const { id } = useParams();
  const people = useReviewList(review.id, 'people');
  const entries = useReviewList(review.id, 'personEntries');
  const entry = id ? entries.data?.find((e) => e.stored.value.id === id) : undefined;
  const person = id ? people.data?.find((p) => p.id === id) : undefined;
  return (
    <>
      <ScreenHeading>{id ? (person ? displayName(person) : 'Person') : 'People'}</ScreenHeading>
      {id ? null : <AddPerson reviewId={review.id} />}
      <QueryState
        query={people}
        loading="Loading the people…"
        empty={{ title: 'Nobody has been added yet.', detail: 'Add the case group to start scheduling.' }}
        isEmpty={(list) => !id && list.length === 0}
      >
        {(list) =>
          id ? (
            <>
              <PersonDetails person={person} />
              {entry ? <EditPerson key={entry.stored.eTag} reviewId={review.id} entry={entry} /> : null}
              {person && person.role !== 'family' ? (
                <PersonAccess reviewId={review.id} teamName={review.displayName} person={person} />
              ) : null}
            </>
          ) : (
            <PeopleList people={list} narrow={narrow} />
          )
        }
      </QueryState>
    </>
  );
}
