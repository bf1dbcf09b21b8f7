#!/usr/bin/env node
// Writes the compact JSON schemas the editor validates, completes and documents with (one file per kind).
// Hand-written from the Kubernetes, Gateway API and AdminNetworkPolicy API definitions: only the fields the
// simulator reads or that tutorials use, each with the API's own description shortened.
// Run: node src/ui/editor/schemas/build-schemas.mjs
import { writeFileSync } from 'node:fs';

const s = (description, extra = {}) => ({ type: 'string', description, ...extra });
const i = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const b = (description) => ({ type: 'boolean', description });
const o = (description, properties, extra = {}) => ({ type: 'object', description, properties, ...extra });
const a = (description, items, extra = {}) => ({ type: 'array', description, items, ...extra });
const e = (description, values) => ({ type: 'string', description, enum: values });
const map = (description) => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const intOrString = (description) => ({ anyOf: [{ type: 'integer' }, { type: 'string' }], description });

const protocol = e('Network protocol. Defaults to TCP.', ['TCP', 'UDP', 'SCTP']);
const metadata = o('Standard object metadata: name, namespace, labels, annotations.', {
  name: s('Unique within a namespace. Most kinds need a DNS-1123 subdomain; Services need a DNS-1035 label.'),
  namespace: s('The namespace the object lives in. Defaults to "default".'),
  labels: map('Key/value pairs that selectors (Service, NetworkPolicy, Deployment) match.'),
  annotations: map('Non-identifying metadata; some controllers read it (ingress-nginx, topology hints).'),
  creationTimestamp: s('RFC 3339 time; the simulator uses it for "oldest wins" conflicts.'),
  generateName: s('Prefix for a generated name.'),
});
const labelSelector = o('A label query: matchLabels AND matchExpressions. An empty selector selects everything.', {
  matchLabels: map('Labels that must all be present with these values.'),
  matchExpressions: a(
    'Requirements, all of which must hold.',
    o('A label requirement.', {
      key: s('The label key.'),
      operator: e('How the key relates to the values.', ['In', 'NotIn', 'Exists', 'DoesNotExist']),
      values: a('Values for In and NotIn; empty for Exists and DoesNotExist.', { type: 'string' }),
    }, { required: ['key', 'operator'] }),
  ),
});
const containerPort = o('A port the container listens on. Informational, except that Services can target it by name.', {
  name: s('IANA_SVC_NAME (at most 15 characters); a Service targetPort may name it.'),
  containerPort: i('Port number on the pod IP.', { minimum: 1, maximum: 65535 }),
  protocol,
  hostPort: i('Port on the node that forwards to this container port.'),
}, { required: ['containerPort'] });
const container = o('A container in the pod.', {
  name: s('Container name, unique in the pod.'),
  image: s('Container image.'),
  ports: a('Ports the container exposes.', containerPort),
  env: a('Environment variables. Values that name a Service (host:port, URLs) reveal east-west calls on the graph.', o('An environment variable.', { name: s('Variable name.'), value: s('Literal value.'), valueFrom: { type: 'object', description: 'Value taken from a ConfigMap, Secret or field.' } }, { required: ['name'] })),
  command: a('Entrypoint; names of Services in it reveal calls.', { type: 'string' }),
  args: a('Arguments; names of Services in them reveal calls.', { type: 'string' }),
  readinessProbe: { type: 'object', description: 'Decides the Ready condition, and so whether the pod is a ready endpoint.' },
  livenessProbe: { type: 'object', description: 'Restarts the container when it fails.' },
  resources: { type: 'object', description: 'CPU and memory requests and limits.' },
  restartPolicy: s('For init containers: Always makes it a sidecar.'),
}, { required: ['name'] });
const podSpec = o('The pod specification.', {
  containers: a('The containers of the pod.', container, { minItems: 1 }),
  initContainers: a('Containers run before the others; restartPolicy: Always makes a sidecar.', container),
  hostname: s('Pod hostname; with subdomain, gives the pod a DNS name under a headless Service.'),
  subdomain: s('Names the headless Service under which the pod gets <hostname>.<subdomain>.<ns>.svc.'),
  hostNetwork: b("Use the node's network namespace: the pod IP is the node IP and NetworkPolicy does not apply."),
  dnsPolicy: e('How the pod resolves names.', ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']),
  dnsConfig: o('Extra resolver configuration merged into resolv.conf.', {
    nameservers: a('Nameserver IPs.', { type: 'string' }),
    searches: a('Search domains.', { type: 'string' }),
    options: a('Resolver options (ndots...).', o('Option.', { name: s('Option name.'), value: s('Option value.') })),
  }),
  nodeName: s('Schedules the pod onto this node.'),
  nodeSelector: map('Node labels the pod requires.'),
  serviceAccountName: s('Service account.'),
  restartPolicy: e('Restart policy.', ['Always', 'OnFailure', 'Never']),
});
const podTemplate = o('Pods made from this template.', { metadata, spec: podSpec });
const workload = (description, specProps, required = ['selector', 'template']) =>
  o(description, { apiVersion: e('API version.', ['apps/v1']), kind: s('Kind.'), metadata, spec: o('The desired state.', specProps, { required }) }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] });

