import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../http/calendar-date.ts';
import { PageQueryDto } from '../../../http/page.ts';

export class DisposalsDueDto extends PageQueryDto {
  @ApiProperty({ description: 'The London day to review for: the cases whose retention period has run by its end', example: '2026-12-04' })
  @IsCalendarDate()
  asOf!: string;
}
