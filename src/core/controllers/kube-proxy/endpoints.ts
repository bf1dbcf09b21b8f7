/**
 * KP-1 / SVC-10..12 (the candidate endpoints of a Service port) are shared with the other readers of the
 * World (NetworkPolicy checks, EndpointSlice diagnostics), so they live in `net/endpoints.ts`.
 */
export { servicePortEndpoints, slicesOf, usableEndpoints, unusableEndpointAddress, type Backend } from '../../net/endpoints';
