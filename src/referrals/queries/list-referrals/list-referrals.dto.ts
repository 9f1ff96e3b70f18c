import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../../http/page.ts';
import { REFERRAL_SOURCES, type ReferralSource } from '../../domain/referral.events.ts';

export class ListReferralsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'received' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  status?: string;

  @ApiPropertyOptional({ description: "A case manager's user id" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  caseManager?: string;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  source?: ReferralSource;
}
