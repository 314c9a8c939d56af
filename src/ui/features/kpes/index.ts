export { default } from './components/KpesScreen';
