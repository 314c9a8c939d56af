import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { formatPeriod, type KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useKpesStyles } from '../styles/useKpesStyles';
import { ValenceBadge } from './ValenceBadge';

const href = (episode: KeyPracticeEpisode) => `#/kpes/${encodeURIComponent(episode.id)}`;

function EpisodeLink({ episode }: { episode: KeyPracticeEpisode }) {
  return <Link href={href(episode)}>{episode.title}</Link>;
}

/**
 * The episodes in number order (the period order): a table when wide, cards when narrow. Each
 * shows its number, period, title, agencies and whether practice was good, problematic or mixed.
 */
export function EpisodeList({
  episodes,
  narrow,
}: {
  episodes: readonly KeyPracticeEpisode[];
  narrow: boolean;
}) {
  const styles = useKpesStyles();
  const list = useListStyles();
  if (narrow)
    return (
      <ul className={list.plain} aria-label="Key practice episodes, in period order">
        {episodes.map((e) => (
          <li key={e.id} className={mergeClasses(list.card, list.cardStart)}>
            <Text weight="semibold">KPE {e.number}</Text>
            <EpisodeLink episode={e} />
            <Text className={list.meta}>{formatPeriod(e.period)}</Text>
            {e.agencies.length > 0 ? <Text className={list.meta}>{e.agencies.join(' · ')}</Text> : null}
            <ValenceBadge valence={e.valence} />
          </li>
        ))}
      </ul>
    );
  return (
    <Table size="small" className={list.table} aria-label="Key practice episodes, in period order">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.numberCell}>Number</TableHeaderCell>
          <TableHeaderCell>Period</TableHeaderCell>
          <TableHeaderCell>Title</TableHeaderCell>
          <TableHeaderCell>Agencies</TableHeaderCell>
          <TableHeaderCell>Practice</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {episodes.map((e) => (
          <TableRow key={e.id}>
            <TableCell>KPE {e.number}</TableCell>
            <TableCell>{formatPeriod(e.period)}</TableCell>
            <TableCell className={list.wrap}>
              <EpisodeLink episode={e} />
            </TableCell>
            <TableCell className={list.wrap}>{e.agencies.join(', ') || '—'}</TableCell>
            <TableCell>
              <ValenceBadge valence={e.valence} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
