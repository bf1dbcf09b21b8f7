import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { term, transcriptOf, type Transcript } from '../testing';

/**
 * `kubectl get` transcripts, written from kubernetes pkg/printers/internalversion/printers.go (column
 * definitions; printPod, printService + getServiceExternalIP + makePortString, formatEndpoints,
 * printEndpointSlice + formatDiscoveryPorts/Endpoints + listWithMoreString, printIngress + formatHosts +
 * formatPorts, printNetworkPolicy + metav1.FormatLabelSelector), kubectl's tabwriter
 * (printers.GetNewTabWriter: minwidth 6, padding 3), staging/src/k8s.io/kubectl/pkg/cmd/get/get.go
 * (`No resources found in %s namespace.`, `kind.group/name` when several types print), the API server's
 * NotFound status text, and the v1.33 Endpoints deprecation warning. AGE is the fixed `5m` (see `help`).
 */
const ROWS: Transcript[] = [
  [
    'pods -o wide',
    'kubectl get pods -n shop -o wide',
    undefined,
    0,
    'NAME       READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES\napi-0      1/1     Running   0          5m    10.244.2.10   node-2   <none>           <none>\napi-1      1/1     Running   0          5m    10.244.1.11   node-1   <none>           <none>\ndb         1/1     Running   0          5m    10.244.3.10   node-3   <none>           <none>\nisolated   1/1     Running   0          5m    10.244.3.11   node-3   <none>           <none>\ntoolbox    1/1     Running   0          5m    10.244.2.11   node-2   <none>           <none>\nweb        1/1     Running   0          5m    10.244.1.10   node-1   <none>           <none>\n',
    '',
  ],
  ['pods by label, with labels', 'kubectl get po -n shop -l app=api --show-labels', undefined, 0, 'NAME    READY   STATUS    RESTARTS   AGE   LABELS\napi-0   1/1     Running   0          5m    app=api\napi-1   1/1     Running   0          5m    app=api\n', ''],
  ['one pod by name', 'kubectl get pod web -n shop', undefined, 0, 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m\n', ''],
  [
    'services -o wide: the selector column',
    'kubectl get svc -n shop -o wide',
    undefined,
    0,
    'NAME     TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)    AGE   SELECTOR\napi      ClusterIP   10.96.100.10   <none>        80/TCP     5m    app=api\ndb       ClusterIP   10.96.100.20   <none>        5432/TCP   5m    app=db\norphan   ClusterIP   10.96.100.30   <none>        80/TCP     5m    app=nothing\nweb      ClusterIP   10.96.100.40   <none>        80/TCP     5m    app=web\n',
    '',
  ],
  [
    'endpoints: ip:port sorted by IP, <none> for a Service without endpoints, and the deprecation warning',
    'kubectl get endpoints -n shop',
    undefined,
    0,
    'NAME     ENDPOINTS                           AGE\napi      10.244.1.11:8080,10.244.2.10:8080   5m\ndb       10.244.3.10:5432                    5m\norphan   <none>                              5m\nweb      10.244.1.10:80                      5m\n',
    'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
  ],
  ['network policies: the pod selector', 'kubectl get netpol -n shop', undefined, 0, 'NAME                 POD-SELECTOR   AGE\ndb-from-api          app=db         5m\nisolated-no-egress   app=isolated   5m\n', ''],
  ['ingresses: class, hosts, the load balancer address ingress-nginx publishes', 'kubectl get ing -n shop', undefined, 0, 'NAME   CLASS   HOSTS              ADDRESS          PORTS   AGE\nshop   nginx   shop.example.com   172.18.255.200   80      5m\n', ''],
  [
    'two types: one table each, names prefixed with the kind',
    'kubectl get po/web svc/web -n shop',
    undefined,
    0,
    'NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          5m\n\nNAME          TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\nservice/web   ClusterIP   10.96.100.40   <none>        80/TCP    5m\n',
    '',
  ],
  ['-o name', 'kubectl get netpol -n shop -o name', undefined, 0, 'networkpolicy.networking.k8s.io/db-from-api\nnetworkpolicy.networking.k8s.io/isolated-no-egress\n', ''],
  ['an empty namespace', 'kubectl get pods', undefined, 0, 'NAME    READY   STATUS    RESTARTS   AGE\ndebug   1/1     Running   0          5m\n', ''],
  ['a namespace that does not exist lists nothing', 'kubectl get pods -n nope', undefined, 0, '', 'No resources found in nope namespace.\n'],
  ['a name that does not exist', 'kubectl get pod nope -n shop', undefined, 1, '', 'Error from server (NotFound): pods "nope" not found\n'],
  ['an unknown resource type', 'kubectl get widgets', undefined, 1, '', 'error: the server doesn\'t have a resource type "widgets"\n'],
  ['an unknown flag', 'kubectl get pods --bogus', undefined, 1, '', "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"],
  ['an unknown shorthand flag', 'kubectl get pods -z', undefined, 1, '', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
  ['an unknown output format', 'kubectl get pods -o table', undefined, 1, '', 'error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n'],
  ['an unknown command', 'kubectl frob', undefined, 1, '', 'error: unknown command "frob" for "kubectl"\nRun \'kubectl --help\' for usage.\n'],
];

describe('kubectl get', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });

  it('-A adds the NAMESPACE column and lists the system Services every cluster has', () => {
    const out = term('kubectl get svc -A').stdout.split('\n');
    expect(out[0]).toBe('NAMESPACE       NAME                       TYPE           CLUSTER-IP      EXTERNAL-IP      PORT(S)                      AGE');
    expect(out.map((l) => l.split(/\s+/).slice(0, 2).join('/'))).toEqual(expect.arrayContaining(['default/kubernetes', 'kube-system/kube-dns', 'shop/api', 'ingress-nginx/ingress-nginx-controller']));
    expect(out.find((l) => l.includes('ingress-nginx-controller'))).toMatch(/LoadBalancer\s+\S+\s+172\.18\.255\.200\s+80:\d+\/TCP,443:\d+\/TCP/);
  });

  it('-o yaml prints the object the API server stores: sorted keys, defaults and status', () => {
    const r = term('kubectl get svc api -n shop -o yaml');
    expect(r.stdout.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n')).toBe(true);
    expect(parse(r.stdout)).toMatchObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: 'shop' },
      spec: { clusterIP: '10.96.100.10', clusterIPs: ['10.96.100.10'], ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }], selector: { app: 'api' }, sessionAffinity: 'None', type: 'ClusterIP', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
      status: { loadBalancer: {} },
    });
    // sigs.k8s.io/yaml writes a sequence at its key's indentation.
    expect(r.stdout).toContain('  clusterIPs:\n  - 10.96.100.10\n');
  });

  it('-o json of a list is a List with 4-space indentation', () => {
    const r = term('kubectl get endpointslices -n shop -l kubernetes.io/service-name=api -o json');
    const doc = JSON.parse(r.stdout) as { kind: string; items: { addressType: string; endpoints: { addresses: string[]; conditions: { ready: boolean } }[] }[] };
    expect(r.stdout.split('\n')[1]).toBe('    "apiVersion": "v1",');
    expect(doc.kind).toBe('List');
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]!.endpoints.map((e) => e.addresses[0]).sort()).toEqual(['10.244.1.11', '10.244.2.10']);
  });

  it('marks each name as a link to its object (an Endpoints row to its Service)', () => {
    const links = (line: string) => term(line).output.filter((c) => c.object).map((c) => [c.text, c.object]);
    expect(links('kubectl get svc -n shop')).toEqual([['api', 'Service/shop/api'], ['db', 'Service/shop/db'], ['orphan', 'Service/shop/orphan'], ['web', 'Service/shop/web']]);
    expect(links('kubectl get ep db -n shop')).toEqual([['db', 'Service/shop/db']]);
  });
});
