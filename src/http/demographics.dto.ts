import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import { DISABILITIES, ETHNICITIES, GENDERS, type DeclaredDemographics, type Disability, type Ethnicity, type Gender } from '../shared/domain/demographics.ts';
import type { RecordDemographics } from '../shared/domain/demographics.events.ts';
import { EARLIEST_BIRTH_DATE, IsDateFrom } from './date-bounds.ts';

/** Equality-monitoring answers (src/shared/domain/demographics.ts): each allows `prefer-not-to-say`; the age band is derived. */
export class DemographicsDto implements DeclaredDemographics {
  @ApiProperty({ enum: GENDERS, example: 'woman' })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ enum: ETHNICITIES, description: 'The 19 ONS 2021 categories for England and Wales, prefixed by their group', example: 'black-caribbean' })
  @IsIn(ETHNICITIES)
  ethnicity!: Ethnicity;

  @ApiProperty({ enum: DISABILITIES, description: 'Disabled as the Equality Act 2010 defines it, self-declared', example: 'prefer-not-to-say' })
  @IsIn(DISABILITIES)
  disability!: Disability;
}

/** A complaint holds no date of birth: the complainant may give one here, for their age band only. */
export class ComplainantDemographicsDto extends DemographicsDto {
  @ApiPropertyOptional({ description: 'Places the complainant in an age band on the day of the incident (else of receipt); not kept', example: '1984-09-30' })
  @IsOptional()
  @IsDateFrom(EARLIEST_BIRTH_DATE)
  dateOfBirth?: string;
}

export const DEMOGRAPHICS_RECORDED = 'recorded, replacing earlier ones, and read back only as report counts';
export const DEMOGRAPHICS_UNCHANGED = 'The same answers are already recorded (`demographics-unchanged`)';

/** The command part every context's demographics route builds from the body. */
export const declaredDemographics = ({ gender, ethnicity, disability }: DemographicsDto): DeclaredDemographics => ({ gender, ethnicity, disability });

/** A complainant's answers with the date of birth their age band is taken from, if given. */
export const complainantDemographics = (body: ComplainantDemographicsDto) => ({ ...declaredDemographics(body), dateOfBirth: body.dateOfBirth ?? null });

/** The command every context's `…/{id}/demographics` route sends. */
export const recordDemographics = (body: DemographicsDto, context: CommandContext): RecordDemographics => ({ type: 'RecordDemographics', ...declaredDemographics(body), metadata: { now: context.now } });
