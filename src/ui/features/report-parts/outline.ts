export { default } from './components/OutlineScreen';
