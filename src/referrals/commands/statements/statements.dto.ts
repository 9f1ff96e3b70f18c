import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RESTORATIVE_JUSTICE_STATUSES, VPS_STATUSES, type RestorativeJusticeStatus, type VpsStatus } from '../../domain/referral.events.ts';

export class RecordVpsStatusDto {
  @ApiProperty({ enum: VPS_STATUSES, description: 'Victim Personal Statement' })
  @IsIn(VPS_STATUSES)
  status!: VpsStatus;
}

export class RecordRestorativeJusticeStatusDto {
  @ApiProperty({ enum: RESTORATIVE_JUSTICE_STATUSES })
  @IsIn(RESTORATIVE_JUSTICE_STATUSES)
  status!: RestorativeJusticeStatus;
}
