import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

/**
 * ADM-7, from kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (validateOwnerReference, ValidateOwnerReferences) and its table TestValidateObjectMetaOwnerReferences
 * in objectmeta_test.go: a reference without version, kind, name or uid is invalid, an Event cannot own,
 * and only one reference may be the controller. The cases below restate that table on a Service, which
 * the simulator keeps in the World when it is valid, so a rejected object visibly leaves it.
 */
const svc = (refs: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  ownerReferences:
${refs}
spec: {ports: [{port: 80}]}
`;
const ref = (fields: string) => `  - {${fields}}`;

describe('metadata.ownerReferences validation (ADM-7)', () => {
  const cases: { name: string; refs: string; kept: boolean; at?: string; says?: string }[] = [
    { name: 'a complete third-party reference is accepted', refs: ref('apiVersion: example.com/v1, kind: Widget, name: w, uid: "1"'), kept: true },
    { name: 'no uid is rejected, located on the reference', refs: ref('apiVersion: apps/v1, kind: Deployment, name: web'), kept: false, at: '{apiVersion: apps/v1, kind: Deployment, name: web}', says: 'uid must not be empty' },
    { name: 'an empty kind is rejected, located on the kind', refs: ref('apiVersion: apps/v1, kind: "", name: web, uid: "1"'), kept: false, at: 'kind: ""', says: 'kind must not be empty' },
    { name: 'no apiVersion is rejected', refs: ref('kind: Deployment, name: web, uid: "1"'), kept: false, says: 'version must not be empty' },
    { name: 'an apiVersion with an empty version ("apps/") is rejected', refs: ref('apiVersion: "apps/", kind: Deployment, name: web, uid: "1"'), kept: false, says: 'version must not be empty' },
    { name: 'no name is rejected', refs: ref('apiVersion: apps/v1, kind: Deployment, uid: "1"'), kept: false, says: 'name must not be empty' },
    { name: 'an Event cannot be an owner', refs: ref('apiVersion: v1, kind: Event, name: e, uid: "1"'), kept: false, says: 'disallowed from being an owner' },
    {
      name: 'one controller reference among several is accepted',
      refs: [ref('apiVersion: v1, kind: A, name: a, uid: "1", controller: false'), ref('apiVersion: v1, kind: B, name: b, uid: "2", controller: true'), ref('apiVersion: v1, kind: C, name: c, uid: "3"')].join('\n'),
      kept: true,
    },
    {
      name: 'two controller references are rejected on the second',
      refs: [ref('apiVersion: v1, kind: A, name: a, uid: "1", controller: true'), ref('apiVersion: v1, kind: B, name: b, uid: "2", controller: true')].join('\n'),
      kept: false,
      at: 'controller: true}',
      says: 'Only one reference can have Controller set to true. Found "true" in references for A/a and B/b',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = svc(c.refs);
      const s = simulate([{ name: 'svc.yaml', text }]);
      expect(s.world.services.some((x) => x.id === 'Service/default/web')).toBe(c.kept);
      const errors = s.diagnostics.filter((d) => d.severity === 'error');
      if (c.kept) return expect(errors).toEqual([]);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!).toMatchObject({ code: expect.stringMatching(/^(required-field|invalid-value)$/), rule: 'ADM-7', object: 'Service/default/web' });
      if (c.says) expect(errors[0]!.message).toContain(c.says);
      if (c.at) expect(text.slice(errors[0]!.range.start, errors[0]!.range.end)).toContain(c.at.replace(/}$/, ''));
    });
  }
});
