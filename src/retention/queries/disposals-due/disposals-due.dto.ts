import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

export class DisposalsDueDto {
  @ApiProperty({ description: 'The London day to review for: the cases whose retention period has run by its end', example: '2026-12-04' })
  @IsCalendarDate()
  asOf!: string;
}
