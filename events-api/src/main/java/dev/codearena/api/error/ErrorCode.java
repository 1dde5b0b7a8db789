package dev.codearena.api.error;

/**
 * Every reason the platform gives for refusing something, stable on the wire. The command side
 * reports them two ways, consistently:
 * <ul>
 *   <li>a refused <em>submission</em> (solution, repair, sabotage) is recorded as an event
 *       ({@code SubmissionRefused} / {@code SabotageRefused}) carrying one of these codes, so the
 *       player sees why and the refusal stays in the match's audit trail;</li>
 *   <li>any other refused command fails with a {@link CodeArenaException} carrying the code.</li>
 * </ul>
 * {@link #defaultMessage()} is a player-readable explanation; senders may add detail.
 */
public enum ErrorCode {
    // --- generic
    VALIDATION_FAILED("The request is malformed."),
    INTERNAL_ERROR("Something went wrong on our side; nothing was lost, please retry."),
    // --- read side (query APIs)
    READ_MODEL_REBUILDING("This view is being rebuilt from history; retry shortly."),
    UNKNOWN_READ_MODEL("No such read model."),
    ADMIN_ONLY("Only admins may do that."),
    FAIR_PLAY_FLAG_NOT_FOUND("No such fair-play flag."),

    // --- gateway: connection, protocol and accounts
    UNAUTHENTICATED("Sign in first: the access token is missing, invalid or expired."),
    FORBIDDEN("You are not allowed to do that here."),
    MALFORMED_MESSAGE("The message is not a JSON envelope {type, id, payload}."),
    UNKNOWN_MESSAGE_TYPE("Unknown message type."),
    MESSAGE_TOO_LARGE("The message is larger than the frame limit."),
    INVALID_CREDENTIALS("Wrong handle/email or password."),
    TOO_MANY_ATTEMPTS("Too many failed sign-ins: wait before trying again."),
    REGISTRATION_REJECTED("This handle or email cannot be used; choose another."),
    WEAK_PASSWORD("Passwords are 10-128 characters."),
    INVALID_REFRESH_TOKEN("Your session has expired; sign in again."),
    ALREADY_QUEUED("You are already queued or in a lobby."),
    LOBBY_NOT_FOUND("No open lobby with this code."),
    LOBBY_FULL("The lobby is full."),
    NOT_LOBBY_HOST("Only the lobby's host can do that."),
    NOT_ENOUGH_PROBLEMS("The catalogue has too few problems for these settings."),
    CHAT_MESSAGE_NOT_FOUND("No such chat message."),

    // --- match lifecycle
    MATCH_NOT_FOUND("No such match."),
    MATCH_ALREADY_EXISTS("A match with this id already exists."),
    INVALID_MATCH_SETTINGS("The match settings are out of bounds."),
    INVALID_ROSTER("The number of players does not fit the mode."),
    NOT_IN_MATCH("You are not a player of this match."),
    ALREADY_IN_MATCH("You are already a player of this match."),
    MATCH_FULL("The match has as many players as its settings allow."),
    MATCH_NOT_RUNNING("The match is not running."),
    MATCH_ALREADY_STARTED("The match has already started."),
    MATCH_ENDED("The match has ended."),
    TIME_UP("Time is up for this round or phase; waiting for the last verdicts."),
    WRONG_PHASE("That is not possible in the current phase of the match."),

    // --- submissions
    PLAYER_ELIMINATED("You have been eliminated."),
    PLAYER_FORFEITED("You have forfeited this match."),
    PROBLEM_NOT_IN_MATCH("That problem is not part of this match."),
    PROBLEM_NOT_IN_ROUND("That problem is not the current round's problem."),
    PROBLEM_LOCKED("That problem is already locked by a player."),
    ALREADY_SOLVED("You have already solved this."),
    RATE_LIMITED("Too many submissions: wait before submitting again."),
    SOURCE_EMPTY("The source is empty."),
    SOURCE_TOO_LARGE("The source is larger than the limit."),
    DUPLICATE_SUBMISSION("A submission with this id was already received."),
    UNKNOWN_SUBMISSION("No such submission in this match."),

    // --- sabotage
    SABOTAGE_NO_CHANGE("The sabotage does not change the reference solution."),
    SABOTAGE_EDIT_BUDGET_EXCEEDED("The sabotage changes more lines than the edit budget allows."),
    SABOTAGE_DOES_NOT_COMPILE("The sabotage does not parse or compile."),
    SABOTAGE_PASSES_ALL_TESTS("The sabotage still passes every hidden test."),
    SABOTAGE_JUDGE_ERROR("The judge could not validate the sabotage; please submit it again."),
    SABOTAGE_PENDING("Your previous sabotage is still being validated."),
    SABOTAGE_ALREADY_ACCEPTED("Your sabotage has already been accepted."),

    // --- players
    PLAYER_NOT_FOUND("No such player."),
    PLAYER_ALREADY_REGISTERED("This player is already registered."),
    INVALID_HANDLE("Handles are 3-20 characters: letters, digits, '_' or '-'."),

    // --- clans
    CLAN_NOT_FOUND("No such clan."),
    CLAN_DISBANDED("The clan has been disbanded."),
    INVALID_CLAN_NAME("Clan names are 3-32 characters and tags 2-5 letters or digits."),
    NOT_CLAN_MEMBER("Not a member of this clan."),
    ALREADY_CLAN_MEMBER("Already a member of this clan."),
    NOT_INVITED("You need an invitation to join this clan."),
    CLAN_PERMISSION_DENIED("Your clan role does not allow that."),
    LEADER_MUST_TRANSFER("The leader must hand leadership to another member before leaving."),
    CLAN_FULL("The clan is full."),
    ALREADY_IN_CLAN("You are already in a clan: leave it before founding or joining another."),

    // --- problems
    PROBLEM_NOT_FOUND("No such problem."),
    PROBLEM_RETIRED("The problem has been retired."),
    PROBLEM_NOT_FOR_MODE("The problem cannot be used in this mode."),
    INVALID_PROBLEM("The problem definition is invalid."),
    PROBLEM_ALREADY_EXISTS("A problem with this slug already exists."),
    INVALID_TEST_ARCHIVE("The tests archive is not a zip of NAME.in / NAME.out pairs."),
    TEST_ARCHIVE_TOO_LARGE("The tests archive is larger than the limit.");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
