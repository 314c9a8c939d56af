/** The timeline feature: a self-contained picture of the period under review, given plain data. */
export { Timeline, NARROW_WIDTH, type TimelineProps } from './components/Timeline';
export {
  layoutTimeline,
  itemKey,
  type TimelineData,
  type TimelineItem,
  type TimelineEpisode,
  type TimelinePoint,
  type TimelineDeadline,
  type TimelineLayout,
  type Valence,
} from './hooks/timeline-layout';
export { describeItem } from './hooks/useTimeline';
export { timelineDataFromReview, dayInLondon } from './hooks/timeline-data';
