export { default } from './components/ScheduleScreen';
