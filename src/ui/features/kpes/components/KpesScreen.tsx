import { Button, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useNavigate, useParams } from 'react-router';
import { useFrame } from '../../../frame/review-context';
import { useCitables } from '../../../shell/citations';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useEpisodes } from '../hooks/useEpisodes';
import { useKpesStyles } from '../styles/useKpesStyles';
import { AddEpisode, EpisodePage } from './EpisodeEditing';
import { EpisodeList } from './EpisodeList';

/** The path of a new episode's editor (ids from the store are never "new"). */
export const NEW_EPISODE = 'new';

/** `/kpes`, `/kpes/new` and `/kpes/:id`: the key practice episodes, in period order. */
export default function KpesScreen() {
  const styles = useKpesStyles();
  const { review, narrow } = useFrame();
  const { id } = useParams();
  const navigate = useNavigate();
  const adding = id === NEW_EPISODE;
  const { query, entry } = useEpisodes(review.id, adding ? undefined : id);
  const citables = useCitables(review.id);
  const heading = adding
    ? 'New key practice episode'
    : id
      ? entry
        ? `KPE ${entry.value.number}: ${entry.value.title}`
        : 'Key practice episode'
      : 'Key practice episodes';
  return (
    <div className={styles.root}>
      <ScreenHeading>{heading}</ScreenHeading>
      {id ? (
        <Link href="#/kpes">All key practice episodes</Link>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate(`/kpes/${NEW_EPISODE}`)}>
            Add an episode
          </Button>
          <Text className={styles.muted}>Numbered in the order of their periods.</Text>
        </div>
      )}
      <QueryState
        query={query}
        loading="Loading the key practice episodes…"
        empty={{
          title: 'No key practice episodes yet.',
          detail: 'Add the first episode the review team has identified, with its dates.',
        }}
        isEmpty={(data) => !id && data.entries.length === 0}
      >
        {(data) =>
          adding ? (
            <AddEpisode
              reviewId={review.id}
              snapshot={data.snapshot}
              choices={data.choices}
              citables={citables}
              narrow={narrow}
            />
          ) : id ? (
            entry ? (
              <EpisodePage
                key={entry.eTag}
                reviewId={review.id}
                entry={entry}
                entries={data.entries}
                snapshot={data.snapshot}
                choices={data.choices}
                citables={citables}
                narrow={narrow}
              />
            ) : (
              <MessageBar intent="warning">
                <MessageBarBody>This key practice episode is no longer in the review.</MessageBarBody>
              </MessageBar>
            )
          ) : (
            <EpisodeList episodes={data.entries.map((e) => e.value)} narrow={narrow} />
          )
        }
      </QueryState>
    </div>
  );
}
