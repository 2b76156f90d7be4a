// "New Jira Connection" / "Re-authenticate <name>": credentials, then Next tests them,
// then ConfigureStep names the connection and Finish saves it.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  ATLASSIAN_TOKEN_PAGE,
  type AuthMethod,
  type ConnectionDraft,
  type ConnectionSummary,
  type ConnectionTestResult,
} from '../shared/connection';
import { request } from '../shared/messaging';
import { normaliseSiteUrl, type NormalisedSite } from '../shared/site-url';
import { requestSiteAccess } from './browser-api';
import { ConfigureStep } from './ConfigureStep';
import { ErrorAlert } from './ErrorAlert';
import { formFieldOf, toFormError, type FormError } from './form-error';
import { hostOf } from '../shared/site-url';
import { secretLabel } from './format';
import { SecretField } from './SecretField';

export type FormMode = { kind: 'new' } | { kind: 'reauth'; connection: ConnectionSummary };

/** A token claimed from the token page, handed to the open form. */
export interface IncomingCapture {
  nonce: number;
  token: string;
  tokenExpiresOn?: string;
  siteUrl?: string;
  username?: string;
}

interface Props {
  mode: FormMode;
  capture?: IncomingCapture;
  onSaved: (connection: ConnectionSummary) => void;
  onCancel?: () => void;
}

type Field = 'url' | 'username' | 'secret';

function cloudFromUrl(url: string): boolean | undefined {
  try {
    return normaliseSiteUrl(url).isCloud;
  } catch {
    return undefined;
  }
}

