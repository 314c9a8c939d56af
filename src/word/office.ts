/** What the task pane's entry loads inside Word: the report gateway over office.js. */
export { WordReport } from './report';
export { officeWordHost } from './host';
