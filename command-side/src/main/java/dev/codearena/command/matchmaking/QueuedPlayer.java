package dev.codearena.command.matchmaking;

/** One entry of a mode's queue: who, their rating (the sorted set's score) and since when (epoch ms). */
record QueuedPlayer(String playerId, int rating, long since) {
}
