export { default } from './components/SettingsScreen';
