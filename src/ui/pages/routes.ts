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
const findings = feature(() => import(/* webpackChunkName: "findings" */ '../features/findings'));
const reportExport = feature(
  () => import(/* webpackChunkName: "report-export" */ '../features/report-export'),
);
const brief = feature(() => import(/* webpackChunkName: "brief" */ '../features/report-parts/brief'));
const outline = feature(() => import(/* webpackChunkName: "outline" */ '../features/report-parts/outline'));
const anonymity = feature(() => import(/* webpackChunkName: "anonymity" */ '../features/anonymity'));
const kpes = feature(() => import(/* webpackChunkName: "kpes" */ '../features/kpes'));
const settings = feature(() => import(/* webpackChunkName: "settings" */ '../features/settings'));
const panelPack = feature(() => import(/* webpackChunkName: "panel-pack" */ '../features/panel-pack'));
const schedule = feature(() => import(/* webpackChunkName: "scheduling" */ '../features/scheduling'));
const analysisFindings = feature(
  () => import(/* webpackChunkName: "analysis-findings" */ '../features/analysis-findings'),
);
const boardActions = feature(
  () => import(/* webpackChunkName: "board-actions" */ '../features/analysis-findings/actions'),
);
const timeline = feature(() => import(/* webpackChunkName: "timeline" */ '../features/timeline/screen'));
const conversations = feature(
  () => import(/* webpackChunkName: "conversations" */ '../features/conversations'),
);
const summary = feature(() => import(/* webpackChunkName: "summary" */ '../features/summary'));

const setup = feature(() => import(/* webpackChunkName: "setup-screen" */ '../features/review-setup'));

/** The Teams tab. */
export const TAB_ROUTES: readonly FrameRoute[] = [
  { paths: ['/'], label: 'Dashboard', screen: dashboard },
  { paths: ['/people', '/people/:id'], label: 'People', screen: people },
  { paths: ['/schedule'], label: 'Schedule', screen: schedule },
  { paths: ['/conversations', '/conversations/:id'], label: 'Conversations', screen: conversations },
  { paths: ['/artefacts', '/artefacts/:id'], label: 'Artefacts', screen: artefacts },
  { paths: ['/kpes', '/kpes/:id'], label: 'Key practice episodes', screen: kpes },
  { paths: ['/findings', '/findings/:id'], label: 'Findings', screen: analysisFindings },
  { paths: ['/actions'], label: 'Board actions', screen: boardActions },
  { paths: ['/timeline', '/timeline/:kind/:id'], label: 'Timeline', screen: timeline },
  { paths: ['/register'], label: 'Identity register', screen: register },
  { paths: ['/panel-pack'], label: 'Panel pack', screen: panelPack },
  { paths: ['/settings'], label: 'Settings', screen: settings },
  { paths: ['/setup'], label: 'Set up the review', screen: setup, hidden: true },
];

/** The Word task pane: its own map on the same frame (the report's screens come here). */
export const PANE_ROUTES: readonly FrameRoute[] = [
  { paths: ['/'], label: 'People', screen: summary },
  { paths: ['/findings'], label: 'Findings', screen: findings },
  { paths: ['/brief'], label: 'Findings in brief', screen: brief },
  { paths: ['/outline'], label: 'Report outline', screen: outline },
  { paths: ['/anonymity'], label: 'Anonymity check', screen: anonymity },
  { paths: ['/export'], label: 'Export', screen: reportExport },
  { paths: ['/panel-pack'], label: 'Panel pack', screen: panelPack },
  { paths: ['/people', '/people/:id'], label: 'Person', screen: people, hidden: true },
];
