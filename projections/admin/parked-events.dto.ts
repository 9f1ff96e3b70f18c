import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ParkedEventsQueryDto {
  @ApiPropertyOptional({ enum: ['replayed'], description: 'Also list the events replayed since they were parked, with when and by whom' })
  @IsOptional()
  @IsIn(['replayed'])
  include?: 'replayed';
}
