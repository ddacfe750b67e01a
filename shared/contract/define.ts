import type { z } from 'zod';

/** A request channel: what the renderer sends and what main answers, both as zod schemas. */
export interface RequestSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export const requestSpec = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): RequestSpec<Req, Res> => ({ request, response });
