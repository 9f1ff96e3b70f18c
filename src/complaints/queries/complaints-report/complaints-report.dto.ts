import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

export class ComplaintsReportDto {
  @ApiProperty({ description: 'First day of receipt (inclusive)', example: '2026-04-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ description: 'Last day of receipt (inclusive)', example: '2026-06-30' })
  @IsCalendarDate()
  to!: string;
}
