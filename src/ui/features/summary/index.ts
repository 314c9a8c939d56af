export { default } from './components/SummaryScreen';
