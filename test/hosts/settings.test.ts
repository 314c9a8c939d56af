import { LOCAL_TENANT_META, readBuildSettings } from '../../src/hosts/settings';

function pageWithMeta(content: string | null) {
  return {
    querySelector: (selector: string) =>
      content !== null && selector === `meta[name="${LOCAL_TENANT_META}"]`
        ? ({ content } as HTMLMetaElement)
        : null,
  } as Pick<Document, 'querySelector'>;
}

describe('build settings', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('local mode by default, with the local tenant at its default address', () => {
    delete process.env.CRW_MODE;
    delete process.env.LOCAL_TENANT_URL;
    const settings = readBuildSettings(pageWithMeta(null));
    expect(settings.mode).toBe('local');
    expect(settings.localTenantUrl).toBe('http://localhost:4000');
    expect(settings.sitesPermission).toBe('Sites.Manage.All');
  });

  test('the serving page may point a local build at another local tenant, with an http(s) address only', () => {
    delete process.env.CRW_MODE;
    expect(readBuildSettings(pageWithMeta('http://localhost:45123')).localTenantUrl).toBe(
      'http://localhost:45123',
    );
    expect(readBuildSettings(pageWithMeta('javascript:alert(1)')).localTenantUrl).toBe(
      'http://localhost:4000',
    );
  });

  test('a Microsoft 365 build ignores the page override', () => {
    process.env.CRW_MODE = 'microsoft365';
    process.env.CRW_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
    const settings = readBuildSettings(pageWithMeta('http://attacker.example'));
    expect(settings.mode).toBe('microsoft365');
    expect(settings.localTenantUrl).toBe('http://localhost:4000');
    expect(settings.clientId).toBe('11111111-2222-3333-4444-555555555555');
  });
});
