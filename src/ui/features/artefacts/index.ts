export { default } from './components/ArtefactsScreen';
