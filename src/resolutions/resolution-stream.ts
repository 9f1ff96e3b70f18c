/** One stream per Community Resolution. */
export const resolutionStream = (resolutionId: string) => `resolution-${resolutionId}`;
