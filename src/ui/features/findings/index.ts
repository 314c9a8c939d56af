export { default } from './components/FindingsScreen';
