import { createTransport } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text only: template variables go in unescaped, so no HTML is ever built from them. */
  text: string;
}

export interface EmailReceipt {
  providerMessageId: string;
}

/** An e-mail gateway; `send` resolves once the server accepted the message. */
export interface EmailProvider {
  readonly name: string;
  send(message: EmailMessage): Promise<EmailReceipt>;
}

/** Sends through an SMTP server given as a URL (smtp://user:pass@host:587, smtps://…). */
export class SmtpEmailProvider implements EmailProvider {
  readonly name = 'smtp';
  readonly #transport: ReturnType<typeof createTransport>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.#transport = createTransport(url);
  }

  async send(message: EmailMessage): Promise<EmailReceipt> {
    const info = await this.#transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });

    return { providerMessageId: String(info.messageId) };
  }

  close(): void {
    this.#transport.close();
  }
}
