import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { declaredDemographics } from '../../../http/demographics.dto.ts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { resolutionDecider } from '../../domain/resolution.decide.ts';
import { resolutionStream } from '../../resolution-stream.ts';
import { ProposeResolutionCommand } from './propose-resolution.command.ts';

/** Data subjects a proposal introduces, by index: the offender, the appropriate adult, then each victim. */
const OFFENDER = 0;
const APPROPRIATE_ADULT = 1;
const FIRST_VICTIM = 2;

@CommandHandler(ProposeResolutionCommand)
export class ProposeResolutionHandler implements ICommandHandler<ProposeResolutionCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ body, context }: ProposeResolutionCommand): Promise<CommandOutcome> {
    const settings = await this.settings.current();
    const eligibleOffenceTypes = settings.state.lists.resolutionOffenceTypes.filter((entry) => !entry.retired).map((entry) => entry.id);
    const resolutionId = context.ids.caseId();
    const { appropriateAdult, flags } = body;
    return this.pipeline.run({
      stream: resolutionStream(resolutionId),
      caseId: resolutionId,
      decider: resolutionDecider,
      newStream: true,
      context,
      command: {
        type: 'ProposeResolution',
        resolutionId,
        crimeReference: body.crimeReference,
        offenceTypeId: body.offenceType,
        eligibleOffenceTypes,
        offenceDate: body.offenceDate,
        offender: { subjectId: context.ids.subjectId(OFFENDER), name: body.offender.name, dateOfBirth: body.offender.dateOfBirth },
        appropriateAdult: appropriateAdult ? { subjectId: context.ids.subjectId(APPROPRIATE_ADULT), name: appropriateAdult.name, relationship: appropriateAdult.relationship ?? null } : null,
        evidenceSufficient: body.evidenceSufficient,
        offenderAdmits: body.offenderAdmits,
        offenderAgrees: body.offenderAgrees,
        victims: body.victims.map((victim, index) => ({
          subjectId: context.ids.subjectId(FIRST_VICTIM + index),
          name: victim.name,
          contact: victim.contact ?? null,
          consulted: victim.consulted,
          views: victim.views ?? null,
          consents: victim.consents,
        })),
        flags: { domesticAbuse: flags?.domesticAbuse ?? false, intimatePartner: flags?.intimatePartner ?? false, hateCrime: flags?.hateCrime ?? false },
        rationale: body.rationale,
        demographics: body.demographics ? declaredDemographics(body.demographics) : null,
        at: effectiveTime(body),
        metadata: { now: context.now },
      },
    });
  }
}
