export { default } from './components/ConversationsScreen';
