import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { LogContext } from './log-context.ts';

/** After authentication: the request's log lines name the user (the token's `sub`, never the token). */
@Injectable()
export class LogContextInterceptor implements NestInterceptor {
  constructor(private readonly logContext: LogContext) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<FastifyRequest>().user;
    if (user) this.logContext.assign({ userId: user.sub });
    return next.handle();
  }
}
