/**
 * The pages' route maps (UI.md, "The tab's map"). Each screen is a feature folder under
 * src/ui/features, loaded when its route first opens; later screens (conversations, schedule,
 * KPEs, findings, settings) add a line here.
 */
import { feature, type FrameRoute } from '../frame/routes';

const dashboard = feature(() => import(/* webpackChunkName: "dashboard" */ '../features/dashboard'));
const people = feature(() => import(/* webpackChunkName: "people" */ '../features/people'));
const artefacts = feature(() => import(/* webpackChunkName: "artefacts" */ '../features/artefacts'));
const register = feature(() => import(/* webpackChunkName: "register" */ '../features/register'));
const summary = feature(() => import(/* webpackChunkName: "summary" */ '../features/summary'));

/** The Teams tab. */
export const TAB_ROUTES: readonly FrameRoute[] = [
  { paths: ['/'], label: 'Dashboard', screen: dashboard },
  { paths: ['/people', '/people/:id'], label: 'People', screen: people },
  { paths: ['/artefacts', '/artefacts/:id'], label: 'Artefacts', screen: artefacts },
  { paths: ['/register'], label: 'Identity register', screen: register },
];

/** The Word task pane: its own map on the same frame (the report's screens come here). */
export const PANE_ROUTES: readonly FrameRoute[] = [
  { paths: ['/'], label: 'People', screen: summary },
  { paths: ['/people', '/people/:id'], label: 'Person', screen: people, hidden: true },
];
