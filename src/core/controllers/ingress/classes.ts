import type { Diagnostic } from '../../diagnostics/diagnostic';
import { rangeIn } from '../../manifest/reader';
import type { ObjectMeta } from '../../model/meta';
import type { Ingress, IngressClass } from '../../model/networking';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { INGRESS_CODES } from './codes';

/** ingress-nginx's controller identifier (ING-3). */
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
/** The IngressClass the simulator supplies when the input declares none (ING-3 [SIM]). */
export const IMPLICIT_CLASS = 'nginx';

/** "Created before": creationTimestamp when both carry one, else input order (kubectl apply order). */
export function createdBefore(a: ObjectMeta, b: ObjectMeta): boolean {
  if (a.creationTimestamp && b.creationTimestamp && a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp < b.creationTimestamp;
  return a.order < b.order;
}

/** Oldest first (ING-10/11 [SIM]): creationTimestamp, then namespace/name. */
export function byAge(a: ObjectMeta, b: ObjectMeta): number {
  const ta = a.creationTimestamp ?? '';
  const tb = b.creationTimestamp ?? '';
  if (ta !== tb) return ta && tb ? (ta < tb ? -1 : 1) : ta ? -1 : 1;
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Ingress admission (ING-1) plus the simulator's built-in class (ING-3 [SIM]): supply IngressClass
 * `nginx` when the input declares none (marked default unless the option is off), then stamp the
 * default class on every class-less Ingress created after it.
 */
export function admitIngresses(world: World, options: SimOptions, diags: Diagnostic[]): void {
  if (world.ingressClasses.length === 0 && world.ingresses.length > 0) {
    world.ingressClasses.push({
      id: `IngressClass/${IMPLICIT_CLASS}`,
      kind: 'IngressClass',
      name: IMPLICIT_CLASS,
      namespace: '',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      annotations: options.ingress.defaultClass ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {},
      order: -1,
      source: { file: 0, range: { start: 0, end: 0 }, fields: {} },
      controller: NGINX_CONTROLLER,
      isDefault: options.ingress.defaultClass,
      implicit: true,
      system: true,
    });
  }
  for (const ing of world.ingresses) {
    if (ing.classSource !== 'none') continue;
    const existing = world.ingressClasses.filter((c) => c.isDefault && createdBefore(c, ing));
    if (existing.length === 0) {
      const later = world.ingressClasses.find((c) => c.isDefault);
      if (later) {
        diags.push({
          code: INGRESS_CODES.DEFAULT_CLASS_TOO_LATE,
          severity: 'warning',
          message: `IngressClass ${later.name} is marked default but is created after this Ingress; admission stamps the default only on create, so the Ingress stays without a class (ING-1).`,
          file: ing.source.file,
          range: rangeIn(ing.source, 'metadata.name'),
          object: ing.id,
          rule: 'ING-1',
        });
      }
      continue;
    }
    const chosen = pickDefault(existing);
    if (existing.length > 1) {
      diags.push({
        code: INGRESS_CODES.SEVERAL_DEFAULT_CLASSES,
        severity: 'warning',
        message: `${existing.length} IngressClasses are marked default (${existing.map((c) => c.name).join(', ')}); current Kubernetes picks the newest, ${chosen.name}, while the docs say creation is refused (ING-1).`,
        file: ing.source.file,
        range: rangeIn(ing.source, 'metadata.name'),
        object: ing.id,
        rule: 'ING-1',
      });
    }
    ing.ingressClassName = chosen.name;
    ing.classSource = 'default';
    diags.push({
      code: INGRESS_CODES.CLASS_DEFAULTED,
      severity: 'info',
      message: `ingressClassName set to ${chosen.name} by admission (the default IngressClass${chosen.implicit ? ', supplied by the simulator' : ''}) (ING-1).`,
      file: ing.source.file,
      range: rangeIn(ing.source, 'spec'),
      object: ing.id,
      rule: 'ING-1',
    });
  }
}

/** ING-1: several defaults → the newest by creationTimestamp, tie → lexically smallest name. */
function pickDefault(classes: IngressClass[]): IngressClass {
  return [...classes].sort((a, b) => {
    const ta = a.creationTimestamp ?? '';
    const tb = b.creationTimestamp ?? '';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  })[0]!;
}

export type Serving = { served: true; ingressClass: IngressClass } | { served: false; reason: string };

/** ING-3: which IngressClass (and so which controller) serves this Ingress, or why none does. */
export function servingClass(world: World, ing: Ingress): Serving {
  if (ing.ingressClassName === undefined) {
    return {
      served: false,
      reason: 'it names no IngressClass and no default class was stamped on it; ingress-nginx ignores class-less Ingresses unless started with --watch-ingress-without-class (ING-3)',
    };
  }
  const cls = world.ingressClasses.find((c) => c.name === ing.ingressClassName);
  if (!cls) {
    const how = ing.classSource === 'annotation' ? 'the kubernetes.io/ingress.class annotation names' : 'spec.ingressClassName names';
    return { served: false, reason: `${how} IngressClass "${ing.ingressClassName}", which does not exist, so no controller claims it (ING-3)` };
  }
  return { served: true, ingressClass: cls };
}

/** The Ingresses a class serves, oldest first. */
export function ingressesOfClass(world: World, className: string): Ingress[] {
  return world.ingresses.filter((i) => {
    const s = servingClass(world, i);
    return s.served && s.ingressClass.name === className;
  }).sort(byAge);
}
