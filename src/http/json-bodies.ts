import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const PROTOTYPE_KEY_DETAIL = 'Body must not contain the key __proto__ or constructor.prototype';

/**
 * Bodies are JSON only: Fastify's own JSON parser stays (Nest is told not to add its form parser), and its
 * plain-text parser goes, so a form or text body is a 415 rather than something a DTO might be read from.
 * The JSON parser still refuses `__proto__` and `constructor.prototype` keys (prototype poisoning), but says
 * so: Fastify answers them as it answers JSON that does not parse.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, parsed) => {
      if (error && parsesAsPlainJson(body as string)) return done(new BadRequestException(PROTOTYPE_KEY_DETAIL), undefined);
      return done(error, parsed);
    });
  });
}

/** Only prototype poisoning fails Fastify's parser on text that JSON.parse takes. */
function parsesAsPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
