import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

const text = (ingressClass: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  ingressClassName: ${ingressClass}
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: other}
spec: {controller: example.com/other}
`;

describe('the ingress controller writes its results into the World (ING-13)', () => {
  it('records the controller pods and LoadBalancer Service on its class, and the address in the Ingress status', () => {
    const sim = simulate([{ name: 'in.yaml', text: text('nginx') }]);
    const w = sim.world;
    const nginx = w.ingressClasses.find((c) => c.name === 'nginx')!;
    expect(nginx.implementation).toEqual({
      namespace: 'ingress-nginx',
      service: 'Service/ingress-nginx/ingress-nginx-controller',
      pods: [expect.stringMatching(/^Pod\/ingress-nginx\/ingress-nginx-controller-/)],
    });
    const lb = w.services.find((s) => s.id === nginx.implementation!.service)!.loadBalancerIPs;
    expect(lb.length).toBe(1);
    expect(w.ingresses[0]!.status).toEqual({ loadBalancer: { ingress: [{ ip: lb[0] }] } });
    // A controller the simulator does not run gets no implementation.
    expect(w.ingressClasses.find((c) => c.name === 'other')!.implementation).toBeUndefined();
  });

  it('gives an Ingress of a class no simulated controller serves no status', () => {
    const sim = simulate([{ name: 'in.yaml', text: text('other') }]);
    expect(sim.world.ingresses[0]!.status).toBeUndefined();
  });
});
