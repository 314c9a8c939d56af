/** The pages' Content-Security-Policy (see content-security-policy.js). */
export function contentSecurityPolicy(options: {
  mode: 'local' | 'microsoft365';
  localTenantUrl?: string;
  development?: boolean;
}): string;
