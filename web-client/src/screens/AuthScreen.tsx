import { useEffect, useState } from 'react';
import { PLAYER_CLASSES, type PlayerClass } from '../lib/types';
import { useUserStore } from '../stores/userStore';

/** A sign-in provider the server has configured (GET /api/auth/providers); none unless its client id is set. */
type Provider = { id: string; name: string; signInPath: string };

export function AuthScreen() {
  const [providers, setProviders] = useState<Provider[]>([]);
  const [mode, setMode] = useState<'signup' | 'login'>('signup');
  const [handle, setHandle] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [playerClass, setPlayerClass] = useState<PlayerClass>('HACKER');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { register, login } = useUserStore();

  useEffect(() => {
    fetch('/api/auth/providers', { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : { providers: [] }))
      .then((body) => setProviders(Array.isArray(body?.providers) ? body.providers : []))
      .catch(() => setProviders([]));
    // the server sends a failed provider sign-in back here with ?signInError=oauth
    if (new URLSearchParams(window.location.search).has('signInError')) {
      setError('Signing in with that provider did not work. Try again or use your password.');
    }
  }, []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup') await register(handle, email, password, playerClass);
      else await login(handle, password);
    } catch (err: any) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth">
      <div className="hero">
        <h1>Code<span>Arena</span></h1>
        <p>Real-time competitive programming. Lock problems before your rival does.</p>
      </div>
      <form className="panel auth-form" onSubmit={submit} aria-label={mode === 'signup' ? 'Sign up' : 'Log in'}>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'signup'} onClick={() => setMode('signup')}>Sign up</button>
          <button type="button" role="tab" aria-selected={mode === 'login'} onClick={() => setMode('login')}>Log in</button>
        </div>
        <label>{mode === 'signup' ? 'Handle' : 'Handle or email'}
          <input name="handle" value={handle} onChange={(e) => setHandle(e.target.value)} required autoComplete="username"
            minLength={3} maxLength={mode === 'signup' ? 20 : 254} pattern={mode === 'signup' ? '[A-Za-z0-9_\\-]{3,20}' : undefined} />
        </label>
        {mode === 'signup' && (
          <label>Email<input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" /></label>
        )}
        <label>Password
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required
            minLength={mode === 'signup' ? 10 : 1} maxLength={128} autoComplete={mode === 'signup' ? 'new-password' : 'current-password'} />
        </label>
        {mode === 'signup' && (
          <fieldset className="classes">
            <legend>Pick your class <small>(cosmetic: it tunes your editor)</small></legend>
            {PLAYER_CLASSES.map((c) => (
              <label key={c.id} className={`class-card ${playerClass === c.id ? 'selected' : ''}`}>
                <input type="radio" name="playerClass" value={c.id} checked={playerClass === c.id} onChange={() => setPlayerClass(c.id)} />
                <b>{c.id.toLowerCase()}</b><span>{c.blurb}</span>
              </label>
            ))}
          </fieldset>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{mode === 'signup' ? 'Create account' : 'Log in'}</button>
        {providers.length > 0 && (
          <div className="oauth-providers" aria-label="Sign in with a provider">
            {providers.map((p) => (
              // a full navigation: the provider's pages, then back here with the refresh cookie set
              <a key={p.id} className="button" href={p.signInPath}>Sign in with {p.name}</a>
            ))}
          </div>
        )}
      </form>
    </div>
  );
}
