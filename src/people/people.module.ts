import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access/case-access.module.ts';
import { PersonalDataModule } from '../personal-data/personal-data.module.ts';
import { DecidePersonController } from './commands/decide-person/decide-person.controller.ts';
import { LinkPersonController } from './commands/link-person/link-person.controller.ts';
import { PeopleIndex } from './people-index.ts';
import { ExportPersonController } from './queries/export-person/export-person.controller.ts';
import { PersonExporter } from './queries/export-person/person-export.ts';
import { PossibleMatchesController } from './queries/possible-matches/possible-matches.controller.ts';
import { SearchPeopleController } from './queries/search-people/search-people.controller.ts';

/** People: the data subjects of many cases recognised as one person, found, exported, erased or restricted together. */
@Module({
  imports: [PersonalDataModule, CaseAccessModule],
  controllers: [LinkPersonController, PossibleMatchesController, SearchPeopleController, ExportPersonController, DecidePersonController],
  providers: [PeopleIndex, PersonExporter],
})
export class PeopleModule {}
