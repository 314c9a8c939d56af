import { makeStyles, tokens } from '@fluentui/react-components';

export const usePeopleStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  editor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '40rem',
  },
  status: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  statusIcon: { flexShrink: 0, marginTop: '2px' },
  doneIcon: { color: tokens.colorStatusSuccessForeground1 },
});
