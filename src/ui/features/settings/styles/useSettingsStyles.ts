import { makeStyles, tokens } from '@fluentui/react-components';
import { panelSurface } from '../../../shell/styles/fragments';

export const useSettingsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '48rem' },
  section: panelSurface,
  sectionNarrow: { padding: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    minWidth: 0,
  },
  grow: { flexGrow: 1, minWidth: '10rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  wrap: { overflowWrap: 'anywhere' },
  template: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  prewrap: { whiteSpace: 'pre-wrap' },
});
