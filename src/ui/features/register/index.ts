export { default } from './components/RegisterScreen';
