/**
 * The explanation at the top of a scenario file, in YAML comments (so it travels with the text):
 *
 * ```yaml
 * # title: Lock down the database
 * # concepts: default-deny, allow-chain
 * # summary: |
 * #   Free text, any number of lines,
 * #   indented under `summary: |`.
 * # request: GET http://shop.example.com/checkout
 * # header: X-Canary: always
 * ```
 *
 * `request` (a method is optional) and any number of `header` lines are the request the lesson is about:
 * the Routes and Trace forms start with it, so the header the summary talks of can be tried in one click.
 */
export interface ScenarioHeader {
  title: string;
  summary: string;
  concepts: string[];
  /** The request the lesson suggests trying, when it names one. */
  request?: { method: string; url: string; headers: string[] };
}

/** Read the leading comment block; fields left out come back empty. Pure. */
export function parseScenarioHeader(text: string): ScenarioHeader {
  const out: ScenarioHeader = { title: '', summary: '', concepts: [] };
  const lines = text.split(/\r?\n/);
  let inSummary = false;
  const summary: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    const body = line.replace(/^#\s?/, '');
    const field = /^(title|concepts|summary|request|header):\s*(.*)$/.exec(body);
    if (field) {
      inSummary = false;
      const [, key, value] = field as unknown as [string, string, string];
      if (key === 'title') out.title = value.trim();
      else if (key === 'concepts')
        out.concepts = value
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
      else if (key === 'request') {
        const [first = '', second] = value.trim().split(/\s+/);
        const request = second ? { method: first.toUpperCase(), url: second } : { method: 'GET', url: first };
        out.request = { ...request, headers: out.request?.headers ?? [] };
      } else if (key === 'header') {
        if (out.request) out.request.headers.push(value.trim());
      } else if (value.trim() === '|' || value.trim() === '') inSummary = true;
      else summary.push(value.trim());
      continue;
    }
    if (inSummary && (/^\s{2,}\S/.test(body) || body.trim() === '')) summary.push(body.trim());
  }
  out.summary = summary.join(' ').replace(/\s+/g, ' ').trim();
  return out;
}
