import { describe, expect, it } from 'vitest';
import { term, transcriptOf, type Transcript } from '../testing';

/**
 * `kubectl describe` transcripts, written from staging/src/k8s.io/kubectl/pkg/describe/describe.go:
 * describeService (Selector via labels.FormatLabels, `Port:\t%s\t%d/%s` with `<unset>` for an unnamed
 * port, TargetPort by number or name, Endpoints from the Service's EndpointSlices through
 * formatEndpointSlices: ready addresses only, empty when a placeholder slice has none), describeNetworkPolicy
 * with describeNetworkPolicySpec and printNetworkPolicySpecIngressFrom/EgressTo (`Not affecting egress
 * traffic` when the policy type is absent, `<none> (Selected pods are isolated for ... connectivity)`),
 * describeIngressV1 (Rules table; `%s \t%s` path cells; backends with their endpoints), describePod; the
 * tabbedString tabwriter (padding 2) and the PrefixWriter's two-blank levels. No events are simulated.
 */
const ROWS: Transcript[] = [
  [
    'a Service with two endpoints behind a named targetPort',
    'kubectl describe svc api -n shop',
    undefined,
    0,
    'Name:                     api\nNamespace:                shop\nLabels:                   <none>\nAnnotations:              <none>\nSelector:                 app=api\nType:                     ClusterIP\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       10.96.100.10\nIPs:                      10.96.100.10\nPort:                     <unset>  80/TCP\nTargetPort:               http/TCP\nEndpoints:                10.244.2.10:8080,10.244.1.11:8080\nSession Affinity:         None\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n',
    '',
  ],
  [
    'a Service whose selector matches no pod: Endpoints is empty',
    'kubectl describe service orphan -n shop',
    undefined,
    0,
    'Name:                     orphan\nNamespace:                shop\nLabels:                   <none>\nAnnotations:              <none>\nSelector:                 app=nothing\nType:                     ClusterIP\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       10.96.100.30\nIPs:                      10.96.100.30\nPort:                     <unset>  80/TCP\nTargetPort:               80/TCP\nEndpoints:                \nSession Affinity:         None\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n',
    '',
  ],
  [
    'an ingress policy',
    'kubectl describe networkpolicy db-from-api -n shop',
    undefined,
    0,
    'Name:         db-from-api\nNamespace:    shop\nCreated on:   2026-01-01 12:00:00 +0000 UTC\nLabels:       <none>\nAnnotations:  <none>\nSpec:\n  PodSelector:     app=db\n  Allowing ingress traffic:\n    To Port: 5432/TCP\n    From:\n      PodSelector: app=api\n  Not affecting egress traffic\n  Policy Types: Ingress\n',
    '',
  ],
  [
    'an egress policy that allows nothing',
    'kubectl describe netpol isolated-no-egress -n shop',
    undefined,
    0,
    'Name:         isolated-no-egress\nNamespace:    shop\nCreated on:   2026-01-01 12:00:00 +0000 UTC\nLabels:       <none>\nAnnotations:  <none>\nSpec:\n  PodSelector:     app=isolated\n  Not affecting ingress traffic\n  Allowing egress traffic:\n    <none> (Selected pods are isolated for egress connectivity)\n  Policy Types: Egress\n',
    '',
  ],
  [
    'an Ingress: rules, backends and their endpoints',
    'kubectl describe ingress shop -n shop',
    undefined,
    0,
    'Name:             shop\nLabels:           <none>\nNamespace:        shop\nAddress:          172.18.255.200\nIngress Class:    nginx\nDefault backend:  <default>\nRules:\n  Host              Path  Backends\n  ----              ----  --------\n  shop.example.com  \n                    /       web:80 (10.244.1.10:80)\n                    /api    api:80 (10.244.2.10:8080,10.244.1.11:8080)\n                    /gone   orphan:80 ()\nAnnotations:        <none>\nEvents:             <none>\n',
    '',
  ],
  ['a name that does not exist', 'kubectl describe svc nope -n shop', undefined, 1, '', 'Error from server (NotFound): services "nope" not found\n'],
  ['an unknown type', 'kubectl describe widget x', undefined, 1, '', 'error: the server doesn\'t have a resource type "widget"\n'],
];

describe('kubectl describe', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });

  it('describes a pod: node, IPs, containers, conditions, QoS class', () => {
    const text = term('kubectl describe pod db -n shop').stdout;
    for (const line of [
      'Name:             db',
      'Node:             node-3/172.18.0.4',
      'Status:           Running',
      'IP:               10.244.3.10',
      'IPs:\n  IP:  10.244.3.10\n',
      'Containers:\n  db:\n',
      '    Image:          postgres:16\n',
      '    Port:           5432/TCP\n',
      '    Ready:          True\n    Restart Count:  0\n    Environment:    <none>\n',
      'Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n',
      'QoS Class:                   BestEffort',
      'Events:                      <none>',
    ])
      expect(text).toContain(line);
  });

  it('matches a name as a prefix when no object has it exactly, separating objects by a blank line', () => {
    const text = term('kubectl describe pod api -n shop').stdout;
    expect(text.match(/^Name: +api-\d$/gm)).toEqual(['Name:             api-0', 'Name:             api-1']);
    expect(text).toContain('Events:                      <none>\n\n\nName:             api-1');
  });
});
