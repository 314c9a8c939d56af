import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { describeFileSize } from '../../../../core/model/artefact';
import type { LibraryArtefact } from '../../../../graph/artefacts/screen-gateway';
import { formatChanged, statusName, typeName } from '../hooks/format';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';

const href = (a: LibraryArtefact) => `#/artefacts/${encodeURIComponent(a.id)}`;

/** The library: a table when wide, cards when narrow. Names are text, whatever they hold. */
export function ArtefactList({
  artefacts,
  narrow,
  labelledBy,
}: {
  artefacts: readonly LibraryArtefact[];
  narrow: boolean;
  labelledBy: string;
}) {
  const styles = useArtefactsStyles();
  const list = useListStyles();
  if (narrow)
    return (
      <ul className={list.plain} aria-labelledby={labelledBy}>
        {artefacts.map((a) => (
          <li key={a.id} className={list.card}>
            <Link href={href(a)}>{a.name}</Link>
            <Text className={list.meta}>
              {[
                typeName(a.metadata.type),
                a.metadata.agency,
                a.metadata.recordStatus ? statusName(a.metadata.recordStatus) : undefined,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text size={200} className={list.meta}>
              Changed {formatChanged(a.lastModified)} · {describeFileSize(a.size)}
            </Text>
          </li>
        ))}
      </ul>
    );
  return (
    <Table size="small" className={list.table} aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.nameColumn}>Name</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Record status</TableHeaderCell>
          <TableHeaderCell>Changed</TableHeaderCell>
          <TableHeaderCell>Size</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {artefacts.map((a) => (
          <TableRow key={a.id}>
            <TableCell className={list.wrap}>
              <Link href={href(a)}>{a.name}</Link>
            </TableCell>
            <TableCell>{typeName(a.metadata.type)}</TableCell>
            <TableCell className={list.wrap}>{a.metadata.agency ?? '—'}</TableCell>
            <TableCell>
              {a.metadata.type === 'conversation record' ? statusName(a.metadata.recordStatus) : '—'}
            </TableCell>
            <TableCell>{formatChanged(a.lastModified)}</TableCell>
            <TableCell>{describeFileSize(a.size)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
