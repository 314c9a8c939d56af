import { run } from './run';

const webpack = require.resolve('webpack/bin/webpack.js');

describe('a production build for deployment', () => {
  test('fails before building when the client id and base URL are missing, naming both', () => {
    const result = run([webpack, '--mode', 'production']);
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('CRW_CLIENT_ID');
    expect(output).toContain('CRW_BASE_URL');
  });

  test('names the one setting still missing', () => {
    const result = run([webpack, '--mode', 'production'], {
      CRW_CLIENT_ID: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    });
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('CRW_BASE_URL');
    expect(output).not.toContain('CRW_CLIENT_ID (');
  });
});
