import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RESTORATIVE_JUSTICE_STATUSES, VPS_STATUSES, type RestorativeJusticeStatus, type VpsStatus } from '../../domain/referral.events.ts';

export class RecordVpsStatusDto extends EffectiveTimeDto {
  @ApiProperty({ enum: VPS_STATUSES, description: 'Victim Personal Statement: offered, then declined or made (a decline may still be followed by a statement); setting it back is a correction', example: 'made' })
  @IsIn(VPS_STATUSES)
  status!: VpsStatus;
}

export class RecordRestorativeJusticeStatusDto extends EffectiveTimeDto {
  @ApiProperty({ enum: RESTORATIVE_JUSTICE_STATUSES, description: 'Information given, then interest expressed; setting it back is a correction', example: 'information-given' })
  @IsIn(RESTORATIVE_JUSTICE_STATUSES)
  status!: RestorativeJusticeStatus;
}

class StatusCorrectionReason {
  @ApiProperty({ description: 'Why the status is corrected (the victim\'s personal data)', maxLength: 1000, example: 'Recorded against the wrong victim: no statement has been made yet' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class CorrectVpsStatusDto extends StatusCorrectionReason {
  @ApiProperty({ enum: VPS_STATUSES, description: 'The status it should have', example: 'offered' })
  @IsIn(VPS_STATUSES)
  status!: VpsStatus;
}

export class CorrectRestorativeJusticeStatusDto extends StatusCorrectionReason {
  @ApiProperty({ enum: RESTORATIVE_JUSTICE_STATUSES, description: 'The status it should have', example: 'information-given' })
  @IsIn(RESTORATIVE_JUSTICE_STATUSES)
  status!: RestorativeJusticeStatus;
}
