import { NotifyClient } from 'notifications-node-client';
import type { MessageChannel } from '../../shared/domain/notify-message.ts';

/** A message as Notify takes it. */
export interface OutgoingMessage {
  reference: string;
  channel: MessageChannel;
  templateId: string;
  recipient: string;
  personalisation: Record<string, string>;
}

/** Notify took it; refused it for good (a 400: a bad address or template); or could not take it now. */
export type SendOutcome = { taken: true; notificationId: string } | { taken: false; permanent: boolean; error: string };

/** Notify asks for the address as up to seven lines, the postcode last. */
const ADDRESS_LINES = 7;

/** GOV.UK Notify through its official client; the client's own errors are reduced to their HTTP status, which names no one. */
export class NotifyGateway {
  private readonly client: NotifyClient;

  constructor(apiKey: string, baseUrl?: string) {
    this.client = baseUrl ? new NotifyClient(baseUrl, apiKey) : new NotifyClient(apiKey);
  }

  /** Notify's id for a message sent under this reference by an earlier try, if it has one. */
  async sentEarlier(reference: string): Promise<string | undefined> {
    const response = await this.client.getNotifications(undefined, undefined, reference);
    return response.data.notifications[0]?.id;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    try {
      const response = await this.post(message);
      return { taken: true, notificationId: response.data.id };
    } catch (error) {
      const status = (error as { response?: { status?: number } }).response?.status;
      return { taken: false, permanent: status === 400, error: status ? `notify-http-${status}` : 'notify-unreachable' };
    }
  }

  private post({ reference, channel, templateId, recipient, personalisation }: OutgoingMessage) {
    if (channel === 'email') return this.client.sendEmail(templateId, recipient, { personalisation, reference });
    if (channel === 'sms') return this.client.sendSms(templateId, recipient, { personalisation, reference });
    const lines = recipient.split(/\s*[\n,]\s*/).filter(Boolean).slice(0, ADDRESS_LINES);
    const address = Object.fromEntries(lines.map((line, index) => [`address_line_${index + 1}`, line]));
    return this.client.sendLetter(templateId, { personalisation: { ...personalisation, ...address }, reference });
  }
}
