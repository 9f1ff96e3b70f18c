import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NestedObject } from '../../../http/nested.ts';
import type { NewAllegation } from '../../domain/complaint.decide.ts';
import { CRITERIA, type CriteriaFlags } from '../../domain/criteria.ts';
import { ComplaintSubjectDto } from '../log-complaint/log-complaint.dto.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

/** The triage officer's answers to the Schedule 3 questions; an omitted flag means "no". */
export class CriteriaDto implements Partial<CriteriaFlags> {
  @ApiPropertyOptional({ description: 'Conduct that caused death or serious injury' })
  @IsOptional()
  @IsBoolean()
  deathOrSeriousInjury?: boolean;

  @ApiPropertyOptional({ description: 'Conduct that could be a criminal offence or justify disciplinary proceedings' })
  @IsOptional()
  @IsBoolean()
  criminalOrDisciplinary?: boolean;

  @ApiPropertyOptional({ description: 'A breach of Article 2 or 3 ECHR' })
  @IsOptional()
  @IsBoolean()
  article2Or3?: boolean;

  @ApiPropertyOptional({ description: 'A serious assault' })
  @IsOptional()
  @IsBoolean()
  seriousAssault?: boolean;

  @ApiPropertyOptional({ description: 'A serious sexual offence' })
  @IsOptional()
  @IsBoolean()
  seriousSexualOffence?: boolean;

  @ApiPropertyOptional({ description: 'Serious corruption, including abuse of position for a sexual purpose' })
  @IsOptional()
  @IsBoolean()
  seriousCorruption?: boolean;

  @ApiPropertyOptional({ description: 'Criminal or disciplinary conduct aggravated by discrimination' })
  @IsOptional()
  @IsBoolean()
  discrimination?: boolean;

  @ApiPropertyOptional({ description: 'Conduct of a chief officer' })
  @IsOptional()
  @IsBoolean()
  chiefOfficer?: boolean;
}

export class AllegationDto {
  @ApiProperty({ description: 'An id from the configured IOPC complaint categories', example: 'individual-behaviours' })
  @IsInSettingsList('complaintCategories')
  category!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ type: ComplaintSubjectDto })
  @NestedObject(() => ComplaintSubjectDto)
  subject!: ComplaintSubjectDto;

  @ApiPropertyOptional({ type: CriteriaDto })
  @IsOptional()
  @NestedObject(() => CriteriaDto)
  criteria?: CriteriaDto;
}

/** Allegations as the domain takes them, each subject a data subject of its own until the domain matches it. */
export function toNewAllegations(allegations: readonly AllegationDto[], subjectId: (index: number) => string): NewAllegation[] {
  return allegations.map((allegation, index) => ({
    category: allegation.category,
    description: allegation.description,
    subject: { subjectId: subjectId(index), kind: allegation.subject.kind, identifier: allegation.subject.identifier ?? null },
    criteria: Object.fromEntries(CRITERIA.map((criterion) => [criterion, allegation.criteria?.[criterion] === true])) as CriteriaFlags,
  }));
}
