// PUT /issue/{key}/assignee (docs/jira-api.md#assignee). Cloud names the user by accountId
// only: a `name` or `key` is refused as in GDPR strict mode; null unassigns and "-1" gives the
// project's default assignee (Unassigned in these projects). Data Center takes {"name": username|null}
// and, like its Jackson 1 beans, refuses a field it does not know. A user who is not assignable
// (deactivated) or unknown gets errors.assignee "User '<id>' cannot be assigned issues.", the
// message Jira's own REST tests expect. 204 on success; the issue's `updated` changes.
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-assignee-put
import type { ApiCall } from './api-router';
import { sendErrors } from './http';
import type { FakeIssue } from './seed';

export const GDPR_STRICT = "'accountId' must be the only user identifying query parameter in GDPR strict mode.";
const DC_USER_FIELDS = ['name', 'key', 'self', 'emailAddress', 'displayName', 'active', 'avatarUrls', 'timeZone'];

/** PUT: assigns the issue (or unassigns it); 204, or 400 with Jira's ErrorCollection. */
export function assignIssue(call: ApiCall, issue: FakeIssue) {
  const { site, res } = call;
  const payload = call.body;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return sendErrors(res, 400, [
      'Can not instantiate value of type [simple type, class com.atlassian.jira.rest.v2.issue.UserBean] from JSON String',
    ]);
  }
  const body = payload as Record<string, unknown>;
  let wanted: unknown;
  if (site.cloud) {
    if ('name' in body || 'key' in body) return sendErrors(res, 400, [GDPR_STRICT]);
    wanted = body.accountId;
  } else {
    const unknown = Object.keys(body).find((k) => !DC_USER_FIELDS.includes(k));
    if (unknown) {
      return sendErrors(res, 400, [
        `Unrecognized field "${unknown}" (Class com.atlassian.jira.rest.v2.issue.UserBean), not marked as ignorable`,
      ]);
    }
    wanted = body.name;
  }
  if (wanted === undefined || wanted === null || wanted === '-1') {
    issue.assignee = null;
  } else {
    const user = typeof wanted === 'string' ? site.user(wanted) : undefined;
    if (!user || user.assignable === false)
      return sendErrors(res, 400, [], { assignee: `User '${String(wanted)}' cannot be assigned issues.` });
    issue.assignee = user.id;
  }
  issue.updated = Date.now();
  call.ok(204, null);
}
