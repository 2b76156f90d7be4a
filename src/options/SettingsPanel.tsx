// Badge settings and saved JQL queries, stored by the background.
import { useEffect, useId, useState } from 'preact/hooks';
import { request } from './browser-api';
import type { Settings } from '../shared/protocol';
import { ErrorAlert } from './ErrorAlert';
import { toFormError, type FormError } from './form-error';
import { SavedQueries } from './SavedQueries';
import { parseInterval } from './settings-model';

/** The Settings section: the badge switch, its refresh interval (1 to 120 minutes) and the saved queries. */
export function SettingsPanel() {
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [interval, setIntervalText] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    request('settings.get', {})
      .then(({ settings: s }) => {
        setSettings(s);
        setIntervalText(String(s.badgeIntervalMinutes));
      })
      .catch((e) => setError(toFormError(e)));
  }, []);

  async function update(patch: Partial<Settings>): Promise<boolean> {
    const before = settings;
    if (before) setSettings({ ...before, ...patch });
    setError(null);
    setStatus('');
    try {
      const { settings: saved } = await request('settings.update', { settings: patch });
      setSettings(saved);
      setStatus('Settings saved.');
      return true;
    } catch (e) {
      setSettings(before);
      setError(toFormError(e));
      return false;
    }
  }

  function commitInterval() {
    if (!settings) return;
    const minutes = parseInterval(interval);
    if (minutes === undefined) {
      setError({ kind: 'invalid-input', field: 'badgeIntervalMinutes', message: 'Enter a whole number of minutes from 1 to 120.' });
      return;
    }
    if (minutes !== settings.badgeIntervalMinutes) void update({ badgeIntervalMinutes: minutes });
  }

  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Settings</h2>
      {!settings && !error && <p class="muted">Loading settings…</p>}
      {settings && (
        <>
          <form
            class="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              commitInterval();
            }}
          >
            <div class="field field-check">
              <input
                id={`${id}-badge`}
                type="checkbox"
                checked={settings.badgeEnabled}
                onChange={(e) => void update({ badgeEnabled: e.currentTarget.checked })}
              />
              <label for={`${id}-badge`}>Show the number of my open issues on the toolbar icon</label>
            </div>
            <div class="field field-narrow">
              <label for={`${id}-interval`}>Refresh every (minutes)</label>
              <input
                id={`${id}-interval`}
                type="number"
                min={1}
                max={120}
                step={1}
                inputMode="numeric"
                value={interval}
                onInput={(e) => {
                  setIntervalText(e.currentTarget.value);
                  // Editing the interval takes its error away (other errors stay).
                  setError((x) => (x?.field === 'badgeIntervalMinutes' ? null : x));
                }}
                onChange={commitInterval}
                aria-invalid={error?.field === 'badgeIntervalMinutes' || undefined}
                aria-describedby={error?.field === 'badgeIntervalMinutes' ? `${id}-error` : undefined}
              />
            </div>
          </form>
          <SavedQueries
            queries={settings.savedQueries}
            onChange={(savedQueries) => update({ savedQueries })}
            checkJql={(jql) => request('jql.check', { jql })}
          />
        </>
      )}
      {error && <ErrorAlert id={`${id}-error`} error={error} />}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
