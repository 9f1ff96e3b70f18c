import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NameCorrectionDto } from '../../../http/correction.dto.ts';

export class CorrectResolutionPersonDto extends NameCorrectionDto {
  @ApiPropertyOptional({ description: "A victim's contact (phone or email); null clears it", maxLength: 200, example: '07700 900002', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;
}
