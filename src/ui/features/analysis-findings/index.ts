/**
 * The tab's findings (issue 11): the findings in priority order and each finding's editor, with
 * the Board's response and actions (`/findings`, `/findings/:id`); the Board's tracking of every
 * action is actions.ts (`/actions`). The Word task pane's own findings screen (insert into the
 * report) is ../findings.
 */
export { default } from './components/FindingsScreen';
