/** What the task pane's entry loads inside Word: the report and anonymity gateways over office.js. */
import { buildIdentifierMatcher } from '../core/anonymity/identifier-matcher';
import { AnonymityCheck, matcherFromRegister } from './anonymity';
import type { WordGateways } from './gateway';
import { officeWordHost, type WordHost } from './host';
import { WordReport } from './report';

export function wordGateways(host: WordHost = officeWordHost()): WordGateways {
  const check = new AnonymityCheck(host);
  return {
    report: new WordReport(host),
    anonymity: {
      check: async (entries) => {
        const matcher = buildIdentifierMatcher(entries);
        const report = await check.check(
          matcherFromRegister(matcher, {
            entries: entries.map((e) => ({ id: e.id, replacement: e.replacement })),
          }),
        );
        return { ...report, warnings: matcher.warnings.map((w) => w.message) };
      },
      goTo: (hit) => check.goTo(hit),
      replaceAll: (hits) => check.replaceAll(hits),
    },
  };
}
