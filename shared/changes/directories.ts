import { z } from 'zod';

/** One domain's OUs and the containers right under it (Users, Computers, Builtin...), as the filtering tree shows them. */
export const organizationalUnitsSchema = z.object({
  partitionDn: z.string(),
  ous: z.array(z.object({ name: z.string(), dn: z.string(), kind: z.enum(['organizationalUnit', 'container']) })),
});
export type OrganizationalUnits = z.infer<typeof organizationalUnitsSchema>;

export const forestAccountRequestSchema = z
  .object({
    forest: z.string().min(1).max(256),
    option: z.enum(['create', 'existing']),
    username: z.string().max(512),
    password: z.string().max(1024),
  })
  .strict();

/** The AD forest account dialog's answer: accepted, or the field at fault and the native message. */
export const forestAccountAnswerSchema = z.object({
  accepted: z.boolean(),
  field: z.enum(['forest', 'username', 'password']).nullable(),
  message: z.string().nullable(),
});
export type ForestAccountAnswer = z.infer<typeof forestAccountAnswerSchema>;
