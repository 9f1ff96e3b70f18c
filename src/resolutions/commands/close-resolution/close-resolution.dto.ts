/** The outcome is computed from the remedies: send `{}`. */
export class CloseResolutionDto {}
