/**
 * Written by the cipher that stored `pd1:<subject id>:<ciphertext>` strings, before envelopes: what
 * old stores hold at the declared personal-data paths, and must still open.
 */
export const LEGACY_SEALED = {
  subjectId: 'victim-7',
  key: Buffer.from('Cdjh8E1fckJfBHK6SG2IhTEr1D/DhIpO4kadm0JbaIU=', 'base64'),
  /** 'Ann Example' */
  name: 'pd1:victim-7:4hocORhvKyLdvtNbyNX6pnVz0y96wPR3FvRcGIYaERtNuWFigOxbhZw',
  /** { line1: '1 High St' } */
  address: 'pd1:victim-7:oDaQNny_WpUFloLdz6MNQyOAPAXUlj9i6uSq_a-4u2cz9XZRRYp1bfcZRx4VPqLdXQ',
};
