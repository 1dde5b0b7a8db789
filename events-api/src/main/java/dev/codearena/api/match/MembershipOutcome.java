package dev.codearena.api.match;

import dev.codearena.api.error.ErrorCode;

/** What a join or leave command answers: done, or refused with a reason. */
public record MembershipOutcome(boolean accepted, ErrorCode refusal, String detail) {

    public static MembershipOutcome done() {
        return new MembershipOutcome(true, null, null);
    }

    public static MembershipOutcome refused(ErrorCode reason, String detail) {
        return new MembershipOutcome(false, reason, detail);
    }
}
