import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CHANGE_REASONS, type ChangeReason } from '../../domain/restricted-access.events.ts';
import { NamedPeopleDto } from '../named-people.dto.ts';

export class ChangeNamedPeopleDto extends NamedPeopleDto {
  @ApiProperty({ description: 'Why who may work on the case changes', enum: CHANGE_REASONS, example: 'staff-changed' })
  @IsIn(CHANGE_REASONS)
  reason!: ChangeReason;
}
