/** Infrastructure shared by the command and query sides: Axon on PostgreSQL, Redis, embedded servers. */
package dev.codearena.platform;
