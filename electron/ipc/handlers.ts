import type { ParsedRequestOf, RequestChannel, ResponseOf } from '../../shared/contract';
import type { HandlerContext } from './host';

/** One handler per request channel; a channel without a handler is a compile error. */
export type RequestHandlers = {
  [C in RequestChannel]: (request: ParsedRequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;
};

/** The handlers of one area's channels, e.g. `AreaHandlers<typeof syncChannels>`. */
export type AreaHandlers<Channels> = Pick<RequestHandlers, keyof Channels & RequestChannel>;
