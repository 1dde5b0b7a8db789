/**
 * The shared contract of CodeArena: commands, events, queries, results, wire messages and error
 * codes. Depends on no other CodeArena module, so any client can use it.
 */
package dev.codearena.api;
