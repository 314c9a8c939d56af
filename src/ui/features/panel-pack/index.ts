export { default } from './components/PanelScreen';
