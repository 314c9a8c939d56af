export { default } from './components/DashboardScreen';