const servicePort = o('A port the Service exposes.', {
  name: s('Required when there is more than one port; EndpointSlice ports carry it.'),
  protocol,
  port: i('The port the Service listens on (ClusterIP:port).', { minimum: 1, maximum: 65535 }),
  targetPort: intOrString("The pods' port: a number, or the name of a container port. Defaults to port."),
  nodePort: i('Port on every node (NodePort/LoadBalancer), allocated from 30000-32767 when not set.'),
  appProtocol: s('Application protocol (http, h2c, kubernetes.io/ws...).'),
}, { required: ['port'] });

const ref = (description, props) => o(description, props);
const parentRef = ref('A Gateway (and optionally its listener) the route attaches to.', {
  group: s('Defaults to gateway.networking.k8s.io.'), kind: s('Defaults to Gateway.'), namespace: s("Defaults to the route's namespace."),
  name: s('Gateway name.'), sectionName: s('Listener name.'), port: i('Listener port.'),
});
const backendRef = ref('A backend: usually a Service and port. Cross-namespace references need a ReferenceGrant.', {
  group: s('"" for core (Service).'), kind: s('Defaults to Service.'), name: s('Backend name.'), namespace: s("Defaults to the route's namespace."),
  port: i('Service port.'), weight: i('Share of traffic among backendRefs. Defaults to 1.'),
});
const headerMatch = o('Header match.', { type: e('Match type.', ['Exact', 'RegularExpression']), name: s('Header name.'), value: s('Header value.') });

