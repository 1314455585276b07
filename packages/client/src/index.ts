import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type { components, paths };

/** The one error body every API failure carries (see CONVENTIONS.md). */
export type ApiErrorBody = components['schemas']['Error'];

/** A field the server refused, named as the request body names it. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A failed API call: the HTTP status and the server's error body. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly requestId: string;
  readonly details: FieldIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.requestId = body.requestId;
    this.details = body.details ?? [];
  }

  /** Builds an ApiError from whatever a failed response held, even a non-JSON body. */
  static from(response: Response, error: unknown): ApiError {
    if (isErrorBody(error)) return new ApiError(error);

    return new ApiError({
      statusCode: response.status,
      code: response.status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR',
      message: response.statusText || `HTTP ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;

  return typeof body.statusCode === 'number' && typeof body.code === 'string';
}

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Called before every request; its answer goes out as `Accept-Language`. */
  locale?: () => string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/** A typed client for the Aishang API that sends the session cookie with every call. */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'include',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { locale } = options;
  if (locale) {
    const language: Middleware = {
      onRequest({ request }) {
        request.headers.set('Accept-Language', locale());
        return request;
      },
    };
    client.use(language);
  }

  return client;
}

/**
 * Returns the data of an openapi-fetch result, or throws an ApiError carrying the server's
 * error body; this is what query and mutation functions call.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw ApiError.from(response, error);

  return data as T;
}
