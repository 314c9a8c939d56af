/** Counts since start or the last DELETE /_local/stats (GET /_local/stats); the benchmarks read them. */
export class RequestStats {
  /** HTTP requests to /v1.0 and to pre-authenticated upload/download URLs (a batch counts once). */
  httpRequests = 0;
  /** Graph operations run, counting each part of a batch. */
  operations = 0;
  /** Faults injected, before and after the write. */
  faultsInjected = 0;
  /** Of those, the faults that struck after the write was committed (dropAfterWrite, gatewayTimeoutAfterWrite). */
  faultsAfterWrite = 0;
  /** Requests answered 429 because their mailbox already had four in flight (mailbox-concurrency.ts). */
  mailboxConcurrencyThrottled = 0;
  reset() {
    this.httpRequests = this.operations = this.faultsInjected = this.faultsAfterWrite = 0;
    this.mailboxConcurrencyThrottled = 0;
  }
  toJSON() {
    return {
      httpRequests: this.httpRequests,
      operations: this.operations,
      faultsInjected: this.faultsInjected,
      faultsAfterWrite: this.faultsAfterWrite,
      mailboxConcurrencyThrottled: this.mailboxConcurrencyThrottled,
    };
  }
}
