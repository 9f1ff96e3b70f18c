import { Injectable, UnauthorizedException, ForbiddenException, HttpException, HttpStatus, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogContext } from '../observability/log-context.ts';
import { AuthFailures } from './auth-failures.ts';
import { PUBLIC_KEY, ROLES_KEY, type Role } from './roles.ts';
import { FAILURE_DESCRIPTIONS, InvalidToken, type AuthFailureReason } from './token-claims.ts';
import { TokenVerifier, type AuthenticatedUser } from './token-verifier.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthenticatedUser;
  }
}

/** Every route needs a valid bearer token and one of its declared roles, unless it is @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly failures: AuthFailures,
    private readonly logContext: LogContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    request.user = await this.authenticate(request, http.getResponse<FastifyReply>());
    // The request's log lines name the user (the token's `sub`, never the token), refused or not.
    this.logContext.assign({ userId: request.user.sub });
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!request.user.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException('Your roles do not allow this');
    }
    return true;
  }

  private async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedUser> {
    const retryAfter = this.failures.retryAfterSeconds(request.ip);
    if (retryAfter > 0) {
      this.failures.refusedWhileBlocked();
      void reply.header('retry-after', String(retryAfter));
      throw new HttpException('Too many failed authentications from this address: try again after Retry-After seconds', HttpStatus.TOO_MANY_REQUESTS);
    }
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) this.refuse('missing-token', request, reply);
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) this.refuse(error.reason, request, reply);
      throw error;
    }
  }

  /** 401 with the challenge RFC 6750 asks for: no error code when no token was sent, `invalid_token` otherwise. */
  private refuse(reason: AuthFailureReason, request: FastifyRequest, reply: FastifyReply): never {
    this.failures.failed(reason, request.ip);
    const description = FAILURE_DESCRIPTIONS[reason];
    const challenge = reason === 'missing-token' ? 'Bearer realm="casework"' : `Bearer realm="casework", error="invalid_token", error_description="${description}"`;
    void reply.header('www-authenticate', challenge);
    throw new UnauthorizedException(description);
  }
}
