import { Body, Controller, Headers, HttpCode, NotFoundException, Post, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../../auth/roles.ts';
import type { AppConfig } from '../../config/config.schema.ts';
import type { MessageFailure } from '../../shared/domain/notify-message.ts';
import { MessageOutcomes } from '../message-outcomes.ts';
import { NotifyDispatches } from '../outbox/notify-dispatches.ts';
import { NotifyReceiptDto, type NotifyStatus } from './notify-receipt.dto.ts';

/** Final statuses: a letter is `received` once Notify has posted it; the rest are still on their way. */
const DELIVERED: readonly NotifyStatus[] = ['delivered', 'received'];
const FAILED: Partial<Record<NotifyStatus, MessageFailure>> = {
  'permanent-failure': 'permanent-failure',
  'temporary-failure': 'temporary-failure',
  'technical-failure': 'technical-failure',
  'validation-failed': 'rejected',
  'virus-scan-failed': 'rejected',
  cancelled: 'undeliverable',
};

/**
 * GOV.UK Notify's delivery receipts. Notify is no user of ours: it sends the bearer token it was given
 * (NOTIFY_CALLBACK_TOKEN) rather than a signed token, so this route checks that instead of a role.
 */
@ApiTags('notify')
@ApiBearerAuth()
@Controller('notify')
export class NotifyReceiptsController {
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly dispatches: NotifyDispatches,
    private readonly outcomes: MessageOutcomes,
  ) {
    const token = config.get('NOTIFY_CALLBACK_TOKEN', { infer: true });
    this.tokenDigest = token ? digest(token) : undefined;
  }

  @Post('receipts')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Recorded: delivered closes a criminal-justice update\'s clock (or counts as a contact); a failure is a failed contact attempt. 401 without the callback token; 404 for a reference Casework never gave' })
  async receive(@Headers('authorization') authorization: string | undefined, @Body() receipt: NotifyReceiptDto): Promise<void> {
    this.authenticate(authorization);
    const failure = FAILED[receipt.status];
    if (!DELIVERED.includes(receipt.status) && !failure) return;
    const message = receipt.reference ? await this.dispatches.byReference(receipt.reference) : undefined;
    if (!message) throw new NotFoundException('No message was sent with this reference');
    const at = new Date(receipt.completed_at ?? Date.now());
    if (failure) await this.outcomes.failed(message, failure, receipt.id, at);
    else await this.outcomes.delivered(message, at, receipt.id);
  }

  private authenticate(authorization: string | undefined): void {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!this.tokenDigest || !token || !timingSafeEqual(digest(token), this.tokenDigest)) {
      throw new UnauthorizedException('Receipts need the callback token given to GOV.UK Notify');
    }
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();
