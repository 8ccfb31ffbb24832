import { z } from 'zod';

/**
 * A question asked before a customer's first message: by the web chat widget before a chat, and
 * by the customer portal's New request form of the inbox the portal files requests in. `name` and
 * `email` fill the contact's card; `text` answers are kept as contact attributes under `key`.
 */
export const preChatFieldSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Field keys are lower-case letters, digits and _ (up to 40)'),
  label: z.string().trim().min(1, 'Every pre-chat field needs a label').max(100),
  type: z.enum(['name', 'email', 'text']),
  required: z.boolean().default(false),
});
export type PreChatField = z.output<typeof preChatFieldSchema>;

/** An inbox's fields (no default: each inbox kind's settings schema decides whether to add one). */
export const preChatFieldListSchema = z
  .array(preChatFieldSchema)
  .max(10, 'At most 10 pre-chat fields')
  .superRefine((fields, ctx) => {
    const keys = fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', message: 'Pre-chat field keys must be unique' });
    for (const type of ['name', 'email'] as const)
      if (fields.filter((f) => f.type === type).length > 1)
        ctx.addIssue({ code: 'custom', message: `At most one pre-chat field of type ${type}` });
  });
