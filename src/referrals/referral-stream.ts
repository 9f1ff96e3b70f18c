/** One stream per victim journey. */
export const referralStream = (referralId: string) => `referral-${referralId}`;
