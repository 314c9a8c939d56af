export { default } from './components/AnonymityScreen';
