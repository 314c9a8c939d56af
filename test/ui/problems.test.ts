import { GraphError } from '@microsoft/microsoft-graph-client';
import { GatewayError } from '../../src/core/errors';
import { ProvisioningError } from '../../src/graph/review-site';
import { toGatewayError } from '../../src/graph/workspace';
import { LocalTenantUnavailableError } from '../../src/hosts/sign-in/local';
import { formatCount } from '../../src/ui/shell/format';
import { describeProblem } from '../../src/ui/shell/problems';

describe('problems in plain language', () => {
  test('Graph failures become short explanations that carry nothing from the error itself', () => {
    const leaky = new GraphError(403, 'Access denied for priya.raman@northmoor.example, token eyJ0eXAi...');
    const problem = describeProblem(toGatewayError(leaky));
    expect(problem.title).toBe('You do not have access to this review.');
    expect(JSON.stringify(problem)).not.toMatch(/priya|eyJ0/);
    expect(describeProblem(toGatewayError(new GraphError(404))).title).toMatch(/could not be found/);
    expect(describeProblem(toGatewayError(new GraphError(429))).title).toBe('Microsoft 365 is busy.');
    expect(describeProblem(new LocalTenantUnavailableError()).detail).toMatch(/npm start/);
    expect(describeProblem(new LocalTenantUnavailableError()).detail).not.toMatch(/`/);
    // The register's site not answering is said as such, never as "ask to be added".
    const unavailable = describeProblem(
      toGatewayError(
        new ProvisioningError('The identity register’s site did not answer (503 serviceNotAvailable).'),
      ),
    );
    expect(unavailable.title).toBe('The identity register could not be opened.');
    expect(JSON.stringify(unavailable)).not.toMatch(/ask|added|503/i);
    expect(describeProblem(new Error('Jade Whitcombe')).detail).not.toMatch(/Jade/);
    // Screens choose their words by the kind of failure, never by a message's text.
    expect(describeProblem(new GatewayError('conflict', 'Jade Whitcombe')).title).toBe(
      'Someone else changed this at the same time.',
    );
    expect(toGatewayError(new GraphError(412))).toMatchObject({ kind: 'conflict' });
    expect(toGatewayError(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'offline' });
  });

  test('counts read as en-GB text', () => {
    expect(formatCount(1, 'person', 'people')).toBe('1 person');
    expect(formatCount(1200, 'person', 'people')).toBe('1,200 people');
  });
});
