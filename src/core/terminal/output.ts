/**
 * What a command writes, in the order a terminal shows it: stdout and stderr interleaved, with the spans
 * that name a simulated object marked (`object: Pod/shop/web-0`) so the page can make them clickable.
 */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  /** `Kind/namespace/name` of the object this text names. */
  object?: string;
}

export class Output {
  readonly chunks: OutputChunk[] = [];

  out(text: string, object?: string): this {
    return this.push('stdout', text, object);
  }

  err(text: string, object?: string): this {
    return this.push('stderr', text, object);
  }

  /**
   * Write text in which object names are marked: `refs` maps a word to the object it names; each
   * occurrence standing alone (between blanks, brackets, commas or a colon) becomes a marked span.
   */
  marked(stream: OutputChunk['stream'], text: string, refs: Map<string, string>): this {
    if (refs.size === 0) return this.push(stream, text);
    const names = [...refs.keys()].sort((a, b) => b.length - a.length).map(escape);
    const re = new RegExp(`(?<=^|[\\s(,])(${names.join('|')})(?=$|[\\s),:])`, 'gm');
    let last = 0;
    for (const m of text.matchAll(re)) {
      this.push(stream, text.slice(last, m.index));
      this.push(stream, m[0], refs.get(m[0]));
      last = m.index + m[0].length;
    }
    return this.push(stream, text.slice(last));
  }

  private push(stream: OutputChunk['stream'], text: string, object?: string): this {
    if (!text) return this;
    const prev = this.chunks[this.chunks.length - 1];
    if (prev && prev.stream === stream && !prev.object && !object) prev.text += text;
    else this.chunks.push(object ? { stream, text, object } : { stream, text });
    return this;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One stream's text. */
export function streamText(chunks: readonly OutputChunk[], stream: OutputChunk['stream']): string {
  return chunks
    .filter((c) => c.stream === stream)
    .map((c) => c.text)
    .join('');
}

/** Bytes of a string in UTF-8 (Content-Length, sizes tools print). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
