import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PRIORITY_GROUPS, type PriorityGroup } from '../../domain/priority-groups.ts';
import { RISK_LEVELS, type RiskLevel } from '../../domain/referral.events.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class AssessNeedsDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Ids from the configured needs domains', example: ['emotional', 'safety'] })
  @IsArray()
  @ArrayUnique()
  @IsInSettingsList('needsDomains', { each: true })
  needs!: string[];

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty({ enum: PRIORITY_GROUPS, isArray: true, description: 'The groups the case manager confirms; empty for none' })
  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITY_GROUPS, { each: true })
  priorityGroups!: PriorityGroup[];

  @ApiPropertyOptional({ description: 'Required when the confirmed groups differ from the proposal', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  overrideReason?: string;
}
