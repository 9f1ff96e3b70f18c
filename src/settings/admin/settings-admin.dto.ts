import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { FIELD_NAME } from '../../http/personalisation.ts';
import { PRIORITY_GROUPS } from '../../referrals/domain/priority-groups.ts';
import type { CrimeType } from '../domain/crime-types.ts';
import { RETENTION_CASE_KINDS, type RetentionCaseKind } from '../domain/retention.ts';
import { REMEDY_MEASURES, type RemedyMeasure } from '../domain/settings.events.ts';

export class SaveListEntryDto {
  @ApiProperty({ description: 'Stable id stored in events; lowercase words joined by hyphens', example: 'moved-away' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'id must be lowercase words joined by hyphens' })
  @MaxLength(60)
  id!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;

  @ApiPropertyOptional({ description: 'Crime types only: police may refer these victims only with explicit consent' })
  // Left out for other lists; null is no answer for a crime type.
  @ValidateIf((_entry, value) => value !== undefined)
  @IsBoolean()
  explicitConsentRequired?: boolean;

  @ApiPropertyOptional({ description: 'Crime types only: the priority group the offence alone puts a victim in', enum: PRIORITY_GROUPS, nullable: true })
  @IsOptional()
  @IsIn([...PRIORITY_GROUPS, null])
  priorityGroup?: CrimeType['priorityGroup'];

  @ApiPropertyOptional({ description: 'Community Remedies only: measured as an amount in pence or in hours', enum: REMEDY_MEASURES })
  @IsOptional()
  @IsIn(REMEDY_MEASURES)
  measure?: RemedyMeasure;

  @ApiPropertyOptional({ description: 'Notify templates only (required there): the GOV.UK Notify template id', format: 'uuid', example: 'f33517ff-2a88-4f6e-b855-c550268ce08a' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({
    description: "Notify templates only: the placeholders the template uses (its `((name))`s), each asked for by the message's form and required by the message routes; none when left out",
    type: [String],
    maxItems: 20,
    example: ['first_name', 'update', 'court_name'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(FIELD_NAME, { each: true, message: 'each placeholder must be a name of letters, digits, spaces and underscores, starting with a letter' })
  placeholders?: string[];
}

export class SetThresholdDto {
  @ApiProperty({ minimum: 1, maximum: 20, description: 'Consecutive failed contact attempts before "unable to contact"' })
  @IsInt()
  @Min(1)
  @Max(20)
  value!: number;
}

export class SetRetentionPeriodDto {
  @ApiProperty({ enum: RETENTION_CASE_KINDS, example: 'referral' })
  @IsIn(RETENTION_CASE_KINDS)
  caseKind!: RetentionCaseKind;

  @ApiProperty({ description: 'A closure reason id, or null for every reason of the kind without a period of its own', nullable: true, example: 'duplicate' })
  @ValidateIf((_period, value) => value !== null)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'closureReason must be a closure reason id or null' })
  @MaxLength(60)
  closureReason!: string | null;

  @ApiProperty({ minimum: 1, maximum: 1200, description: 'Months from closure before the case is due for disposal', example: 24 })
  @IsInt()
  @Min(1)
  @Max(1200)
  months!: number;
}
