import { useEffect, useState } from 'react';
import { AudioControl } from './components/AudioControl';
import { go, useRoute } from './lib/router';
import { socket, type ConnectionState } from './lib/socket';
import { unlockAudio } from './lib/sound';
import { AdminScreen } from './screens/AdminScreen';
import { AuthScreen } from './screens/AuthScreen';
import { ClanScreen } from './screens/clans/ClanScreen';
import { ClansScreen } from './screens/clans/ClansScreen';
import { LeaderboardsScreen } from './screens/LeaderboardsScreen';
import { LobbyScreen } from './screens/LobbyScreen';
import { MatchScreen } from './screens/MatchScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { ReplayScreen } from './screens/ReplayScreen';
import { SpectateListScreen } from './screens/SpectateListScreen';
import { useUserStore } from './stores/userStore';

function ConnectionBadge() {
  const [state, setState] = useState<ConnectionState>(socket.state);
  useEffect(() => socket.onState(setState), []);
  return <span className={`conn conn-${state}`} role="status" data-testid="connection">{state === 'online' ? 'online' : state === 'connecting' ? 'reconnecting…' : 'offline'}</span>;
}

export function App() {
  const route = useRoute();
  const { player, restoring, restore, logout } = useUserStore();
  useEffect(() => { void restore(); }, [restore]);
  useEffect(() => {
    // Browsers only let audio start after a gesture: unlock on the first one.
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    const onVisible = () => { if (!document.hidden) document.title = 'CodeArena'; };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const [screen, arg] = route;
  const publicScreens = ['leaderboards', 'profile', 'replay'];
  let body: React.ReactNode;
  if (restoring) body = <p className="muted center">Connecting…</p>;
  else if (!player && !publicScreens.includes(screen)) body = <AuthScreen />;
  else if (screen === 'match' && arg) body = <MatchScreen matchId={arg} role="player" />;
  else if (screen === 'spectate' && arg) body = <MatchScreen matchId={arg} role="spectator" />;
  else if (screen === 'spectate') body = <SpectateListScreen />;
  else if (screen === 'replay' && arg) body = <ReplayScreen matchId={arg} />;
  else if (screen === 'leaderboards') body = <LeaderboardsScreen />;
  else if (screen === 'profile') body = <ProfileScreen playerId={arg ?? player?.playerId} />;
  else if (screen === 'admin') body = <AdminScreen />;
  else if (screen === 'clans') body = <ClansScreen />;
  else if (screen === 'clan' && arg) body = <ClanScreen clanId={arg} />;
  else body = <LobbyScreen />;

  const link = (path: string, label: string) => (
    <a href={`#/${path}`} aria-current={screen === path || (!screen && path === 'lobby') ? 'page' : undefined}>{label}</a>
  );
  return (
    <div id="shake-root">
      <header className="topbar">
        <a className="logo" href="#/lobby">Code<span>Arena</span></a>
        <nav aria-label="Main">
          {player && link('lobby', 'Play')}
          {player && link('spectate', 'Watch')}
          {link('leaderboards', 'Leaderboards')}
          {player && link('clans', 'Clans')}
          {player && link('profile', 'Profile')}
          {player?.roles.includes('ADMIN') && link('admin', 'Admin')}
        </nav>
        <div className="topbar-right">
          <AudioControl />
          {player && <ConnectionBadge />}
          {player && <span className="who" data-testid="who">{player.handle} <small>{player.playerClass.toLowerCase()}</small></span>}
          {player && <button type="button" className="ghost" onClick={() => { void logout(); go('lobby'); }}>Log out</button>}
        </div>
      </header>
      <main>{body}</main>
    </div>
  );
}
