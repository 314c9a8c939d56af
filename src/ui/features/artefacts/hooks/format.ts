import { ARTEFACT_TYPE_LABELS, type ArtefactTypeKey } from '../../../../core/model/artefact';
import { RECORD_STATUS_LABELS, type RecordStatus } from '../../../../core/model/conversation-record';
import { formatDay, todayInLondon } from '../../../shell/dates';

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "Mon 3 March 2026, 09:30" (London time), from a Graph timestamp. */
export function formatChanged(timestamp: string | undefined): string {
  if (!timestamp) return '—';
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return '—';
  return `${formatDay(todayInLondon(at))}, ${time.format(at)}`;
}

export const typeName = (type: ArtefactTypeKey | undefined) => (type ? ARTEFACT_TYPE_LABELS[type] : '—');
export const statusName = (status: RecordStatus | undefined) => (status ? RECORD_STATUS_LABELS[status] : '—');

/** Files Word opens ("Open in Word"). */
export const isWordFile = (name: string) => /\.(docx?|docm|dotx?|dotm|rtf|odt)$/i.test(name);
