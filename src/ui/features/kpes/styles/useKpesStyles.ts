import { makeStyles, tokens } from '@fluentui/react-components';
import { panelSurface } from '../../../shell/styles/fragments';

export const useKpesStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  numberCell: { width: '5rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  editor: { ...panelSurface, gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  editorNarrow: { padding: tokens.spacingHorizontalS },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  /** The appraisal and explanation with the prompts beside them (above them when narrow). */
  analysis: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(12rem, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  analysisNarrow: { display: 'flex', flexDirection: 'column-reverse', gap: tokens.spacingVerticalM },
  prompts: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  promptList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  checks: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    // Each checkbox its own height: a one-line label stays level with its box beside a two-line one.
    alignItems: 'start',
  },
  checksNarrow: { display: 'flex', flexDirection: 'column' },
  factorGroups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  detailsNarrow: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  pair: { display: 'contents' },
  inline: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});
