package dev.codearena.api.match;

/** The four ways to play (product.md section 3). */
public enum MatchMode {
    /** Lockout: the first Accepted submission on a problem locks it for its author. */
    BLITZ,
    /** Shortest Accepted source (UTF-8 bytes) wins. */
    GOLF,
    /** Rounds of one problem with shrinking time; players without an Accepted solution are eliminated. */
    BATTLE_ROYALE,
    /** 1v1: inject a bug into a reference solution, then repair the opponent's. */
    SABOTAGE;

    /** Whether ratings use two-player Elo for this match size (otherwise pairwise multiplayer Elo). */
    public boolean isHeadToHead(int players) {
        return players == 2;
    }
}
