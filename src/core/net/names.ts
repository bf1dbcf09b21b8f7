/** Kubernetes name validation (apimachinery validation): what the API server would accept. */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Returns a reason when invalid, or null. RFC 1123 label: ≤63, lowercase alnum and '-'. */
export function checkDNS1123Label(v: string): string | null {
  if (v.length > 63) return 'must be no more than 63 characters';
  return DNS1123_LABEL.test(v) ? null : "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
}

/** RFC 1035 label (Service names): like RFC 1123 but starting with a letter. */
export function checkDNS1035Label(v: string): string | null {
  if (v.length > 63) return 'must be no more than 63 characters';
  return DNS1035_LABEL.test(v) ? null : "must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
}

/** RFC 1123 subdomain (most object names): ≤253, dot-separated labels. */
export function checkDNS1123Subdomain(v: string): string | null {
  if (v.length > 253) return 'must be no more than 253 characters';
  return DNS1123_SUBDOMAIN.test(v) ? null : "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
}

/** Label and annotation keys: optional DNS subdomain prefix, then a name of ≤63 characters. */
export function checkQualifiedName(v: string): string | null {
  const parts = v.split('/');
  if (parts.length > 2) return "a qualified name must consist of an optional DNS subdomain prefix and '/' and a name";
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefixProblem = checkDNS1123Subdomain(parts[0]!);
    if (prefixProblem) return `prefix part ${prefixProblem}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  return LABEL_NAME.test(name) ? null : "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
}

/** Label values: empty, or ≤63 characters of alnum, '-', '_', '.' starting and ending alphanumeric. */
export function checkLabelValue(v: string): string | null {
  if (v.length > 63) return 'must be no more than 63 characters';
  return v === '' || LABEL_NAME.test(v) ? null : "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
}

/** IANA service name (named ports): ≤15 characters, lowercase alnum and '-', at least one letter, no '--'. */
export function checkPortName(v: string): string | null {
  if (v.length > 15) return 'must be no more than 15 characters';
  if (!IANA_SVC_NAME.test(v)) return "must contain only lowercase alphanumeric characters or '-', and start and end with an alphanumeric";
  if (v.includes('--')) return "must not contain consecutive hyphens";
  if (!/[a-z]/.test(v)) return 'must contain at least one letter';
  return null;
}
