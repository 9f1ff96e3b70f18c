import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { personLinksProjection } from '../../../../projections/people/person-links.projection.ts';
import { subjectIndexProjection } from '../../../../projections/people/subject-index.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { casesOfItems, casesVisibleTo, onlyItemsWithCases } from '../../../case-access/visible-cases.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { casesListedFor } from '../../../personal-data/restricted-cases.ts';
import { PeopleIndex } from '../../people-index.ts';
import { candidatesFor, type Candidate } from './possible-matches.ts';

/** At most this many cases are looked at per data subject: a common name must not read the whole index. */
const CANDIDATE_CASES = 50;

interface SubjectMatches {
  subjectId: string;
  role: string;
  personId: string | null;
  candidates: Candidate[];
}

@ApiTags('people')
@ApiBearerAuth()
@Controller('people/cases')
export class PossibleMatchesController {
  constructor(
    private readonly people: PeopleIndex,
    private readonly projections: ProjectionsService,
    private readonly database: DataSource,
  ) {}

  @Get(':id/possible-matches')
  @AccessLogged()
  @Roles('case_manager', 'crt_officer', 'resolution_officer', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the matches include the write that returned this position; 202 + Retry-After if they do not in time' })
  @ApiOkResponse({
    description: "For each data subject of a referral, complaint or resolution: the people (or records not yet linked) elsewhere sharing a name, date of birth, phone or email, normalised (accents, case, spacing ignored)",
    schema: {
      example: {
        caseId: '0b7c6a1e-0000-4000-8000-000000000001',
        subjects: [
          {
            subjectId: '6f1c1d2e-0000-4000-8000-000000000001',
            role: 'victim',
            personId: null,
            candidates: [{ personId: '9d2f0c4b-0000-4000-8000-000000000002', matchedOn: ['name', 'dateOfBirth', 'phone'], cases: [{ caseId: '1c2d3e4f-0000-4000-8000-000000000003', caseKind: 'complaint', role: 'complainant', subjectId: '5e6f7a8b-0000-4000-8000-000000000004' }] }],
          },
        ],
      },
    },
  })
  async matches(@Param('id', CaseIdPipe) caseId: string, @MinPosition() minPosition: bigint | undefined, @CurrentUser() caller: AuthenticatedUser): Promise<{ caseId: string; subjects: SubjectMatches[] }> {
    await awaitReadModels(this.projections, [subjectIndexProjection.name, personLinksProjection.name], minPosition);
    const subjects = await this.people.ofCase(caseId);
    // A restricted case the caller is not named on is a 404 already (NeedToKnowInterceptor, on `:id`); its matches are filtered below.
    if (subjects.length === 0) throw new CaseNotFound(caseId);
    return {
      caseId,
      subjects: await Promise.all(
        subjects.map(async ({ subjectId, role, personId, matchKeys }) => {
          const appearances = matchKeys.length === 0 ? [] : await this.people.matching(matchKeys, CANDIDATE_CASES);
          const linkedAlready = appearances.filter((appearance) => personId !== null && appearance.personId === personId).map((appearance) => appearance.subjectId);
          return { subjectId, role, personId, candidates: await this.shownTo(caller, candidatesFor(matchKeys, appearances, [subjectId, ...linkedAlready])) };
        }),
      ),
    };
  }

  /**
   * The candidates' cases the caller's lists would show: none restricted to others (need to know), and none holding
   * a data subject whose processing is restricted (Art. 18), but to auditors.
   */
  private async shownTo(caller: AuthenticatedUser, candidates: Candidate[]): Promise<Candidate[]> {
    const visible = await casesVisibleTo(this.database, casesOfItems(candidates), caller);
    return onlyItemsWithCases(candidates, await casesListedFor(this.database, visible, caller.roles));
  }
}
