import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsInstantOrLondonDay } from '../../../http/instant.ts';
import { PageQueryDto } from '../../../http/page.ts';
import { RETENTION_CASE_KINDS, type RetentionCaseKind } from '../../../settings/domain/retention.ts';

export class DisposalCertificatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only cases of this kind', enum: RETENTION_CASE_KINDS })
  @IsOptional()
  @IsIn(RETENTION_CASE_KINDS)
  kind?: RetentionCaseKind;

  @ApiPropertyOptional({ description: 'Disposed of from this instant (inclusive), or from the start of this day in England', example: '2026-12-01' })
  @IsOptional()
  @IsInstantOrLondonDay()
  from?: string;

  @ApiPropertyOptional({ description: 'Disposed of up to this instant (exclusive), or to the end of this day in England; not before from', example: '2026-12-04' })
  @IsOptional()
  @IsInstantOrLondonDay()
  to?: string;
}
