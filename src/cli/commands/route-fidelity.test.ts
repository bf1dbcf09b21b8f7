import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

/** `knet route --json`: `redirect.location`, `upstream`, `--sni`, `--from`, tcp/udp URLs (ING-17, GW-17..20). */
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: moved
  annotations: {nginx.ingress.kubernetes.io/permanent-redirect: "https://new.example.com$request_uri"}
spec:
  rules: [{host: old.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules: [{host: web.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
`;
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gc}
---
apiVersion: v1
kind: Secret
metadata: {name: cert}
type: kubernetes.io/tls
data: {tls.crt: "", tls.key: ""}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: gc
  listeners:
  - {name: foo, protocol: HTTPS, port: 443, hostname: foo.example.com, tls: {certificateRefs: [{name: cert}]}}
  - {name: any, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: {certificateRefs: [{name: cert}]}}
  - {name: dns, protocol: UDP, port: 53}
`;
type Doc = { results: { entry: Record<string, unknown>; status: number; connection?: string; redirect?: { location: string }; upstream?: { host: string; path: string; headers: Record<string, string> } }[] };

describe('knet route (fidelity round 2)', () => {
  it('prints redirect.location for an annotation redirect, and upstream for a forwarded request', async () => {
    const moved = JSON.parse((await runKnet(['route', 'in.yaml', '--url', 'http://old.example.com/a?b=1', '--json'], { 'in.yaml': INGRESS })).stdout) as Doc;
    expect(moved.results[0]).toMatchObject({ status: 301, redirect: { location: 'https://new.example.com/a?b=1' } });
    const web = JSON.parse((await runKnet(['route', 'in.yaml', '--url', 'http://web.example.com/x', '--json'], { 'in.yaml': INGRESS })).stdout) as Doc;
    expect(web.results[0]!.upstream).toMatchObject({ host: 'web.example.com', path: '/x' });
  });

  it('--sni sends a TLS server name other than the Host: 421 when they pick different listeners', async () => {
    const r = await runKnet(['route', 'in.yaml', '--url', 'https://foo.example.com/', '--sni', 'bar.example.com', '--json'], { 'in.yaml': GATEWAY });
    expect(r.code).toBe(EXIT.OK);
    expect((JSON.parse(r.stdout) as Doc).results[0]).toMatchObject({ status: 421, entry: { kind: 'Gateway', listener: 'any' } });
  });

  it('an https:// URL to a port with no listener reports a refused connection (status 0), not 404', async () => {
    const r = await runKnet(['route', 'in.yaml', '--url', 'https://foo.example.com:8443/', '--json'], { 'in.yaml': GATEWAY });
    expect((JSON.parse(r.stdout) as Doc).results[0]).toMatchObject({ status: 0, connection: 'refused', entry: { listener: null } });
    const human = await runKnet(['route', 'in.yaml', '--url', 'https://foo.example.com:8443/'], { 'in.yaml': GATEWAY });
    expect(human.stdout).toContain('no HTTP answer (connection refused)');
  });

  it('accepts udp:// URLs for Gateway UDP listeners (no UDPRoute here: the datagram is dropped)', async () => {
    const r = await runKnet(['route', 'in.yaml', '--url', 'udp://gw.example.com:53', '--json'], { 'in.yaml': GATEWAY });
    expect((JSON.parse(r.stdout) as Doc).results[0]).toMatchObject({ entry: { listener: 'dns' }, status: 0, connection: 'reset' });
  });

  it('--from asks a pod\'s mesh routes; bad usage is exit 2, an unknown pod exit 1', async () => {
    expect((await runKnet(['route', 'in.yaml', '--url', 'http://web/', '--from', 'default/nope'], { 'in.yaml': INGRESS })).code).toBe(EXIT.INPUT);
    expect((await runKnet(['route', 'in.yaml', '--url', 'http://web/', '--sni', 'x'], { 'in.yaml': INGRESS })).code).toBe(EXIT.USAGE);
    const r = await runKnet(['route', 'in.yaml', '--url', 'http://web/', '--from', 'default/web', '--json'], { 'in.yaml': INGRESS });
    expect((JSON.parse(r.stdout) as Doc).results[0]).toMatchObject({ entry: { kind: 'Service', name: 'web', port: 80 }, status: 200 });
  });
});
