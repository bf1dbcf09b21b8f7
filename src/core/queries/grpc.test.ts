import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { grpcCall } from './grpc';
import { prepareQuery } from './index';
import type { RouteDocument } from './route';

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec: {gatewayClassName: gc, listeners: [{name: http, protocol: HTTP, port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cart-0, labels: {app: cart}}
spec: {containers: [{name: c, image: example, ports: [{containerPort: 9090}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart}
spec: {selector: {app: cart}, ports: [{port: 9090}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: cart}
spec:
  parentRefs: [{name: gw}]
  hostnames: [grpc.example.com]
  rules:
  - matches: [{method: {service: shop.Cart, method: AddItem}}]
    backendRefs: [{name: cart, port: 9090}]
`;
const sim = simulate([{ name: 'grpc.yaml', text: YAML }]);

function route(args: Record<string, unknown>): RouteDocument | string {
  const q = prepareQuery('route', args);
  if (!q.ok) return q.error;
  const r = q.query.run(sim);
  return r.ok ? r.result : r.error;
}

describe('--grpc package.Service/Method', () => {
  it.each([
    { call: 'shop.Cart/AddItem', status: 200, route: 'cart' },
    { call: '/shop.Cart/AddItem', status: 200, route: 'cart' },
    { call: 'shop.Cart/Remove', status: 404, route: null },
  ])('$call → $status', ({ call, status, route: name }) => {
    const doc = route({ url: 'http://grpc.example.com', grpc: call }) as RouteDocument;
    expect(doc.results[0]?.status).toBe(status);
    expect(doc.results[0]?.route?.name ?? null).toBe(name);
  });

  it('is the request a gRPC client sends: POST to /Service/Method with content-type application/grpc', () => {
    expect(grpcCall('http://g.example.com:8080/ignored?x=1', 'shop.Cart/AddItem', [['x-user', 'u1']])).toEqual({
      url: 'http://g.example.com:8080/shop.Cart/AddItem',
      method: 'POST',
      headers: [['x-user', 'u1'], ['content-type', 'application/grpc']],
    });
  });

  it.each([
    [{ url: 'http://grpc.example.com', grpc: 'nope' }, '--grpc must be package.Service/Method, not "nope"'],
    [{ url: 'http://grpc.example.com', grpc: 'shop.Cart/AddItem', method: 'GET' }, 'give --grpc or --method, not both: a gRPC call is a POST'],
  ])('refuses %j', (args, error) => {
    expect(route(args)).toBe(error);
  });
});
