// Shapes of the Jira answers the extension reads. Lenient: extra fields pass through, and
// parts Jira may omit or null (priority, assignee, icons, a hidden email) are optional, so
// one odd field never hides a whole list. `.catch(undefined)` turns a malformed optional
// part into "absent" instead of failing the page.
import { z } from 'zod';

/** A string Jira may omit, null or send malformed: absent then, never a failed parse. */
export const optionalString = z.string().optional().catch(undefined);

export const serverInfoSchema = z.looseObject({
  baseUrl: optionalString,
  version: optionalString,
  versionNumbers: z.array(z.number()).optional().catch(undefined),
  /** "Cloud" or "Server" (Server covers Data Center). */
  deploymentType: optionalString,
  buildNumber: z.number().optional().catch(undefined),
  serverTitle: optionalString,
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

const avatarUrlsSchema = z.record(z.string(), z.string()).optional().catch(undefined);

export const myselfSchema = z.looseObject({
  accountId: optionalString,
  name: optionalString,
  key: optionalString,
  displayName: optionalString,
  /** May be hidden by the user's privacy settings. */
  emailAddress: optionalString,
  avatarUrls: avatarUrlsSchema,
});
export type Myself = z.infer<typeof myselfSchema>;

export const tenantInfoSchema = z.looseObject({ cloudId: z.string().min(1) });

const namedIconSchema = z.looseObject({ name: z.string(), iconUrl: optionalString }).nullish().catch(undefined);

export const issueSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  key: z.string().min(1),
  fields: z
    .looseObject({
      summary: z.string().nullish().catch(undefined),
      status: z
        .looseObject({
          name: z.string(),
          statusCategory: z.looseObject({ key: optionalString }).nullish().catch(undefined),
        })
        .nullish()
        .catch(undefined),
      issuetype: namedIconSchema,
      priority: namedIconSchema,
      assignee: z.looseObject({ displayName: z.string(), avatarUrls: avatarUrlsSchema }).nullish().catch(undefined),
      updated: z.string().nullish().catch(undefined),
    })
    .optional()
    .catch(undefined),
});
export type RawIssue = z.infer<typeof issueSchema>;

/** Cloud GET /rest/api/3/search/jql: no total; nextPageToken is absent on the last page. */
export const cloudSearchSchema = z.looseObject({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** Issues without fields (only their ids), for counting page by page. */
export const cloudIdsSearchSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.union([z.string(), z.number()]) })),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** Server/DC GET /rest/api/2/search. */
export const serverSearchSchema = z.looseObject({
  issues: z.array(issueSchema),
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative(),
});

export const serverCountSchema = z.looseObject({ total: z.number().int().nonnegative() });

export const approximateCountSchema = z.looseObject({ count: z.number().int().nonnegative() });

export const favouriteFiltersSchema = z.array(
  z.looseObject({
    id: z.union([z.string(), z.number()]),
    name: z.string(),
    jql: z.string().optional(),
  }),
);
