import { currentReview } from '../../src/ui/frame/ReviewFrame';
import { routeOf } from '../../src/ui/frame/routes';
import { groupByRole } from '../../src/ui/features/people/hooks/usePeople';
import { PANE_ROUTES, TAB_ROUTES } from '../../src/ui/pages/routes';
import { openDeepLink } from '../../src/ui/pages/ReviewPage';
import { formatDay, todayInLondon, workingDaysPhrase } from '../../src/ui/shell/dates';

describe('the review frame', () => {
  test('people are grouped in the order of the method, empty roles left out', () => {
    const groups = groupByRole([
      { id: '1', role: 'family', pseudonym: 'Child S', relationship: 'subject child' },
      {
        id: '2',
        role: 'lead-reviewer',
        name: 'Ruth Okonkwo-Hale',
        label: 'Lead reviewer',
        jobRole: 'Lead reviewer',
      },
    ]);
    expect(groups.map((g) => [g.role, g.heading])).toEqual([
      ['lead-reviewer', 'Lead reviewers'],
      ['family', 'Family (by pseudonym)'],
    ]);
  });

  test("the review shown: the user's choice, else the tab's Team in Teams, else the first", () => {
    const reviews = [
      { id: 'g1', displayName: 'CR-2026-014 Learning review', reference: 'CR-2026-014' },
      { id: 'g2', displayName: 'CR-2026-020 Rapid review', reference: 'CR-2026-020' },
    ];
    expect(currentReview(reviews, {}, null)?.id).toBe('g1');
    expect(currentReview(reviews, {}, 'g2')?.id).toBe('g2');
    expect(currentReview(reviews, { groupId: 'g2' }, null)?.id).toBe('g2');
    expect(currentReview([], {}, null)).toBeNull();
    expect(currentReview([], { groupId: 'g9', teamName: 'CR-2027-001 Review' }, null)).toEqual({
      id: 'g9',
      displayName: 'CR-2027-001 Review',
      reference: 'CR-2027-001',
    });
  });

  test('a path belongs to its route by the first segment; deep links to items land on their screen', () => {
    expect(routeOf(TAB_ROUTES, '/')?.label).toBe('Dashboard');
    expect(routeOf(TAB_ROUTES, '/people/abc')?.label).toBe('People');
    expect(routeOf(TAB_ROUTES, '/artefacts/x')?.label).toBe('Artefacts');
    expect(routeOf(TAB_ROUTES, '/kpes/abc')?.label).toBe('Key practice episodes');
    expect(routeOf(TAB_ROUTES, '/settings')?.label).toBe('Settings');
    expect(routeOf(TAB_ROUTES, '/nowhere')).toBeUndefined();
    expect(routeOf(PANE_ROUTES, '/people/abc')?.hidden).toBe(true);
  });

  test("a Teams deep link's subPageId becomes the route, unless the address already names one", () => {
    const history: string[] = [];
    const win = (hash: string) =>
      ({
        location: { hash },
        history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => history.push(url) },
      }) as unknown as Window;
    openDeepLink({ kind: 'teams', theme: 'light', subPageId: '/people/abc' }, win(''));
    openDeepLink({ kind: 'teams', theme: 'light', subPageId: '/people/abc' }, win('#/artefacts'));
    openDeepLink({ kind: 'teams', theme: 'light', subPageId: 'javascript:alert(1)' }, win(''));
    openDeepLink({ kind: 'teams', theme: 'light', subPageId: '/kpes/kpe-3' }, win('#/'));
    expect(history).toEqual(['#/people/abc', '#/kpes/kpe-3']);
  });

  test('dates read as en-GB, deadlines in working days', () => {
    expect(formatDay('2026-03-02')).toBe('Mon 2 March 2026');
    expect(workingDaysPhrase('2026-03-06', '2026-03-02')).toBe('in 4 working days');
    expect(workingDaysPhrase('2026-03-02', '2026-03-02')).toBe('due today');
    expect(workingDaysPhrase('2026-02-26', '2026-03-02')).toBe('2 working days late');
    expect(workingDaysPhrase('2026-02-27', '2026-03-02')).toBe('1 working day late');
    // Europe/London: 23:30 UTC on 31 May is already 1 June in British Summer Time.
    expect(todayInLondon(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
  });
});
