import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { type EmailProvider, SmtpEmailProvider } from './email.js';
import { DevSmsProvider, type SmsProvider } from './sms.js';

export type { EmailMessage, EmailProvider, EmailReceipt } from './email.js';
export type { SmsMessage, SmsProvider, SmsPurpose, SmsReceipt } from './sms.js';

/** The gateways a server process sends through. */
export interface NotifyProviders {
  sms: SmsProvider;
  /** Null when SMTP_URL is unset: e-mail notices are then skipped with reason `no_smtp`. */
  email: EmailProvider | null;
}

/** Builds the gateways the configuration names. */
export function createNotifyProviders(options: {
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'SMS_PROVIDER'>;
  db: Database;
  log?: FastifyBaseLogger;
}): NotifyProviders {
  const { config, db, log } = options;

  return {
    sms: new DevSmsProvider(db, log),
    email: config.SMTP_URL ? new SmtpEmailProvider(config.SMTP_URL, config.SMTP_FROM) : null,
  };
}
