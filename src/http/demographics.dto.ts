import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DISABILITIES, ETHNICITIES, GENDERS, type DeclaredDemographics, type Disability, type Ethnicity, type Gender } from '../shared/domain/demographics.ts';

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

/** The command part every context's demographics route builds from the body. */
export const declaredDemographics = ({ gender, ethnicity, disability }: DemographicsDto): DeclaredDemographics => ({ gender, ethnicity, disability });