export function ConnectionForm({ mode, capture, onSaved, onCancel }: Props) {
  const reauth = mode.kind === 'reauth' ? mode.connection : undefined;
  const id = useId();
  const [url, setUrl] = useState(reauth?.siteUrl ?? '');
  const [cloud, setCloud] = useState(reauth ? reauth.deployment === 'cloud' : false);
  const [cloudTouched, setCloudTouched] = useState(false);
  const [serverAuth, setServerAuth] = useState<'password' | 'pat'>(reauth?.authMethod === 'pat' ? 'pat' : 'password');
  const [username, setUsername] = useState(reauth?.username ?? '');
  const [secret, setSecret] = useState('');
  const [secretKey, setSecretKey] = useState(0);
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [hint, setHint] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const refs = {
    url: useRef<HTMLInputElement>(null),
    username: useRef<HTMLInputElement>(null),
    secret: useRef<HTMLInputElement>(null),
  };
  const nextRef = useRef<HTMLButtonElement>(null);

  const authMethod: AuthMethod = cloud ? 'cloud-token' : serverAuth;
  const label = secretLabel(authMethod);
  const usernameOptional = authMethod === 'pat';
  const heading = reauth ? `Re-authenticate ${reauth.name}` : 'New Jira Connection';
  const errorField: Field | undefined = (() => {
    const f = formFieldOf(error?.field);
    return f === 'url' || f === 'username' || f === 'secret' ? f : undefined;
  })();
  const errorId = `${id}-error`;

  // Keyboard-first: the form opens with the cursor where typing starts.
  useEffect(() => {
    if (!capture) (reauth ? refs.secret : refs.url).current?.focus();
  }, []);

  // A token from the token page: fill the form, masked, and say so.
  useEffect(() => {
    if (!capture) return;
    setResult(null);
    setError(null);
    setSecret(capture.token);
    setSecretKey((k) => k + 1);
    if (capture.tokenExpiresOn) setExpiresOn(capture.tokenExpiresOn);
    let missingUrl = false;
    let missingUser = false;
    if (!reauth) {
      setCloud(true);
      setCloudTouched(true);
      missingUrl = !url.trim() && !capture.siteUrl;
      if (!url.trim() && capture.siteUrl) setUrl(capture.siteUrl);
      missingUser = !username.trim() && !capture.username;
      if (!username.trim() && capture.username) setUsername(capture.username);
    }
    if (missingUrl || missingUser) {
      setHint(missingUrl ? 'Token received — enter your Jira URL and Username.' : 'Token received — enter your Username.');
      (missingUrl ? refs.url : refs.username).current?.focus();
    } else {
      setHint('');
      nextRef.current?.focus();
    }
    // Only a new capture (nonce) should run this.
  }, [capture?.nonce]);

  function onUrlInput(value: string) {
    setUrl(value);
    if (!cloudTouched && !reauth) {
      const isCloud = cloudFromUrl(value);
      if (isCloud !== undefined) setCloud(isCloud);
    }
  }

  function fail(err: FormError) {
    setError(err);
    const field = formFieldOf(err.field);
    if (field === 'url' || field === 'username' || field === 'secret') refs[field].current?.focus();
  }

  /** Client-side checks; returns the draft or shows the first problem. */
  function check(): { draft: ConnectionDraft; site: NormalisedSite } | undefined {
    let site: NormalisedSite;
    try {
      site = normaliseSiteUrl(url);
    } catch (e) {
      fail({ ...toFormError(e), field: 'siteUrl' });
      return undefined;
    }
    if (!usernameOptional && !username.trim()) {
      const message = cloud ? 'Enter the email address of your Atlassian account.' : 'Enter your Jira username.';
      fail({ kind: 'invalid-input', field: 'username', message });
      return undefined;
    }
    if (!secret) {
      const message = cloud ? 'Enter an API token (or create one with the API Token link).' : `Enter your ${label.toLowerCase()}.`;
      fail({ kind: 'invalid-input', field: 'secret', message });
      return undefined;
    }
    const draft: ConnectionDraft = {
      siteUrl: site.siteUrl,
      deployment: cloud ? 'cloud' : 'server',
      authMethod,
      username: username.trim(),
      secret,
    };
    if (reauth) draft.connectionId = reauth.id;
    return { draft, site };
  }

  /** Must run synchronously from the click/submit: permissions.request is its first await. */
  function test(originPattern?: string) {
    if (busy) return;
    const checked = check();
    if (!checked) return;
    const pattern = originPattern ?? checked.site.originPattern;
    setError(null);
    setBusy(true);
    void (async () => {
      try {
        let granted = false;
        try {
          granted = await requestSiteAccess(pattern);
        } catch {
          granted = false;
        }
        if (!granted) {
          fail({
            kind: 'no-site-access',
            originPattern: pattern,
            message: `Client for Jira needs access to ${hostOf(pattern)} to talk to your Jira.`,
          });
          return;
        }
        const reply = await request('connections.test', { draft: checked.draft });
        // The background keeps the secret under testId from here on.
        setSecret('');
        setHint('');
        setResult(reply);
      } catch (e) {
        fail(toFormError(e));
      } finally {
        setBusy(false);
      }
    })();
  }

  function onTokenLinkClick() {
    // The link itself opens the token page (target=_blank); this only tells the background
    // which form the token is for. The capture works without a site or username too.
    let siteUrl: string | undefined;
    try {
      siteUrl = normaliseSiteUrl(url).siteUrl;
    } catch {
      siteUrl = undefined;
    }
    const payload: { siteUrl?: string; username?: string; connectionId?: string } = {};
    if (siteUrl) payload.siteUrl = siteUrl;
    if (username.trim()) payload.username = username.trim();
    if (reauth) payload.connectionId = reauth.id;
    request('capture.start', payload).catch(() => {
      // Copying the token by hand still works; nothing to tell the user here.
    });
  }

  if (result) {
    return (
      <section class="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        <ConfigureStep
          result={result}
          defaultName={reauth?.name ?? result.suggestedName}
          defaultExpiresOn={expiresOn}
          onBack={() => setResult(null)}
          onSaved={onSaved}
        />
      </section>
    );
  }

  const describe = (field: Field) => (errorField === field ? errorId : undefined);
  const fieldError = (field: Field) => (errorField === field && error ? <ErrorAlert id={errorId} error={error} cloud={cloud} /> : null);

  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          test();
        }}
      >
        {hint && (
          <p class="hint hint-info" role="status">
            {hint}
          </p>
        )}
        <div class="field">
          <label for={`${id}-url`}>URL</label>
          <input
            id={`${id}-url`}
            ref={refs.url}
            type="url"
            value={url}
            readOnly={!!reauth}
            placeholder="https://your-company.atlassian.net"
            autoComplete="url"
            spellcheck={false}
            autoCapitalize="off"
            onInput={(e) => onUrlInput(e.currentTarget.value)}
            aria-invalid={errorField === 'url' || undefined}
            aria-describedby={describe('url')}
          />
        </div>
        {fieldError('url')}

        <div class="field field-check">
          <input
            id={`${id}-cloud`}
            type="checkbox"
            checked={cloud}
            disabled={!!reauth}
            onChange={(e) => {
              setCloud(e.currentTarget.checked);
              setCloudTouched(true);
              setError(null);
            }}
          />
          <label for={`${id}-cloud`}>Jira Cloud</label>
        </div>

        {!cloud && (
          <fieldset class="field radio-group">
            <legend>Sign in with</legend>
            <label>
              <input type="radio" name={`${id}-auth`} checked={serverAuth === 'password'} onChange={() => setServerAuth('password')} />
              Password
            </label>
            <label>
              <input type="radio" name={`${id}-auth`} checked={serverAuth === 'pat'} onChange={() => setServerAuth('pat')} />
              Personal access token
            </label>
          </fieldset>
        )}

        <div class="field">
          <label for={`${id}-username`}>Username{usernameOptional && <span class="optional"> (optional)</span>}</label>
          <input
            id={`${id}-username`}
            ref={refs.username}
            type={(cloud ? 'email' : 'text') as 'text'}
            value={username}
            autoComplete="username"
            spellcheck={false}
            autoCapitalize="off"
            placeholder={cloud ? 'you@company.com' : ''}
            onInput={(e) => setUsername(e.currentTarget.value)}
            aria-invalid={errorField === 'username' || undefined}
            aria-describedby={describe('username')}
          />
        </div>
        {fieldError('username')}

        <SecretField
          key={secretKey}
          id={`${id}-secret`}
          label={label}
          value={secret}
          onInput={setSecret}
          inputRef={refs.secret}
          autoComplete={authMethod === 'password' ? 'current-password' : 'off'}
          invalid={errorField === 'secret'}
          describedBy={describe('secret')}
        />
        {fieldError('secret')}

        {cloud && (
          <p class="hint">
            Get an{' '}
            <a href={ATLASSIAN_TOKEN_PAGE} target="_blank" rel="noopener" onClick={onTokenLinkClick}>
              API Token
            </a>
            : log in there with the same email as in Username, create a token, and it will be filled in here.
          </p>
        )}

        {error && !errorField && <ErrorAlert error={error} cloud={cloud} onGrantAccess={() => test(error.originPattern)} />}

        <div class="actions">
          {onCancel && (
            <button type="button" class="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" class="button button-primary" ref={nextRef} disabled={busy}>
            Next
          </button>
        </div>
        <p class="status" role="status" aria-live="polite">
          {busy ? 'Testing connection…' : ''}
        </p>
      </form>
    </section>
  );
}
