import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: booleanFlag.default(false),
  SECURE_COOKIES: booleanFlag.optional(),
  /** Where notice e-mails go out, e.g. smtp://user:pass@mail.example.com:587; unset: not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('爱尚物业 <noreply@aishang.local>'),
  /** Which SMS gateway sends texts; `dev` writes them to the log and the sms_outbox table. */
  SMS_PROVIDER: z.enum(['dev']).default('dev'),
});

export type Config = z.infer<typeof configSchema> & {
  /** Where the SQLite file lives when DATABASE_URL is absent. */
  sqlitePath: string;
  /** Whether this start may create accounts with known passwords. */
  isProduction: boolean;
};

/** Thrown when an environment variable holds a value the server cannot start with. */
export class ConfigError extends Error {}

/** Reads and checks the environment; a bad value names the variable in one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }

  const values = parsed.data;

  return {
    ...values,
    sqlitePath: path.resolve(values.DATA_DIR, 'aishang.db'),
    isProduction: values.NODE_ENV === 'production' || values.DATABASE_URL !== undefined,
  };
}
