/** The admin's view of fair-play flags (plagiarism, bot and collusion signals) and their reviews. */
package dev.codearena.api.fairplay;
