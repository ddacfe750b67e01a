import type { z } from 'zod';
import { requestChannelNames, requestChannels, type ParsedRequestOf, type RequestChannel, type ResponseOf } from '../../shared/contract';
import { AppError } from '../../shared/core/errors';
import { fail, ok, type Result } from '../../shared/core/result';
import type { HandlerContext, IpcHost } from './host';
import { seeTheLog, type Logger } from '../main/logger';

/** One handler per request channel; a channel without a handler is a compile error. */
export type RequestHandlers = {
  [C in RequestChannel]: (request: ParsedRequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;
};

/** The handlers of one area's channels, e.g. `AreaHandlers<typeof licensesChannels>`. */
export type AreaHandlers<Channels> = Pick<RequestHandlers, keyof Channels & RequestChannel>;

/** Names the first invalid field, e.g. `url: Invalid URL`. */
export function describeValidationError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const field = issue.path.length > 0 ? issue.path.join('.') : 'request';
  return `${field}: ${issue.message}`;
}

async function runHandler<C extends RequestChannel>(
  channel: C,
  handlers: RequestHandlers,
  rawRequest: unknown,
  context: HandlerContext,
  logger: Logger,
): Promise<Result<unknown>> {
  const parsed = requestChannels[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return fail({ code: 'VALIDATION_FAILED', message: describeValidationError(parsed.error) });
  }
  try {
    const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<unknown>;
    return ok(await handler(parsed.data, context));
  } catch (error) {
    // The page gets the typed code and the product message; the detail (exception text, PowerShell
    // output, paths) goes to the log only.
    if (error instanceof AppError) {
      logger.warn(`[ipc] ${channel} failed`, error);
      return fail({ code: error.code, message: error.message });
    }
    logger.error(`[ipc] ${channel} failed`, error);
    return fail({ code: 'INTERNAL', message: `An unexpected error occurred. ${seeTheLog(logger)}` });
  }
}

/** Binds every channel of the contract to its handler on a host, validating each request first. */
export function registerHandlers(host: IpcHost, handlers: RequestHandlers, logger: Logger): void {
  for (const channel of requestChannelNames) {
    host.handle(channel, (rawRequest, context) => runHandler(channel, handlers, rawRequest, context, logger));
  }
}
