// Shapes of Jira's answers about one issue (its details, its comments), lenient like schemas.ts:
// an odd part is dropped, never the whole issue. Rich text is kept as Jira sent it: an ADF
// document (Cloud, REST v3) or rendered HTML (Server/DC, expand=renderedFields / renderedBody),
// for the popup's allowlist to turn into nodes (docs/jira-api.md#issue-details, #comments).
import { z } from 'zod';
import { issueSchema, optionalString } from './schemas';

const avatarUrls = z.record(z.string(), z.string()).optional().catch(undefined);

export const userSchema = z
  .looseObject({ displayName: z.string(), accountId: optionalString, name: optionalString, avatarUrls })
  .nullish()
  .catch(undefined);

/** An ADF document: an object with a type; anything else is no body. */
const adfSchema = z.looseObject({ type: z.string() }).nullish().catch(undefined);
/** Server/DC wiki markup or rendered HTML. */
const textSchema = z.string().nullish().catch(undefined);

export const commentSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  author: userSchema,
  created: optionalString,
  updated: optionalString,
  /** ADF on v3, wiki markup on v2. */
  body: z
    .union([z.looseObject({ type: z.string() }), z.string()])
    .nullish()
    .catch(undefined),
  /** v2 with expand=renderedBody. */
  renderedBody: textSchema,
});
export type RawComment = z.infer<typeof commentSchema>;

export const commentPageSchema = z.looseObject({
  comments: z.array(z.unknown()),
  startAt: z.number().int().nonnegative().optional().catch(undefined),
  total: z.number().int().nonnegative().optional().catch(undefined),
});

const attachmentSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  filename: z.string(),
  size: z.number().optional().catch(undefined),
  created: optionalString,
});

/** GET /rest/api/{3|2}/issue/{key}: the row's fields and the details view's. */
export const issueDetailsSchema = issueSchema.extend({
  fields: z
    .looseObject({
      reporter: userSchema,
      assignee: userSchema,
      labels: z.array(z.string()).optional().catch(undefined),
      created: optionalString,
      resolution: z.looseObject({ name: z.string() }).nullish().catch(undefined),
      project: z.looseObject({ key: z.string(), name: z.string() }).nullish().catch(undefined),
      description: z.unknown().optional(),
      attachment: z.array(z.unknown()).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  renderedFields: z.looseObject({ description: textSchema }).nullish().catch(undefined),
});
export type RawIssueDetails = z.infer<typeof issueDetailsSchema>;

export { adfSchema, attachmentSchema };
