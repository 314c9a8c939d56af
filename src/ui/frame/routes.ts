import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen of a page's route map. Each is a feature folder loaded when its route first opens
 * (React.lazy over a dynamic import: its own webpack chunk). The path is also the Teams tab's
 * subPageId, so a deep link reopens exactly that screen.
 */
export interface FrameRoute {
  /** The screen's paths, e.g. ['/people', '/people/:id']; the first is where the menu goes. */
  paths: string[];
  /** Its name in the tabs, the menu and the narrow heading. */
  label: string;
  screen: LazyExoticComponent<ComponentType> & { preload?: () => Promise<unknown> };
  /** Not offered in the tabs or the menu (reached from another screen). */
  hidden?: boolean;
}

/** A screen loaded when first shown; `preload` fetches its chunk earlier (the same chunk, once). */
export const feature = (load: () => Promise<{ default: ComponentType }>) =>
  Object.assign(lazy(load), { preload: load });

/** The screen's path in a page address's hash ("#/people/1" -> "/people/1"). */
export const hashPath = (hash: string) => hash.replace(/^#/, '').split('?')[0] || '/';

/** The route a path belongs to: its first segment. */
export function routeOf(routes: readonly FrameRoute[], pathname: string): FrameRoute | undefined {
  const first = `/${pathname.split('/').filter(Boolean)[0] ?? ''}`;
  return routes.find((r) => r.paths.some((p) => p === first || p.startsWith(`${first}/`)));
}
