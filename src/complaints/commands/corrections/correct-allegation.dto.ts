import { ApiProperty } from '@nestjs/swagger';
import { CorrectionReasonDto } from '../../../http/correction.dto.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class CorrectAllegationCategoryDto extends CorrectionReasonDto {
  @ApiProperty({ description: 'The category it should have: an id from the configured IOPC complaint categories', example: 'handling-of-property' })
  @IsInSettingsList('complaintCategories')
  category!: string;
}
