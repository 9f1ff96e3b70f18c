import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { personLinksProjection } from '../../../../projections/people/person-links.projection.ts';
import { subjectIndexProjection } from '../../../../projections/people/subject-index.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { onlyItemsVisibleTo } from '../../../case-access/visible-cases.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { searchValues } from '../../domain/normalise.ts';
import { matchKeys } from '../../match-keys.ts';
import { PeopleIndex } from '../../people-index.ts';
import { candidatesFor, caseOf, type Candidate } from '../possible-matches/possible-matches.ts';
import { SearchPeopleDto } from './search-people.dto.ts';

/** At most this many matching cases are read per search. */
const SEARCH_CASES = 100;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/people')
export class SearchPeopleController {
  constructor(
    private readonly people: PeopleIndex,
    private readonly projections: ProjectionsService,
    private readonly database: DataSource,
  ) {}

  @Get()
  @AccessLogged()
  @Roles('admin', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the search includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({
    description: 'The people (and records not yet linked to a person) the term matches, each with every case and role they appear in; the cases found are in the access log, the term is not',
    schema: { example: { items: [{ personId: '9d2f0c4b-0000-4000-8000-000000000002', matchedOn: ['name'], cases: [{ caseId: '0b7c6a1e-0000-4000-8000-000000000001', caseKind: 'referral', role: 'victim', subjectId: '6f1c1d2e-0000-4000-8000-000000000001' }] }] } },
  })
  async search(@Query() { q }: SearchPeopleDto, @MinPosition() minPosition: bigint | undefined, @Req() request: FastifyRequest, @CurrentUser() caller: AuthenticatedUser): Promise<{ items: Candidate[] }> {
    await awaitReadModels(this.projections, [subjectIndexProjection.name, personLinksProjection.name], minPosition);
    const keys = matchKeys(searchValues(q));
    const candidates = keys.length === 0 ? [] : candidatesFor(keys, await this.people.matching(keys, SEARCH_CASES));
    const personIds = candidates.flatMap((candidate) => (candidate.personId ? [candidate.personId] : []));
    const everyCase = personIds.length === 0 ? [] : await this.people.ofPeople(personIds);
    const items = await onlyItemsVisibleTo(
      this.database,
      candidates.map((candidate) => (candidate.personId ? { ...candidate, cases: everyCase.filter((appearance) => appearance.personId === candidate.personId).map(caseOf) } : candidate)),
      caller,
    );
    request.casesRead = items.flatMap((item) => item.cases.map((found) => found.caseId));
    return { items };
  }
}
