import type { TenantStore } from '../store/database';
import type { DirectoryUser } from '../store/entities';

/** A request as a route sees it: over HTTP or as one part of a JSON batch. */
export interface TenantRequest {
  method: string;
  /** Path below the Graph version, e.g. "/me/events" (no "/v1.0", no query string). */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Raw body bytes (empty when there is none). */
  body: Buffer;
}

export interface TenantResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, raw bytes, or nothing (204). */
  body?: unknown;
}

export interface TenantContext {
  store: TenantStore;
  /** Public base of Graph on this tenant, e.g. "http://localhost:4000/v1.0". */
  graphBase: string;
  /** Public origin, e.g. "http://localhost:4000". */
  origin: string;
  now(): Date;
  /** Runs one Graph request in-process through auth, fault injection and routing (JSON batch parts). */
  dispatch(req: TenantRequest, inBatch: boolean): Promise<TenantResponse>;
}

export interface RouteRequest extends TenantRequest {
  params: Record<string, string>;
  /** The signed-in user (every Graph route requires one). */
  user: DirectoryUser;
  ctx: TenantContext;
  /** True for a part of a JSON batch (a batch inside one is refused, at any depth). */
  inBatch: boolean;
  /** The body parsed as a JSON object; throws 400 as Graph does when malformed. */
  json(): Record<string, unknown>;
}

export type RouteHandler = (req: RouteRequest) => TenantResponse | Promise<TenantResponse>;
