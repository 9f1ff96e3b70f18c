import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

export class ResolutionsReportDto {
  @ApiProperty({ description: 'First day of the period (inclusive), by the day a resolution was proposed', example: '2026-04-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'Last day of the period (inclusive)', example: '2027-03-31' })
  @IsCalendarDate()
  to!: string;
}
