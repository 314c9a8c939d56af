import { Button, Field, Input, Select } from '@fluentui/react-components';
import { ARTEFACT_TYPE_LABELS } from '../../../../core/model/artefact';
import { RECORD_STATUS_LABELS } from '../../../../core/model/conversation-record';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import type { ArtefactFilters as Filters } from '../hooks/useLibrary';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';
import { Options } from '../../../shell/Options';

/** Search by name, and filters by type, agency, record status and key practice episode. */
export function ArtefactFilters({
  filters,
  set,
  clear,
  active,
  agencies,
  episodes,
}: {
  filters: Filters;
  set: (key: keyof Filters, value: string) => void;
  clear: () => void;
  active: boolean;
  agencies: readonly string[];
  episodes: readonly KeyPracticeEpisode[];
}) {
  const styles = useArtefactsStyles();
  return (
    <div role="search" aria-label="Find artefacts" className={styles.toolbar}>
      <Field label="Search by name">
        <Input type="search" value={filters.search} onChange={(_, d) => set('search', d.value)} />
      </Field>
      <Field label="Type">
        <Select value={filters.type} onChange={(_, d) => set('type', d.value)}>
          <option value="">Any type</option>
          <Options of={ARTEFACT_TYPE_LABELS} />
        </Select>
      </Field>
      <Field label="Agency">
        <Select value={filters.agency} onChange={(_, d) => set('agency', d.value)}>
          <option value="">Any agency</option>
          <Options of={agencies} />
        </Select>
      </Field>
      <Field label="Record status">
        <Select value={filters.recordStatus} onChange={(_, d) => set('recordStatus', d.value)}>
          <option value="">Any status</option>
          <Options of={RECORD_STATUS_LABELS} />
        </Select>
      </Field>
      <Field label="Cited by episode">
        <Select value={filters.kpe} onChange={(_, d) => set('kpe', d.value)}>
          <option value="">Any or none</option>
          {episodes.map((e) => (
            <option key={e.id} value={e.id}>
              KPE {e.number}: {e.title}
            </option>
          ))}
        </Select>
      </Field>
      {active ? <Button onClick={clear}>Clear the filters</Button> : null}
    </div>
  );
}
