export { default } from './components/ExportScreen';
