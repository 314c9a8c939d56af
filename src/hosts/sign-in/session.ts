/** A signed-in user's access to Graph (or to the local tenant), the same for every mode. */
export interface SignInSession {
  /** A valid access token. Tokens stay in memory and are never logged or shown. */
  getToken(): Promise<string>;
  /**
   * A fresh sign-in of the same person after their token was refused (expired, revoked, or the
   * host wants them to act): interactive where the host needs it, so call it from a click.
   */
  signInAgain?: () => Promise<void>;
  /** Forgets the user (local mode's "switch user"); absent where the host owns the session. */
  signOut?: () => void;
}

/** Silent sign-in was not possible: the user has to act (a button starts the popup). */
export class SignInRequiredError extends Error {
  constructor() {
    super('Sign-in needs you to continue.');
    this.name = 'SignInRequiredError';
  }
  /** The kind of failure the gateways and screens know it by (core/failures.ts). */
  readonly kind = 'signed-out' as const;
}
