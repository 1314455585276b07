import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

/** The Fastify instance every module registers its routes on. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

/** Ids live in PostgreSQL `integer` columns: 1 to 2^31 − 1. A larger number is no id. */
export const MAX_ID = 2_147_483_647;
export const idSchema = z.number().int().positive().max(MAX_ID);
/** An id that arrives as text, in a path or a query. */
export const idText = z.coerce.number().int().positive().max(MAX_ID);

export const idParams = z.object({ id: idText });

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
});

export type ListQuery = z.infer<typeof listQuery>;

/** `{ items, total, page, pageSize }` around an item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const okSchema = z.object({ ok: z.literal(true) });

/** Mobile numbers of mainland China: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, { message: 'validation.phone' });

/** Codes chosen by people (project code, company code): letters, digits, - and _. */
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.code' });

/** An exact decimal as a string with at most `scale` decimals. */
export function decimalSchema(scale: number) {
  return z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,12}(\\.\\d{1,${scale}})?$`), { message: 'validation.decimal' });
}

/** Query flags arrive as text. */
export const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Standard error answers, so the OpenAPI document shows them for every operation. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
