import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useLocation, useNavigate } from 'react-router';
import { routeOf, type FrameRoute } from './routes';

/**
 * Moving between screens. Wide: a TabList under the review's heading (Teams draws its own rails,
 * so there is no second left rail). Narrow: one menu button, named by the current screen.
 */
export function FrameNav({ routes, narrow }: { routes: readonly FrameRoute[]; narrow: boolean }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const shown = routes.filter((r) => !r.hidden);
  const current = routeOf(routes, pathname);
  const go = (path: string) => {
    if (path !== pathname) navigate(path);
  };

  if (narrow)
    return (
      <nav aria-label="Screens of the review">
        <Menu
          checkedValues={{ screen: current ? [current.paths[0]!] : [] }}
          onCheckedValueChange={(_, data) => data.checkedItems[0] && go(data.checkedItems[0])}
        >
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="subtle" aria-label={`${current?.label ?? 'Screens'}: choose a screen`}>
              {current?.label ?? 'Screens'}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {shown.map((r) => (
                <MenuItemRadio key={r.paths[0]} name="screen" value={r.paths[0]!}>
                  {r.label}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </nav>
    );

  // Tabs that do not fit the width go into a "More screens" menu at the end (Fluent's overflow
  // pattern); the current screen's tab is the last to go.
  return (
    <nav aria-label="Screens of the review">
      <Overflow minimumVisible={2}>
        <TabList selectedValue={current?.paths[0]} onTabSelect={(_, data) => go(String(data.value))}>
          {shown.map((r) => (
            <OverflowItem key={r.paths[0]} id={r.paths[0]!} priority={r === current ? 2 : 1}>
              <Tab value={r.paths[0]!}>{r.label}</Tab>
            </OverflowItem>
          ))}
          <MoreScreens routes={shown} onChoose={go} />
        </TabList>
      </Overflow>
    </nav>
  );
}

function MoreScreens({
  routes,
  onChoose,
}: {
  routes: readonly FrameRoute[];
  onChoose: (path: string) => void;
}) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          icon={<MoreHorizontalRegular />}
          // A tablist holds tabs only (ARIA): Fluent's overflow example gives its menu button this role.
          role="tab"
          aria-label={`More screens (${overflowCount})`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {routes.map((r) => (
            <HiddenScreen key={r.paths[0]} route={r} onChoose={onChoose} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A screen in the "More screens" menu while its tab does not fit. */
function HiddenScreen({ route, onChoose }: { route: FrameRoute; onChoose: (path: string) => void }) {
  const path = route.paths[0]!;
  if (useIsOverflowItemVisible(path)) return null;
  return <MenuItem onClick={() => onChoose(path)}>{route.label}</MenuItem>;
}
