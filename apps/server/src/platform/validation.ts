import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { FieldIssue } from './errors.js';

/** One failed check, as Fastify hands it to the error handler. */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  message: string;
  params: { issue: z.core.$ZodIssue };
}

/**
 * Text holding U+0000 cannot be stored by PostgreSQL (and is never meant): refuse it here,
 * naming the field, rather than fail inside a query.
 */
function nulCharacterIssues(data: unknown, path: PropertyKey[] = []): z.core.$ZodIssue[] {
  if (typeof data === 'string') {
    return data.includes('\u0000')
      ? [{ code: 'custom', path, message: 'validation.invalid', input: data }]
      : [];
  }
  if (Array.isArray(data))
    return data.flatMap((value, i) => nulCharacterIssues(value, [...path, i]));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) =>
      nulCharacterIssues(value, [...path, key]),
    );
  }

  return [];
}

/** Validates with zod, keeping each issue whole so that the message can be translated later. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => {
  return (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    const nulIssues = nulCharacterIssues(data);
    if (result.success && nulIssues.length === 0) return { value: result.data };

    const zodIssues = result.success ? [] : result.error.issues;
    const issues: SchemaIssue[] = [...nulIssues, ...zodIssues].map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: '',
      message: issue.message,
      params: { issue },
    }));

    return { error: issues as never };
  };
};

function isMessageKey(message: string): boolean {
  return message.startsWith('validation.');
}

/** Turns one zod issue into field problems with message keys (several for unknown keys). */
export function issueToFields(issue: z.core.$ZodIssue): FieldIssue[] {
  const field = issue.path.join('.') || 'body';

  if (isMessageKey(issue.message)) return [{ field, message: issue.message }];
  const missing = 'input' in issue && issue.input === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [{ field, message: 'validation.required' }];
  }

  switch (issue.code) {
    case 'invalid_type':
      return [
        {
          field,
          message: 'validation.invalid_type',
          params: { expected: `type.${issue.expected}` },
        },
      ];
    case 'too_small':
      return [
        {
          field,
          message: `validation.too_small.${sizeOrigin(issue.origin)}`,
          params: { minimum: Number(issue.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          field,
          message: `validation.too_big.${sizeOrigin(issue.origin)}`,
          params: { maximum: Number(issue.maximum) },
        },
      ];
    case 'invalid_format':
      return [{ field, message: 'validation.invalid_format' }];
    case 'invalid_value':
      return [
        {
          field,
          message: 'validation.invalid_value',
          params: { options: issue.values.map(String).join(', ') },
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join('.'),
        message: 'validation.unrecognized_keys',
      }));
    default:
      return [{ field, message: 'validation.invalid' }];
  }
}

function sizeOrigin(origin: string): 'string' | 'number' | 'array' {
  if (origin === 'string') return 'string';
  if (origin === 'array' || origin === 'set') return 'array';

  return 'number';
}
