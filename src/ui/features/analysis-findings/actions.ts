/** `/actions`: every Board action across the findings, for the Board's tracking. */
export { default } from './components/ActionsScreen';
