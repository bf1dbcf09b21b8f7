import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ObjectMeta } from '../model/meta';
import type { World } from '../model/world';
import type { SimOptions } from '../options';
import type { FieldReader } from './reader';

export interface ReadContext {
  world: World;
  options: SimOptions;
  diags: Diagnostic[];
}

/**
 * How one kind is read: which apiVersions the API serves for it, its scope and name rule, and a `read`
 * that validates and defaults the object (§1) and adds it to the World. One file per kind
 * (or per family of kinds with one shape, such as the pod-making workloads).
 */
export interface KindHandler {
  kinds: string[];
  /** `group/version` (`v1` for the core group). */
  apiVersions: string[];
  /** Versions the API no longer serves, with what to use instead. */
  removed?: Record<string, string>;
  namespaced: boolean;
  /** Validation of `metadata.name`: most kinds use an RFC 1123 subdomain. */
  nameRule: 'subdomain' | 'label' | 'rfc1035' | 'any';
  read(r: FieldReader, meta: ObjectMeta, ctx: ReadContext): void;
}
