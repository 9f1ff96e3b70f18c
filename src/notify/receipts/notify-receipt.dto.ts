import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../http/instant.ts';

/** Notify's statuses for email, text message and letter; those not listed here are not final. */
export const NOTIFY_STATUSES = [
  'created', 'sending', 'pending', 'sent', 'delivered', 'permanent-failure', 'temporary-failure', 'technical-failure',
  'accepted', 'received', 'cancelled', 'pending-virus-check', 'virus-scan-failed', 'validation-failed',
] as const;
export type NotifyStatus = (typeof NOTIFY_STATUSES)[number];

/** A delivery receipt as GOV.UK Notify posts it to the callback URL (its documented fields). */
export class NotifyReceiptDto {
  @ApiProperty({ format: 'uuid', description: "Notify's id for the notification" })
  @IsUUID()
  id!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 1000, description: 'The reference Casework gave: the id of the event that queued the message', example: '9f0c8e0a-1b9d-4a3e-8d4e-6f0b5c2a7e11' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reference?: string | null;

  @ApiPropertyOptional({ maxLength: 1000, description: 'The email address or phone number: not kept' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  to?: string;

  @ApiProperty({ enum: NOTIFY_STATUSES, example: 'delivered' })
  @IsIn(NOTIFY_STATUSES)
  status!: NotifyStatus;

  @ApiPropertyOptional({ example: '2026-03-02T10:15:00.000000Z' })
  @IsOptional()
  @IsInstant()
  created_at?: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-03-02T10:15:09.000000Z', description: 'When it was delivered or finally failed' })
  @IsOptional()
  @IsInstant()
  completed_at?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  sent_at?: string | null;

  @ApiPropertyOptional({ enum: ['email', 'sms', 'letter'] })
  @IsOptional()
  @IsIn(['email', 'sms', 'letter'])
  notification_type?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  template_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  template_version?: number;
}
