import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { IsCalendarDate } from '../../../http/calendar-date.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

const HOURS = { maxDecimalPlaces: 2 } as const;
/** Caps that catch a typo (pounds keyed as pence twice over) without limiting any real agreement. */
const MAX_PENCE = 100_000_000;
const MAX_HOURS = 1000;

export class AgreeRemedyDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'An id from the configured Community Remedy menu (settings list communityRemedies)', example: 'written-apology' })
  @IsInSettingsList('communityRemedies')
  type!: string;

  @ApiProperty({ description: 'The victim chose this remedy from the menu' })
  @IsBoolean()
  chosenByVictim!: boolean;

  @ApiPropertyOptional({ description: 'The menu item the victim chose when the officer uses another in its place (then overrideReason is required)', example: 'financial-compensation' })
  @IsOptional()
  @IsInSettingsList('communityRemedies')
  victimChoice?: string;

  @ApiPropertyOptional({ description: "Why the victim's choice is inappropriate", maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  overrideReason?: string;

  @ApiPropertyOptional({ description: 'What exactly is to be done', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  details?: string;

  @ApiProperty({ example: '2026-03-31' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({ description: 'Financial compensation only: the amount in pence', example: 5000 })
  @IsOptional()
  @IsInt({ message: 'amount must be whole pence, e.g. 4599 for £45.99' })
  @IsPositive()
  @Max(MAX_PENCE)
  amount?: number;

  @ApiPropertyOptional({ description: 'Unpaid community work only: the hours to work', example: 10 })
  @IsOptional()
  @IsNumber(HOURS)
  @IsPositive()
  @Max(MAX_HOURS)
  hours?: number;
}

export class CompleteRemedyDto {
  @ApiPropertyOptional({ description: 'When it was completed, from 2000-01-01 to now; defaults to now', example: '2026-03-20T15:00:00Z' })
  @IsOptional()
  @IsInstantFrom(EARLIEST_CASE_DATE)
  completedAt?: string;

  @ApiProperty({ description: 'The evidence that it was done', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  evidence!: string;

  @ApiPropertyOptional({ description: 'Community work only, required when hoursDone exceeds the hours agreed: why more was done', maxLength: 2000, example: 'Stayed on to finish repainting the fence' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  excessHoursReason?: string;

  @ApiPropertyOptional({ description: 'Community work only: hours worked; defaults to those agreed' })
  @IsOptional()
  @IsNumber(HOURS)
  @Min(0)
  @Max(MAX_HOURS)
  hoursDone?: number;

  @ApiPropertyOptional({ description: 'Compensation only: pence paid; defaults to the amount agreed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPaid?: number;
}

export class FailRemedyDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Why it was not done', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Community work only: hours worked before it failed' })
  @IsOptional()
  @IsNumber(HOURS)
  @Min(0)
  @Max(MAX_HOURS)
  hoursDone?: number;

  @ApiPropertyOptional({ description: 'Compensation only: pence paid before it failed' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  amountPaid?: number;
}
