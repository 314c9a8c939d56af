import { findMailbox } from './calendar/events';
import { GraphError } from './http/errors';
import type { TenantStore } from './store/database';
import type { DirectoryUser } from './store/entities';

/**
 * Exchange's MailboxConcurrency limit: Outlook runs at most four requests to one mailbox at once and
 * answers the others 429, code "ApplicationThrottled", message "Application is over its
 * MailboxConcurrency limit." (the body quoted in magodo/terraform-provider-outlook issue 21,
 * calcom/cal.diy pull request 343 and alcionai/corso issue 3695), with Retry-After (Graph sends 1 on
 * such 429s: msgraph-sdk-javascript issue 297). Microsoft's "Outlook service limits"
 * (throttling-limits.md) give "4 concurrent requests" for the Outlook resources (events, calendars,
 * calendar groups, messages, mail folders, contacts, photos, people).
 *
 * JSON batches: parts without dependsOn run in parallel, and against one mailbox all but four are
 * throttled (microsoft-graph-docs-contrib issue 5028: "we can only combine up to 4 change requests
 * when changing calendars. All other requests in the batch fail with a 429"; microsoft-graph-docs
 * issue 8760; a Microsoft Q&A answer advising `dependsOn`, whose parts run one after another). The
 * current throttling page says Graph itself keeps a batch to 4 parallel parts; the observed
 * behaviour, which is the stricter one, is what the local tenant emulates. The same page also
 * describes the concurrency limit as per app rather than per mailbox; the local tenant has one app
 * and counts per mailbox, as the error's name says.
 *
 * The count is real: a request holds its mailbox's slot from its arrival until its answer is ready,
 * injected latency (faults' latencyMs) included, so concurrent HTTP requests count as batch parts do.
 * Which mailbox a request addresses: /me/... and /users/{id|userPrincipalName|mail}/... on the
 * Outlook resources; getSchedule counts against the caller's own mailbox, whatever the path names.
 */

export const MAILBOX_CONCURRENCY_LIMIT = 4;
export const MAILBOX_CONCURRENCY_RETRY_AFTER_SECONDS = 1;

const OUTLOOK_PATH =
  /^\/(?:me|users\/([^/]+))\/(?:events|calendar|calendars|calendarview|calendargroups|mailboxsettings|messages|mailfolders|contacts|contactfolders|photo|people|findmeetingtimes)(?:\/|$)/i;
const GET_SCHEDULE = /\/calendar\/(?:microsoft\.graph\.)?getschedule\/?$/i;

export const mailboxConcurrencyExceeded = () =>
  new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
    'Retry-After': String(MAILBOX_CONCURRENCY_RETRY_AFTER_SECONDS),
  });

/** The id of the mailbox a request counts against, or undefined when it addresses no Outlook resource. */
export function addressedMailbox(
  store: TenantStore,
  path: string,
  caller: DirectoryUser,
): string | undefined {
  const m = OUTLOOK_PATH.exec(path);
  if (!m) return undefined;
  if (m[1] === undefined || GET_SCHEDULE.test(path)) return caller.id;
  let key: string;
  try {
    key = decodeURIComponent(m[1]);
  } catch {
    return undefined; // the router answers the malformed escape
  }
  const k = key.toLowerCase();
  if (k === caller.id || k === caller.userPrincipalName.toLowerCase() || k === caller.mail?.toLowerCase())
    return caller.id;
  return (store.get<DirectoryUser>('user', k) ?? findMailbox(store, key))?.id;
}

/** Requests in flight per mailbox. */
export class MailboxConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limit = MAILBOX_CONCURRENCY_LIMIT) {}

  /** Takes a slot of the mailbox: a release function, or undefined when the mailbox is at its limit. */
  acquire(mailboxId: string): (() => void) | undefined {
    const n = this.inFlight.get(mailboxId) ?? 0;
    if (n >= this.limit) return undefined;
    this.inFlight.set(mailboxId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(mailboxId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(mailboxId, left);
      else this.inFlight.delete(mailboxId);
    };
  }

  /** Requests now in flight to a mailbox. */
  current(mailboxId: string): number {
    return this.inFlight.get(mailboxId) ?? 0;
  }
}
