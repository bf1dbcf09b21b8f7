import { Document, isNode } from 'yaml';
import { WHY_ANNOTATION, type PolicyObject } from './build';

/**
 * Generated policies as multi-document YAML for people: each policy's reasons (its `why` annotation) become
 * comments, the policy's own above it and each rule's above that rule, and the annotation itself is left
 * out so nothing is said twice.
 */
export function policiesYAML(objects: PolicyObject[]): string {
  return objects.map((o) => documentOf(o)).join('---\n');
}

function documentOf(o: PolicyObject): string {
  const why = whyOf(o);
  const annotations = { ...o.metadata.annotations };
  delete annotations[WHY_ANNOTATION];
  const metadata = { ...o.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) };
  if (!Object.keys(annotations).length) delete (metadata as { annotations?: unknown }).annotations;
  const doc = new Document({ ...o, metadata });
  const top = why.get('policy');
  if (top && isNode(doc.contents)) doc.contents.commentBefore = top.map((l) => ` ${l}`).join('\n');
  for (const dir of ['ingress', 'egress'] as const) {
    (o.spec[dir] ?? []).forEach((_, i) => {
      const text = why.get(`${dir}.${i}`);
      const node = doc.getIn(['spec', dir, i], true);
      if (text && isNode(node)) node.commentBefore = reasons(text);
    });
  }
  return doc.toString({ lineWidth: 0, indentSeq: false });
}

/** `section → text` from the why annotation (several lines of one section are joined). */
export function whyOf(o: PolicyObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of (o.metadata.annotations[WHY_ANNOTATION] ?? '').split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    out.set(key, [...(out.get(key) ?? []), line.slice(colon + 2)]);
  }
  return out;
}

/** Comment lines (yaml adds the `#`); each reason of a rule (joined by `; ` in the annotation) on its own line. */
function reasons(lines: string[]): string {
  return lines.flatMap((l) => l.split('; ')).map((l) => ` ${l}`).join('\n');
}
