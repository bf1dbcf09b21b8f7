/**
 * `--grpc package.Service/Method` (route, trace): the call as a gRPC client sends it, an HTTP/2 POST to
 * `/package.Service/Method` with `content-type: application/grpc` on the URL's host and port, which is how
 * the routers tell a gRPC call from other HTTP (GRPCRoute matches service and method, GW-16).
 */
export function grpcCall(url: string, call: string, headers: [string, string][]): { url: string; method: string; headers: [string, string][] } | { error: string } {
  const m = /^\/?([A-Za-z_][\w.]*)\/([A-Za-z_]\w*)$/.exec(call.trim());
  if (!m) return { error: `--grpc must be package.Service/Method, not "${call}"` };
  const base = /^([a-z]+:\/\/[^/?#]*)/i.exec(url.trim())?.[1];
  if (!base) return { error: `--url must be an http:// or https:// URL, not "${url}"` };
  const typed = headers.some(([k]) => k.toLowerCase() === 'content-type');
  return { url: `${base}/${m[1]}/${m[2]}`, method: 'POST', headers: typed ? headers : [...headers, ['content-type', 'application/grpc']] };
}
