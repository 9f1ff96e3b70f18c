import type { FastifyInstance } from 'fastify';

/**
 * Bodies are JSON only: Fastify's own JSON parser stays (Nest is told not to add its form parser), and its
 * plain-text parser goes, so a form or text body is a 415 rather than something a DTO might be read from.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
}
