import type { LabelSelector, Labels } from '../model/meta';

/** metav1.LabelSelector semantics: matchLabels AND every expression; `{}` selects everything. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  for (const key in selector.matchLabels) {
    if (labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(labels[req.key]!)) return false;
        break;
      case 'NotIn':
        // NotIn also matches objects that lack the key.
        if (has && req.values.includes(labels[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A Service-style equality selector (SVC-5): every key/value present. */
export function matchesEquality(selector: Labels, labels: Labels): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** `app=web,tier in (a,b)` as kubectl prints it; `<all>` for the empty selector. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${e.values.join(',')})`);
  }
  return parts.length ? parts.join(',') : '<all>';
}

export function formatLabels(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}
