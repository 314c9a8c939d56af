import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { panelSurface } from '../../../shell/styles/fragments';

/** Pixels per minute in the week view: 10 hours are 600 px. */
export const PX_PER_MINUTE = 1;

export const useSchedulingStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: panelSurface,
  heading: { margin: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  checks: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  wrap: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  plainList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // The week view: a time column and five day columns.
  weekNav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  week: {
    display: 'grid',
    gridTemplateColumns: '3.5rem repeat(5, minmax(8rem, 1fr))',
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dayHead: {
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  outside: { color: tokens.colorNeutralForeground3 },
  hours: { position: 'relative' },
  hour: {
    position: 'absolute',
    left: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  dayColumn: {
    position: 'relative',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundImage: `repeating-linear-gradient(to bottom, ${tokens.colorNeutralStroke3} 0, ${tokens.colorNeutralStroke3} 1px, transparent 1px, transparent 60px)`,
    touchAction: 'none',
  },
  block: {
    position: 'absolute',
    left: tokens.spacingHorizontalXXS,
    right: tokens.spacingHorizontalXXS,
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXS,
    overflow: 'hidden',
    textAlign: 'left',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'grab',
    touchAction: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  pending: {
    ...shorthands.borderStyle('dashed'),
    ...shorthands.borderWidth(tokens.strokeWidthThick),
    backgroundColor: tokens.colorNeutralBackground3,
  },
  unknown: { borderLeftWidth: tokens.strokeWidthThickest },
  blockTime: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  // The list (narrow, and the alternative to the picture).
  days: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  option: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  invitees: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 10rem',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
});
