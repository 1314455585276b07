/**
 * One error class with stable codes. The HTTP status of each code lives in one table;
 * the message comes from the caller's language at the edge (see i18n.ts).
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  WRONG_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  LOGIN_CHANNEL_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  NOTICE_NOT_RESENDABLE: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  CONFLICT: 409,
  FEE_BINDING_OVERLAP: 409,
  BILL_CLOSED: 409,
  BILL_OVERPAID: 409,
  BILL_HAS_PAYMENTS: 409,
  BILL_RUN_FINISHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One invalid field; `message` is a message key (see i18n.ts) or already-translated text. */
export interface FieldIssue {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface AppErrorOptions {
  /** Values the translated message refers to, such as `{ field: 'code' }`. */
  params?: Record<string, string | number>;
  details?: FieldIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly params: Record<string, string | number>;
  readonly details?: FieldIssue[];

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
    this.params = options.params ?? {};
    this.details = options.details;
  }
}

/** An unknown id and an id outside the caller's scope look the same: 404, no hint. */
export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', { params: { entity } });
}

/** A unique value (code, username, phone) that another record already holds. */
export function alreadyExists(field: string): AppError {
  return new AppError('ALREADY_EXISTS', {
    params: { field },
    details: [{ field, message: 'validation.taken' }],
  });
}

/** A field that passed the schema but breaks a business rule. */
export function invalidField(
  field: string,
  message: string,
  params?: Record<string, string | number>,
): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ field, message, params }] });
}
