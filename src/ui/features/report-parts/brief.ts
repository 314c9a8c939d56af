export { default } from './components/BriefScreen';
