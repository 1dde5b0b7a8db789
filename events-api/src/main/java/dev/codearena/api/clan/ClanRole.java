package dev.codearena.api.clan;


/**
 * Rank in a clan: leaders manage everything, officers invite and remove members, members play.
 */
public enum ClanRole {
    MEMBER, OFFICER, LEADER;

    public boolean outranks(ClanRole other) {
        return ordinal() > other.ordinal();
    }
}
