import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../kernel/logger';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * SMTP when SMTP_URL is set; otherwise every mail is written as an .eml file to `outboxDir`, so a
 * newcomer can log in without a mail server. The log gets the subject and the recipient's domain,
 * never the body: it holds codes and links.
 */
export function createMailer(options: { smtpUrl: string | null; from: string; outboxDir: string; logger: Logger }): Mailer {
  const transport: Transporter = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      const domain = mail.to.split('@')[1] ?? '?';
      if (!options.smtpUrl) {
        await mkdir(options.outboxDir, { recursive: true, mode: 0o700 });
        const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
        await writeFile(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
        options.logger.info({ subject: mail.subject, toDomain: domain, file: path.basename(file) }, 'mail written to the outbox');
      } else {
        options.logger.info({ subject: mail.subject, toDomain: domain }, 'mail sent');
      }
    },
  };
}

declare module '../kernel/services' {
  interface AppServices {
    /** Sends the hub's mails (SMTP, or the outbox folder). */
    mailer: Mailer;
  }
}
