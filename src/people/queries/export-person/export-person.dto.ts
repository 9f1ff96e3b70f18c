import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const EXPORT_FORMATS = ['json', 'html'] as const;

export class ExportPersonDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: '`html` for a document to send the person (as `Accept: text/html` does); JSON otherwise', example: 'html' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}
