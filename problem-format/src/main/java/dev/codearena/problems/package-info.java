/** Reads the on-disk problem format ({@code problems/<slug>/}) used by the catalogue and the judge. */
package dev.codearena.problems;
