import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

/** A notification as the stand-in keeps it. */
export interface FakeNotification {
  id: string;
  type: 'email' | 'sms' | 'letter';
  reference: string | null;
  templateId: string;
  to: string | null;
  personalisation: Record<string, string>;
  status: string;
}

/** What the next sends (of any type) meet: an error status, or a message taken and the connection dropped before the answer. */
type Trouble = { status: number } | 'take-then-drop';

/**
 * A local HTTP server (for the tests and `npm run bench`) that answers as GOV.UK Notify's API v2 documents: POST /v2/notifications/{email,sms,letter}
 * (201 with the notification's id), GET /v2/notifications?reference= (the notifications sent under it), each
 * authenticated by the JWT the client signs with the API key's secret (HS256, `iss` the service id, `iat` recent).
 */
export class FakeNotify {
  readonly serviceId = randomUUID();
  private readonly secret = randomUUID();
  readonly apiKey = `casework_test-${this.serviceId}-${this.secret}`;
  readonly notifications: FakeNotification[] = [];
  /** Every request by method and path, in order: what the client asked. */
  readonly requests: string[] = [];
  private readonly troubles: Trouble[] = [];
  private readonly server: Server = createServer((request, response) => void this.answer(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next sends meet these, in order. */
  trouble(...troubles: Trouble[]): void {
    this.troubles.push(...troubles);
  }

  sentWith(reference: string): FakeNotification[] {
    return this.notifications.filter((notification) => notification.reference === reference);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://notify.local');
    this.requests.push(`${request.method} ${url.pathname}`);
    if (!(await this.authenticated(request))) return reply(response, 403, errors(403, 'AuthError', 'Invalid token: signature, api token not found'));
    const body = await bodyOf(request);
    const send = /^\/v2\/notifications\/(email|sms|letter)$/.exec(url.pathname);
    if (request.method === 'POST' && send) return this.send(send[1] as FakeNotification['type'], JSON.parse(body), request, response);
    if (request.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference');
      const found = this.notifications.filter((notification) => reference === null || notification.reference === reference);
      return reply(response, 200, { notifications: found.map(asNotifyShows), links: { current: url.href, next: null } });
    }
    reply(response, 404, errors(404, 'NotFound', 'Not Found'));
  }

  private send(type: FakeNotification['type'], payload: Record<string, unknown>, request: IncomingMessage, response: ServerResponse): void {
    const trouble = this.troubles.shift();
    if (trouble && trouble !== 'take-then-drop') return reply(response, trouble.status, errors(trouble.status, trouble.status === 400 ? 'BadRequestError' : 'Exception', 'Refused by the test'));
    const to = (payload.email_address ?? payload.phone_number ?? null) as string | null;
    const notification: FakeNotification = {
      id: randomUUID(),
      type,
      reference: (payload.reference as string | undefined) ?? null,
      templateId: payload.template_id as string,
      to,
      personalisation: (payload.personalisation as Record<string, string> | undefined) ?? {},
      status: 'created',
    };
    this.notifications.push(notification);
    if (trouble === 'take-then-drop') {
      request.socket.destroy();
      return;
    }
    reply(response, 201, { id: notification.id, reference: notification.reference, content: { body: '…', subject: '…' }, uri: `/v2/notifications/${notification.id}`, template: { id: notification.templateId, version: 1, uri: '' } });
  }

  private async authenticated(request: IncomingMessage): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(this.secret), { algorithms: ['HS256'], issuer: this.serviceId });
      // Notify refuses a token issued more than 30 seconds away from its clock.
      return typeof payload.iat === 'number' && Math.abs(payload.iat - Date.now() / 1000) <= 30;
    } catch {
      return false;
    }
  }
}

const asNotifyShows = (notification: FakeNotification) => ({
  id: notification.id,
  reference: notification.reference,
  type: notification.type,
  status: notification.status,
  template: { id: notification.templateId, version: 1, uri: '' },
});

const errors = (status: number, error: string, message: string) => ({ status_code: status, errors: [{ error, message }] });

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
