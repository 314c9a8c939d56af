/** The timeline's styles: Fluent tokens only, so the light, dark and high contrast themes follow. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../../../shell/styles/fragments';

export const FOCUS_RING_CLASS = 'crw-timeline-focus-ring';

export const useTimelineStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  viewport: {
    position: 'relative',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    touchAction: 'pan-y',
    cursor: 'grab',
  },
  dragging: { cursor: 'grabbing' },
  svg: { display: 'block' },
  axisLine: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tick: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  tickMajor: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  tickLabel: {
    fill: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  item: {
    cursor: 'pointer',
    outlineStyle: 'none',
    [`&:focus-visible .${FOCUS_RING_CLASS}`]: { stroke: tokens.colorStrokeFocus2, strokeWidth: 2 },
  },
  focusRing: { fill: 'none', stroke: 'none' },
  good: {
    fill: tokens.colorPaletteGreenBackground2,
    stroke: tokens.colorPaletteGreenBorderActive,
    strokeWidth: 1,
  },
  problematic: {
    fill: tokens.colorPaletteRedBackground2,
    stroke: tokens.colorPaletteRedBorderActive,
    strokeWidth: 1,
  },
  mixed: {
    fill: tokens.colorPaletteMarigoldBackground2,
    stroke: tokens.colorPaletteMarigoldBorderActive,
    strokeWidth: 1,
  },
  patternInk: { stroke: tokens.colorNeutralForeground1, fill: tokens.colorNeutralForeground1 },
  barLabel: {
    fill: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    pointerEvents: 'none',
  },
  point: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralBackground1, strokeWidth: 1.5 },
  meeting: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  deadline: { stroke: tokens.colorPaletteDarkOrangeBorderActive, strokeWidth: 2, strokeDasharray: '6 3' },
  deadlineFlag: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  deadlineLabel: {
    fill: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase100,
    fontFamily: tokens.fontFamilyBase,
  },
  hitArea: { fill: 'transparent', stroke: 'none' },
  listButton: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  listText: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  listMeta: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  swatch: { width: '28px', height: '12px', flexShrink: 0 },
  visuallyHidden,
});
