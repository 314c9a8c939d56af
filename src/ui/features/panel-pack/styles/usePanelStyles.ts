import { makeStyles, tokens } from '@fluentui/react-components';

export const usePanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, maxWidth: '48rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  status: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  statusIcon: { flexShrink: 0, marginTop: '2px' },
  doneIcon: { color: tokens.colorStatusSuccessForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