const gw = (kind, description, spec, required = ['spec']) =>
  o(description, { apiVersion: e('API version.', ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']), kind: s('Kind.'), metadata, spec }, { required: ['apiVersion', 'kind', 'metadata', ...required] });

const npPeer = o('A peer: pods (podSelector, namespaceSelector, both) or an ipBlock.', {
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: o('A CIDR, minus exceptions.', { cidr: s('CIDR (10.0.0.0/8).'), except: a('CIDRs excluded.', { type: 'string' }) }, { required: ['cidr'] }),
});
const npPort = o('A port (or range with endPort) the rule allows.', { protocol, port: intOrString('Port number or named container port.'), endPort: i('End of a port range.') });
const anpPeer = o('Peer: namespaces or pods.', {
  namespaces: labelSelector,
  pods: o('Pods in selected namespaces.', { namespaceSelector: labelSelector, podSelector: labelSelector }),
  networks: a('CIDRs (egress only).', { type: 'string' }),
  nodes: labelSelector,
});
const anpRule = (actions) => o('A rule.', {
  name: s('Rule name.'), action: e('What happens to matching traffic.', actions),
  from: a('Sources (ingress).', anpPeer), to: a('Destinations (egress).', anpPeer),
  ports: a('Ports.', o('Port.', { portNumber: o('Port number.', { protocol, port: i('Port.') }), namedPort: s('Named port.'), portRange: o('Range.', { protocol, start: i('Start.'), end: i('End.') }) })),
});

const KINDS = {
  Namespace: o('A namespace: a scope for names, and the unit namespaceSelector matches (by label, including kubernetes.io/metadata.name).', { apiVersion: e('API version.', ['v1']), kind: s('Kind.'), metadata }),
  Pod: o('A pod: one or more containers sharing an IP address.', { apiVersion: e('API version.', ['v1']), kind: s('Kind.'), metadata, spec: podSpec }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
  Deployment: workload('Runs replicas of a pod template (through ReplicaSets).', {
    replicas: i('Number of pods. Defaults to 1.', { minimum: 0 }), selector: labelSelector, template: podTemplate, strategy: { type: 'object', description: 'Rollout strategy.' },
  }),
  StatefulSet: workload('Pods with stable names (<name>-0, -1...) and, with a headless serviceName, stable DNS names.', {
    replicas: i('Number of pods. Defaults to 1.', { minimum: 0 }), selector: labelSelector, template: podTemplate,
    serviceName: s('The headless Service that gives each pod <pod>.<serviceName>.<ns>.svc.'), podManagementPolicy: e('Ordering.', ['OrderedReady', 'Parallel']),
  }),
  DaemonSet: workload('One pod on every (matching) node.', { selector: labelSelector, template: podTemplate }),
  Job: o('Runs pods to completion.', { apiVersion: e('API version.', ['batch/v1']), kind: s('Kind.'), metadata, spec: o('Job spec.', { parallelism: i('Pods running at once.'), completions: i('Successful pods needed.'), template: podTemplate }, { required: ['template'] }) }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
  Service: o('A stable virtual IP and DNS name in front of the pods its selector matches.', {
    apiVersion: e('API version.', ['v1']), kind: s('Kind.'), metadata,
    spec: o('The Service spec.', {
      type: e('How the Service is exposed. Defaults to ClusterIP.', ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']),
      selector: map('Pods with all these labels become endpoints. No selector: you manage EndpointSlices yourself.'),
      ports: a('The ports the Service exposes.', servicePort),
      clusterIP: s('"None" makes a headless Service (DNS returns pod IPs); otherwise allocated from the service CIDR.'),
      clusterIPs: a('ClusterIPs, one per IP family.', { type: 'string' }),
      externalName: s('For type ExternalName: the DNS name the Service is a CNAME for.'),
      externalIPs: a('Extra IPs on which kube-proxy accepts traffic for the Service.', { type: 'string' }),
      externalTrafficPolicy: e('Local keeps the client IP and only uses node-local endpoints.', ['Cluster', 'Local']),
      internalTrafficPolicy: e('Local only uses endpoints on the client pod\'s node.', ['Cluster', 'Local']),
      sessionAffinity: e('ClientIP pins each client to one endpoint.', ['None', 'ClientIP']),
      publishNotReadyAddresses: b('Treat not-ready endpoints as ready (DNS and kube-proxy).'),
      ipFamilies: a('IP families.', e('Family.', ['IPv4', 'IPv6'])),
      ipFamilyPolicy: e('Dual-stack policy.', ['SingleStack', 'PreferDualStack', 'RequireDualStack']),
      loadBalancerSourceRanges: a('Client CIDRs allowed through the load balancer.', { type: 'string' }),
      trafficDistribution: s('PreferClose keeps traffic in the client\'s zone when it can.'),
      allocateLoadBalancerNodePorts: b('Allocate node ports for a LoadBalancer Service. Defaults to true.'),
    }),
  }, { required: ['apiVersion', 'kind', 'metadata'] }),
  EndpointSlice: o('A set of endpoints of a Service (the kubernetes.io/service-name label names it). Usually made by the controller.', {
    apiVersion: e('API version.', ['discovery.k8s.io/v1']), kind: s('Kind.'), metadata,
    addressType: e('Address type of every endpoint.', ['IPv4', 'IPv6', 'FQDN']),
    ports: a('Ports of the endpoints; names match the Service port names.', o('Port.', { name: s('Service port name.'), port: i('Port number.'), protocol, appProtocol: s('Application protocol.') })),
    endpoints: a('The endpoints.', o('An endpoint.', {
      addresses: a('Addresses (one for IP address types).', { type: 'string' }, { minItems: 1 }),
      conditions: o('Conditions. Missing ready means ready; missing serving means the same as ready.', { ready: b('Send new connections here.'), serving: b('Responding, even while terminating.'), terminating: b('Being deleted.') }),
      hostname: s('Hostname (DNS for headless Services).'), nodeName: s('Node hosting the endpoint.'), zone: s('Zone.'),
      targetRef: o('The object this endpoint is (usually a Pod).', { kind: s('Kind.'), namespace: s('Namespace.'), name: s('Name.') }),
    }, { required: ['addresses'] })),
  }, { required: ['apiVersion', 'kind', 'metadata', 'addressType'] }),
  Ingress: o('HTTP(S) routing from outside into Services, by host and path, served by the controller of its class.', {
    apiVersion: e('API version.', ['networking.k8s.io/v1']), kind: s('Kind.'), metadata,
    spec: o('Ingress spec.', {
      ingressClassName: s('The IngressClass (controller) that serves it; the default class when empty.'),
      defaultBackend: o('Backend for requests no rule matches.', { service: o('Service backend.', { name: s('Service name.'), port: o('Service port.', { number: i('Port number.'), name: s('Port name.') }) }) }),
      tls: a('TLS hosts and their certificate Secrets.', o('TLS.', { hosts: a('Hosts.', { type: 'string' }), secretName: s('Secret with tls.crt and tls.key.') })),
      rules: a('Host rules.', o('A rule.', {
        host: s('Exact host, or *.domain for one label.'),
        http: o('HTTP paths.', { paths: a('Paths.', o('A path.', {
          path: s('Path; must start with /.'),
          pathType: e('How the path matches.', ['Exact', 'Prefix', 'ImplementationSpecific']),
          backend: o('The backend.', { service: o('Service backend.', { name: s('Service name (same namespace).'), port: o('Service port: number or name.', { number: i('Port number.'), name: s('Port name.') }) }), resource: { type: 'object', description: 'A non-Service backend.' } }),
        }, { required: ['pathType', 'backend'] })) }),
      })),
    }),
  }, { required: ['apiVersion', 'kind', 'metadata'] }),
  IngressClass: o('A kind of Ingress controller; one may be the default.', {
    apiVersion: e('API version.', ['networking.k8s.io/v1']), kind: s('Kind.'), metadata,
    spec: o('Spec.', { controller: s('Controller name (k8s.io/ingress-nginx).'), parameters: { type: 'object', description: 'Controller parameters.' } }),
  }, { required: ['apiVersion', 'kind', 'metadata'] }),
  NetworkPolicy: o('Which traffic may reach (ingress) or leave (egress) the selected pods. Once a pod is selected for a direction, only what some policy allows gets through.', {
    apiVersion: e('API version.', ['networking.k8s.io/v1']), kind: s('Kind.'), metadata,
    spec: o('Policy spec.', {
      podSelector: labelSelector,
      policyTypes: a('Directions this policy isolates. Default: Ingress, plus Egress when egress rules exist.', e('Direction.', ['Ingress', 'Egress'])),
      ingress: a('Allowed incoming traffic; an empty rule allows everything.', o('Ingress rule.', { from: a('Sources (any of them).', npPeer), ports: a('Ports (any of them).', npPort) })),
      egress: a('Allowed outgoing traffic; remember DNS (UDP and TCP 53).', o('Egress rule.', { to: a('Destinations (any of them).', npPeer), ports: a('Ports (any of them).', npPort) })),
    }, { required: ['podSelector'] }),
  }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
  GatewayClass: gw('GatewayClass', 'A kind of Gateway controller.', o('Spec.', { controllerName: s('Controller name.'), description: s('Description.') }, { required: ['controllerName'] })),
  Gateway: gw('Gateway', 'A load balancer with listeners that routes attach to.', o('Spec.', {
    gatewayClassName: s('The GatewayClass.'),
    listeners: a('Listeners.', o('A listener.', {
      name: s('Listener name (sectionName in routes).'), hostname: s('Host it accepts.'), port: i('Port.'),
      protocol: e('Protocol.', ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']),
      tls: { type: 'object', description: 'TLS settings (certificateRefs).' },
      allowedRoutes: o('Which routes may attach.', { namespaces: o('From which namespaces.', { from: e('Namespaces.', ['Same', 'All', 'Selector']), selector: labelSelector }), kinds: a('Route kinds.', o('Kind.', { group: s('Group.'), kind: s('Kind.') })) }),
    }, { required: ['name', 'port', 'protocol'] })),
    addresses: a('Requested addresses.', o('Address.', { type: s('Type.'), value: s('Value.') })),
  }, { required: ['gatewayClassName', 'listeners'] })),
  HTTPRoute: gw('HTTPRoute', 'HTTP routing rules attached to Gateways.', o('Spec.', {
    parentRefs: a('Gateways to attach to.', parentRef), hostnames: a('Hosts.', { type: 'string' }),
    rules: a('Rules.', o('A rule.', {
      matches: a('Matches (any).', o('A match.', {
        path: o('Path match.', { type: e('Type.', ['Exact', 'PathPrefix', 'RegularExpression']), value: s('Path.') }),
        headers: a('Header matches (all).', headerMatch), queryParams: a('Query matches (all).', headerMatch), method: e('Method.', ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']),
      })),
      filters: a('Filters.', { type: 'object' }), backendRefs: a('Backends.', backendRef),
    })),
  })),
  GRPCRoute: gw('GRPCRoute', 'gRPC routing rules attached to Gateways.', o('Spec.', {
    parentRefs: a('Gateways to attach to.', parentRef), hostnames: a('Hosts.', { type: 'string' }),
    rules: a('Rules.', o('A rule.', { matches: a('Matches.', o('Match.', { method: o('Method.', { type: e('Type.', ['Exact', 'RegularExpression']), service: s('gRPC service.'), method: s('Method.') }), headers: a('Headers.', headerMatch) })), backendRefs: a('Backends.', backendRef) })),
  })),
  ReferenceGrant: o('Allows routes in other namespaces to reference objects in this one.', {
    apiVersion: e('API version.', ['gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1']), kind: s('Kind.'), metadata,
    spec: o('Spec.', { from: a('Who may refer.', o('From.', { group: s('Group.'), kind: s('Kind.'), namespace: s('Namespace.') })), to: a('What may be referred to.', o('To.', { group: s('Group ("" for core).'), kind: s('Kind.'), name: s('Name (optional).') })) }),
  }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
  AdminNetworkPolicy: o('Cluster-wide policy evaluated before NetworkPolicy, by priority (lower first).', {
    apiVersion: e('API version.', ['policy.networking.k8s.io/v1alpha1']), kind: s('Kind.'), metadata,
    spec: o('Spec.', { priority: i('0-1000; lower wins.'), subject: o('Pods it applies to.', { namespaces: labelSelector, pods: o('Pods.', { namespaceSelector: labelSelector, podSelector: labelSelector }) }), ingress: a('Ingress rules.', anpRule(['Allow', 'Deny', 'Pass'])), egress: a('Egress rules.', anpRule(['Allow', 'Deny', 'Pass'])) }, { required: ['priority', 'subject'] }),
  }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
  BaselineAdminNetworkPolicy: o('Cluster-wide defaults evaluated after NetworkPolicy. Must be named "default".', {
    apiVersion: e('API version.', ['policy.networking.k8s.io/v1alpha1']), kind: s('Kind.'), metadata,
    spec: o('Spec.', { subject: o('Pods it applies to.', { namespaces: labelSelector, pods: o('Pods.', { namespaceSelector: labelSelector, podSelector: labelSelector }) }), ingress: a('Ingress rules.', anpRule(['Allow', 'Deny'])), egress: a('Egress rules.', anpRule(['Allow', 'Deny'])) }, { required: ['subject'] }),
  }, { required: ['apiVersion', 'kind', 'metadata', 'spec'] }),
};

const dir = new URL('./', import.meta.url);
for (const [kind, schema] of Object.entries(KINDS)) {
  writeFileSync(new URL(`${kind}.json`, dir), JSON.stringify({ title: kind, ...schema }) + '\n');
}
writeFileSync(new URL('kinds.json', dir), JSON.stringify(Object.keys(KINDS)) + '\n');
console.log(`wrote ${Object.keys(KINDS).length} schemas`);
