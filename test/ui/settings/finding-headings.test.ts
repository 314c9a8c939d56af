/** The finding headings' check on the settings screen: the core's messages, by heading. */
import { DEFAULT_FINDING_HEADINGS } from '../../../src/core/model/finding';
import { checkHeadings } from '../../../src/ui/features/settings/hooks/useFindingHeadings';

test('an empty heading is refused with the core message, by heading; good headings pass', () => {
  expect(checkHeadings(DEFAULT_FINDING_HEADINGS)).toEqual({});
  const errors = checkHeadings({ ...DEFAULT_FINDING_HEADINGS, whyItMatters: '  ' });
  expect(Object.keys(errors)).toEqual(['whyItMatters']);
  expect(errors.whyItMatters).toMatch(/third section/i);
});
