/** The kinds of injected fault, as the fault rules name their probabilities (faults.ts). */
export type FaultKind =
  'throttle' | 'unavailable' | 'gatewayTimeout' | 'drop' | 'dropAfterWrite' | 'gatewayTimeoutAfterWrite';

const noFaults = (): Record<FaultKind, number> => ({
  throttle: 0,
  unavailable: 0,
  gatewayTimeout: 0,
  drop: 0,
  dropAfterWrite: 0,
  gatewayTimeoutAfterWrite: 0,
});

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
  /**
   * The faults injected by kind (their sum is `faultsInjected`). A `dropAfterWrite` inside a batch,
   * where a part cannot drop, is answered 504 but still counts as `dropAfterWrite`.
   */
  faultsByKind: Record<FaultKind, number> = noFaults();
  /** Requests answered 429 because their mailbox already had four in flight (mailbox-concurrency.ts). */
  mailboxConcurrencyThrottled = 0;
  reset() {
    this.httpRequests = this.operations = this.faultsInjected = this.faultsAfterWrite = 0;
    this.mailboxConcurrencyThrottled = 0;
    this.faultsByKind = noFaults();
  }

  /** Counts one injected fault of `kind`. */
  fault(kind: FaultKind): void {
    this.faultsInjected++;
    if (kind === 'dropAfterWrite' || kind === 'gatewayTimeoutAfterWrite') this.faultsAfterWrite++;
    this.faultsByKind[kind]++;
  }
  toJSON() {
    return {
      httpRequests: this.httpRequests,
      operations: this.operations,
      faultsInjected: this.faultsInjected,
      faultsAfterWrite: this.faultsAfterWrite,
      mailboxConcurrencyThrottled: this.mailboxConcurrencyThrottled,
      faultsByKind: { ...this.faultsByKind },
    };
  }
}
