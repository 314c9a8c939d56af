export { default } from './components/PeopleScreen';
