/**
 * Gateway API hostnames (GW-4, GW-5, GW-6). `undefined` stands for "no hostname": any host.
 */

/** GW-4: does a listener/route hostname match a request host? `*.a.com` covers one or more labels, never `a.com`. */
export function hostnameMatches(pattern: string | undefined, host: string): boolean {
  if (pattern === undefined || pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // `.a.com`
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}

/** GW-5: the intersection of a listener hostname and one route hostname, or null when they do not overlap. */
export function intersectHostname(listener: string | undefined, route: string | undefined): string | undefined | null {
  if (listener === undefined) return route;
  if (route === undefined) return listener;
  const lw = listener.startsWith('*.');
  const rw = route.startsWith('*.');
  if (!lw && !rw) return listener === route ? listener : null;
  if (lw && !rw) return hostnameMatches(listener, route) ? route : null;
  if (!lw && rw) return hostnameMatches(route, listener) ? listener : null;
  // Both wildcards: the more specific one, when one domain part ends with the other.
  const l = listener.slice(1);
  const r = route.slice(1);
  if (l.endsWith(r)) return listener;
  if (r.endsWith(l)) return route;
  return null;
}

/**
 * GW-5: the hostnames a route serves on a listener. Route without hostnames → the listener's (or any);
 * a route hostname that does not intersect is ignored; an empty list means the route does not fit at all.
 * The result uses `undefined` for "any host".
 */
export function effectiveHostnames(listener: string | undefined, routeHostnames: string[]): (string | undefined)[] {
  if (routeHostnames.length === 0) return [listener];
  const out: (string | undefined)[] = [];
  for (const h of routeHostnames) {
    const x = intersectHostname(listener, h);
    if (x !== null && !out.includes(x)) out.push(x);
  }
  return out;
}

/**
 * GW-6 ranking of a hostname for a host it matches: a precise name beats every wildcard, a wildcard with
 * more labels after `*` beats a shorter one, "no hostname" comes last. Higher is better.
 */
export function listenerHostnameRank(hostname: string | undefined): number {
  if (hostname === undefined) return 0;
  if (!hostname.startsWith('*.')) return 10_000;
  return 1 + hostname.split('.').length - 1;
}

/**
 * GW-9 step 1: [characters of the matching hostname when it is precise (0 for a wildcard or none),
 * characters of the matching hostname]. Larger is better.
 */
export function hostnamePrecedence(hostname: string | undefined): [number, number] {
  if (hostname === undefined) return [0, 0];
  return [hostname.startsWith('*') ? 0 : hostname.length, hostname.length];
}
