import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsInstantOrLondonDay } from '../../http/instant.ts';

export class CaseEventsDto {
  @ApiPropertyOptional({ description: 'Only events after this revision (the nextAfter of the previous page)', minimum: -1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CaseStateDto {
  @ApiPropertyOptional({ description: 'The case as it stood at this instant, or at the end of this day in England', example: '2026-03-02T12:00:00Z' })
  @IsOptional()
  @IsInstantOrLondonDay()
  asOf?: string;

  @ApiPropertyOptional({ description: 'The case as it stood after this revision', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}
