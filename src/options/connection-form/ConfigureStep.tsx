// After a successful test: who we are connected as, then name and token expiry, then Finish.
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary, ConnectionTestResult } from '../../shared/connection';
import { Avatar } from '../Avatar';
import { request } from '../browser-api';
import { ErrorAlert } from '../ErrorAlert';
import { NameAndExpiryFields, useNameAndExpiry } from '../NameAndExpiryFields';
import { formFieldOf, MISSING_NAME, toFormError } from '../form-error';
import { safeHttpUrl } from '../format';

interface Props {
  result: ConnectionTestResult;
  defaultName: string;
  defaultExpiresOn: string;
  onBack: () => void;
  onSaved: (connection: ConnectionSummary) => void;
}

/** The Finish step: shows the tested connection, then saves it under the name typed (connections.save). */
export function ConfigureStep({ result, defaultName, defaultExpiresOn, onBack, onSaved }: Props) {
  const { name, expiresOn, error, setError, nameRef, expiresRef, fields } = useNameAndExpiry(defaultName, defaultExpiresOn);
  const [saving, setSaving] = useState(false);
  const siteHref = safeHttpUrl(result.siteUrl);

  // Once: the ref from useNameAndExpiry stays the same object.
  useEffect(() => {
    nameRef.current?.focus();
  }, [nameRef]);

  async function finish(e: Event) {
    e.preventDefault();
    if (saving) return;
    if (!name.trim()) {
      setError(MISSING_NAME);
      nameRef.current?.focus();
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { connection } = await request('connections.save', {
        testId: result.testId,
        name: name.trim(),
        tokenExpiresOn: expiresOn || null,
      });
      onSaved(connection);
    } catch (err) {
      const info = toFormError(err);
      setError(info);
      const field = formFieldOf(info.field);
      (field === 'expires' ? expiresRef : nameRef).current?.focus();
      setSaving(false);
    }
  }

  return (
    <div>
      <div class="connected" role="status">
        <Avatar url={result.user.avatarUrl} siteUrl={result.siteUrl} size={48} class="avatar" />
        <div>
          <p class="connected-as">Connected as {result.user.displayName}</p>
          <p class="muted">
            {result.siteTitle}
            {result.siteTitle && ' · '}
            {siteHref ? (
              <a href={siteHref} target="_blank" rel="noopener noreferrer">
                {result.siteUrl}
              </a>
            ) : (
              result.siteUrl
            )}
            {result.version && ` · Jira ${result.version}`}
          </p>
        </div>
      </div>
      {result.warnings.length > 0 && (
        <ul class="warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <form class="form" noValidate onSubmit={finish}>
        <NameAndExpiryFields {...fields} expiresHint="Optional. You will be reminded before the token expires." />
        {error && <ErrorAlert id={fields.errorId} error={error} />}
        <div class="actions">
          <button type="button" class="button" onClick={onBack} disabled={saving}>
            Back
          </button>
          <button type="submit" class="button button-primary" disabled={saving}>
            Finish
          </button>
        </div>
      </form>
    </div>
  );
}
