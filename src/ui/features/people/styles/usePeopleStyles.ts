import { makeStyles, tokens } from '@fluentui/react-components';
import { panelSurface } from '../../../shell/styles/fragments';

export const usePeopleStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  editor: { ...panelSurface, maxWidth: '40rem' },
  status: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  statusIcon: { flexShrink: 0, marginTop: '2px' },
  doneIcon: { color: tokens.colorStatusSuccessForeground1 },
});
