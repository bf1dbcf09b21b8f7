import type { BackendRefStatus, Condition, GatewayClassStatus, GatewayStatus, ListenerStatus, RouteParentStatus, RouteStatus } from '../../model/gateway';

/*
 * The Gateway API controller's working state while it reconciles: each object's status (model/gateway.ts)
 * with the identity of the object it belongs to. At the end of its stage the controller writes each status
 * into its object in the World; readers read it there.
 */

export type { Condition };
export type ListenerState = ListenerStatus;
export type ParentState = RouteParentStatus;
export type BackendState = BackendRefStatus;

export interface GatewayClassState extends GatewayClassStatus {
  id: string;
  name: string;
  controllerName: string;
}

export interface GatewayState extends GatewayStatus {
  id: string;
  namespace: string;
  name: string;
  className: string;
}

export interface RouteState extends RouteStatus {
  id: string;
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
}
