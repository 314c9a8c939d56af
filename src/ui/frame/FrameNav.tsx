import {
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
} from '@fluentui/react-components';
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

  return (
    <nav aria-label="Screens of the review">
      <TabList selectedValue={current?.paths[0]} onTabSelect={(_, data) => go(String(data.value))}>
        {shown.map((r) => (
          <Tab key={r.paths[0]} value={r.paths[0]!}>
            {r.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
