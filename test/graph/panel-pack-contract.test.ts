import { reviewFromDemo } from '../../src/core';
import { openArtefactLibrary, preparePanelPack, saveReportExport } from '../../src/graph/artefacts';
import { createGraphClient } from '../../src/graph/client';
import { provisionLists, resolveSite } from '../../src/graph/review-site/provisioning';
import { ARTEFACTS_LIBRARY } from '../../src/graph/review-site/schema';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import { exportFindingsDocx } from '../../src/word/docx-export';
import { panelPackFiles } from '../../src/word/panel-pack';
import { describeContract, hasOperation, validateRequestBody } from '../contract/openapi';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * The requests the report export and the panel pack send (a folder, uploads, details, the invite)
 * checked against Microsoft's OpenAPI description of Graph v1.0.
 */
describeContract('report export and panel pack requests against the Graph OpenAPI subset', () => {
  let t: TestTenant;
  const sent: { method: string; path: string; body: unknown }[] = [];
  beforeAll(async () => {
    t = await startTestTenant();
  });
  afterAll(() => t.close());

  it('sends only documented bodies', async () => {
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(),
      fetchImpl: async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.startsWith(t.tenant.graphBase)) {
          const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
          const path = url.replace(/^https?:\/\/[^/]+\/v1\.0/, '').split('?')[0]!;
          sent.push({ method: (init?.method ?? 'GET').toUpperCase(), path: decodeURIComponent(path), body });
        }
        return fetch(input, init);
      },
    });
    const site = await resolveSite(client, {
      hostname: 'northmoor.sharepoint.com',
      path: `/sites/${demo.review.referenceCode}`,
    });
    await provisionLists(client, site, [ARTEFACTS_LIBRARY]);
    const library = await openArtefactLibrary(client, site.siteId, {
      referenceCode: demo.review.referenceCode,
    });
    const { workspace } = reviewFromDemo(demo);
    const source = { findings: workspace.findings, keyPracticeEpisodes: workspace.keyPracticeEpisodes };
    await saveReportExport(library, {
      content: await exportFindingsDocx(source, { referenceCode: 'CR-2026-014' }),
    }).done;
    const at = new Date('2026-11-29T12:00:00Z');
    await preparePanelPack(library, {
      folderName: `CR-2026-014 panel pack contract`,
      files: await panelPackFiles(workspace, at),
      panel: [{ email: 'graham.whitfield@northmoor.example' }],
    });

    const writes = sent
      .filter((s) => s.method === 'POST' || s.method === 'PATCH')
      .filter((s) => s.body !== undefined);
    const problems = writes
      .filter((w) => hasOperation(w.method, w.path))
      .flatMap((w) => validateRequestBody(w.method, w.path, w.body));
    expect(problems).toEqual([]);
    const checked = writes
      .filter((w) => hasOperation(w.method, w.path))
      .map((w) => `${w.method} ${w.path.split('/').slice(-1)[0]}`);
    expect(checked).toEqual(expect.arrayContaining(['POST children', 'POST invite']));
  });
});
