import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground, pasteAll, shot, type Browser } from './harness';

/**
 * Issue 15: a simulation reply leaves out what only a person looking needs, and the page asks the worker when
 * someone looks: the ranges of an edge's cites (the YAML highlight, the Inspector's links) and the Endpoints
 * panel (the `endpoints` query).
 */
const SCENARIO = (replicas: number) => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: demo
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 8080
`;

describe('what the page asks the worker for when someone looks', () => {
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
  });
  afterAll(async () => {
    await close?.();
  });

  it('highlights the YAML that decided a selected edge, and its Inspector link selects that YAML', async () => {
    await pasteAll(b.page, SCENARIO(2));
    const edge = b.page.locator('.react-flow__edge[data-from="Client/internet"][data-to="Service/demo/web"]');
    await edge.waitFor({ state: 'attached', timeout: 20_000 });
    await edge.locator('path').first().dispatchEvent('click');
    await b.page.waitForSelector('.monaco-editor .yaml-highlight', { timeout: 15_000 });
    await b.page.click('button[role="tab"]:has-text("Inspector")');
    const link = b.page.locator('.inspector .cites button.cite').first();
    await expect.poll(() => link.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await link.textContent()).toContain('Service/demo/web');
    await link.click();
    await b.page.waitForSelector('.monaco-editor .selected-text', { timeout: 15_000 });
    await shot(b.page, 'asked-cite');
  });

  it('lists each Service endpoint in the Endpoints panel, and one more after a replica is added', async () => {
    await pasteAll(b.page, SCENARIO(2));
    await b.page.waitForSelector('.react-flow__node[data-object="Service/demo/web"]', { timeout: 20_000 });
    await b.page.click('button[role="tab"]:has-text("Endpoints")');
    // The system Services (kube-dns, kubernetes) are listed too, in their own sections.
    const rows = b.page.locator('.endpoints section', { has: b.page.locator('h4 button', { hasText: 'Service/demo/web' }) }).locator('table.eps tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.first().textContent()).toMatch(/10\.244\.\d+\.\d+.*true.*Pod\/demo\/web-/);
    await pasteAll(b.page, SCENARIO(3));
    // The click into the editor that pasting takes selects a pod and opens the Inspector: back to Endpoints.
    await b.page.click('button[role="tab"]:has-text("Endpoints")');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    await shot(b.page, 'asked-endpoints');
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
