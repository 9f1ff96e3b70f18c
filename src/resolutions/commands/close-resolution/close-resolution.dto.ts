import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';

/** The outcome is computed from the remedies: send `{}`, or when it was closed. */
export class CloseResolutionDto extends EffectiveTimeDto {}
