import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
