/** The `/timeline` route's screen (the Timeline component itself is index.ts, for any screen to use). */
export { default } from './components/TimelineScreen';
