import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { maskMobile } from '../validators.js';
import { insertSmsOutbox } from './outbox.repository.js';

/**
 * Why a text is sent. Gateways in China need an approved template per purpose, and a sign-in
 * code must never reach a log in production, so providers are told which one they carry.
 */
export type SmsPurpose = 'notice' | 'sign_in_code';

export interface SmsMessage {
  /** Mainland mobile number, 11 digits. */
  to: string;
  /** The whole text as the recipient reads it, signature (【爱尚物业】) included. */
  text: string;
  purpose: SmsPurpose;
  /** The company the text is sent for; null before sign-in (a sign-in code). */
  orgId: number | null;
  /** Our own reference to the row that asked for the text (`notice_delivery:12`). */
  reference?: string;
}

export interface SmsReceipt {
  /** The gateway's id of the accepted text, for tracing a complaint. */
  providerMessageId: string;
}

/**
 * An SMS gateway. `send` resolves once the gateway accepted the text and rejects when it did
 * not; callers record either outcome, and never retry a text whose outcome is unknown.
 */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsReceipt>;
}

/**
 * The development provider: sends nothing, writes each text to the log and to `sms_outbox`,
 * where developers read sign-in codes and tests read notices.
 */
export class DevSmsProvider implements SmsProvider {
  readonly name = 'dev';

  constructor(
    private readonly db: Database,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const id = await insertSmsOutbox(this.db, {
      org_id: message.orgId,
      phone: message.to,
      body: message.text,
      purpose: message.purpose,
      reference: message.reference ?? null,
      created_at: new Date().toISOString(),
    });
    this.log?.info(
      { smsOutboxId: id, to: maskMobile(message.to), purpose: message.purpose },
      `dev SMS to ${maskMobile(message.to)}: ${message.text}`,
    );

    return { providerMessageId: `dev-${id}` };
  }
}
