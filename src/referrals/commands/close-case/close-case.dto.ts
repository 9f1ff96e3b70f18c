import { ApiProperty } from '@nestjs/swagger';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class CloseCaseDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'An id from the configured closure reasons', example: 'support-completed' })
  @IsInSettingsList('closureReasons')
  reason!: string;
}

export class ReopenCaseDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Why the case is reopened', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
