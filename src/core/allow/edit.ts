/**
 * Edits to the input text, made with `yaml`'s Document API so comments stay: only the document that holds
 * the changed policy is printed again; every other document keeps its bytes. A new policy is a document
 * appended to the file that holds the policies it sits beside.
 */
import { Document, isMap, isSeq, parseAllDocuments, YAMLMap, YAMLSeq, type ToStringOptions } from 'yaml';
import type { InputFile } from '../manifest/read';
import type { Edit } from './plan';

/** Where an object's text is: its document's span in the file, and the mapping that holds it. */
interface Found {
  doc: Document.Parsed;
  start: number;
  end: number;
  node: YAMLMap;
  /** The object is the whole document (not an item of a `kind: List`). */
  whole: boolean;
}

export function applyEdit(files: InputFile[], edit: Edit): InputFile[] {
  const out = files.slice();
  if (edit.kind === 'create') {
    const f = out[edit.file] ?? out[0]!;
    const index = out[edit.file] ? edit.file : 0;
    const obj = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: edit.name, namespace: edit.namespace },
      spec: { podSelector: { matchLabels: edit.podSelector }, policyTypes: [edit.direction === 'ingress' ? 'Ingress' : 'Egress'], [edit.direction]: [edit.rule] },
    };
    const text = new Document(obj).toString(printOptions(f.text));
    const body = f.text.length === 0 || f.text.endsWith('\n') ? f.text : `${f.text}\n`;
    out[index] = { name: f.name, text: body.trim() === '' ? text : `${body}---\n${text}` };
    return out;
  }
  const p = edit.policy;
  const f = out[p.source.file]!;
  const found = findObject(f.text, 'NetworkPolicy', p.namespace, p.name, p.source.range.start);
  if (!found) throw new Error(`applyEdit: ${p.id} is not in ${f.name}`);
  const { doc, node } = found;
  const existing: unknown = node.get('spec', true);
  let spec: YAMLMap;
  if (isMap(existing)) spec = existing;
  else {
    spec = new YAMLMap();
    node.set('spec', spec);
  }
  const listed: unknown = spec.get(edit.direction, true);
  let seq: YAMLSeq;
  if (isSeq(listed)) seq = listed;
  else {
    seq = new YAMLSeq();
    spec.set(edit.direction, seq);
  }
  // A rule is written in block style even when the list was `[]` or the spec a flow map, as a person adds one.
  node.flow = false;
  spec.flow = false;
  seq.flow = false;
  // A rule naming exactly the same peers gets the port added to its list, as a person extends a rule
  // (DNS: UDP 53 and TCP 53 to CoreDNS in one rule); it opens nothing a rule of its own would not.
  const peersKey = edit.direction === 'ingress' ? 'from' : 'to';
  const portsOf = (it: unknown): YAMLSeq | undefined => {
    const ports: unknown = isMap(it) ? it.get('ports', true) : undefined;
    return isSeq(ports) && ports.items.length > 0 ? ports : undefined;
  };
  const same = edit.rule.ports && seq.items.find((it) => portsOf(it) && isMap(it) && JSON.stringify(toJSON(it.get(peersKey, true))) === JSON.stringify(edit.rule[peersKey]));
  const samePorts = portsOf(same);
  if (samePorts) {
    for (const p of edit.rule.ports!) samePorts.items.push(doc.createNode(p));
  } else seq.items.push(doc.createNode(edit.rule));
  out[p.source.file] = { name: f.name, text: f.text.slice(0, found.start) + doc.toString(printOptions(f.text)) + f.text.slice(found.end) };
  return out;
}

/** The YAML of an object as it now reads in the input: its document without the `---` line, or its List item. */
export function objectYAML(files: InputFile[], kind: string, namespace: string, name: string): string | undefined {
  for (const f of files) {
    const found = findObject(f.text, kind, namespace, name);
    if (!found) continue;
    if (found.whole) return f.text.slice(found.start, found.end).replace(/^(?:\s*\n)*---[^\n]*\n/, '').replace(/^(#[^\n]*\n|\s*\n)+/, '');
    return new Document(found.node).toString(printOptions(f.text));
  }
  return undefined;
}

function findObject(text: string, kind: string, namespace: string, name: string, near?: number): Found | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return undefined;
  const hits: Found[] = [];
  let prevEnd = 0;
  for (const doc of docs) {
    const start = prevEnd;
    const end = doc.range[2];
    prevEnd = end;
    const c = doc.contents;
    if (!isMap(c)) continue;
    if (is(c, kind, namespace, name)) hits.push({ doc, start, end, node: c, whole: true });
    const items = c.get('items', true);
    if (isSeq(items)) for (const it of items.items) if (isMap(it) && is(it, kind, namespace, name)) hits.push({ doc, start, end, node: it, whole: false });
  }
  // The same object written twice: the one the World read (it holds the recorded offset).
  return hits.find((h) => near !== undefined && h.start <= near && near < h.end) ?? hits[hits.length - 1];
}

function is(m: YAMLMap, kind: string, namespace: string, name: string): boolean {
  if (m.get('kind') !== kind) return false;
  const meta = m.get('metadata', true);
  if (!isMap(meta)) return false;
  return meta.get('name') === name && (meta.get('namespace') ?? 'default') === namespace;
}

/**
 * Print in the file's own style: lists indented under their key or not, as the file writes them; flow
 * collections without padding (`[Ingress]`); no line folding.
 */
function printOptions(text: string): ToStringOptions {
  const indented = /^( *)[^\s#-][^\n]*:[ \t]*\n\1 +- /m.exec(text);
  const flush = /^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.exec(text);
  const indentSeq = indented && flush ? indented.index < flush.index : !flush;
  return { indentSeq, flowCollectionPadding: false, lineWidth: 0 };
}

function toJSON(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}
