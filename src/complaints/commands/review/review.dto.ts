import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewRequestDto {
  @ApiProperty({ description: "When the complainant's application for review arrived", example: '2026-06-10T10:00:00Z' })
  @IsISO8601({ strict: true })
  receivedAt!: string;
}

export class ReviewDecisionDto {
  @ApiProperty({ description: 'Whether the outcome was found not reasonable and proportionate' })
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  recommendations?: string;
}

export class IopcReviewDecisionDto {
  @ApiProperty({ description: 'Whether the IOPC found the outcome not reasonable and proportionate', example: true })
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ description: "The IOPC's recommendations, as it gave them", maxLength: 5000, example: 'Re-investigate the handling of the arrest' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  recommendations?: string;

  @ApiProperty({ description: "When the Customer Response Team received the IOPC's decision", example: '2026-08-03T09:30:00Z' })
  @IsISO8601({ strict: true })
  receivedAt!: string;
}
