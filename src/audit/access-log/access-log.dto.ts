import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstantOrLondonDay } from '../../http/instant.ts';
import { PageQueryDto } from '../../http/page.ts';

export class AccessLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only reads that returned this case' })
  @IsOptional()
  @IsUUID()
  case?: string;

  @ApiPropertyOptional({ description: 'Only reads by this user (token sub)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  user?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), or from the start of this day in England', example: '2026-12-04' })
  @IsOptional()
  @IsInstantOrLondonDay()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (exclusive), or to the end of this day in England; not before from', example: '2026-12-04' })
  @IsOptional()
  @IsInstantOrLondonDay()
  to?: string;
}
