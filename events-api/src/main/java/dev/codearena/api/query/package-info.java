/**
 * Results of the query side's read APIs (REST and RSocket): leaderboards, profiles, rating history,
 * matches, clans, problems, the auditor's event stream and replay, admin rebuild progress.
 */
package dev.codearena.api.query;
