import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

export class DipSampleDto {
  @ApiProperty({ description: 'How many complaint files to select', minimum: 1, maximum: 200 })
  @IsInt()
  @Min(1)
  @Max(200)
  size!: number;

  @ApiProperty({ description: 'Any text; the same seed over the same range selects the same files', maxLength: 200, example: 'panel-2026-Q3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  seed!: string;

  @ApiProperty({ description: 'First day of receipt (inclusive)', example: '2026-07-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'Last day of receipt (inclusive)', example: '2026-09-30' })
  @IsCalendarDate()
  to!: string;
}
