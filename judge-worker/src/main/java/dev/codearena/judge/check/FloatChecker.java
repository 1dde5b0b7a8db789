package dev.codearena.judge.check;

/**
 * Tokens, where numbers may differ by an absolute <em>or</em> relative error of at most
 * epsilon (the usual "1e-6 absolute or relative"); non-numeric tokens must match exactly.
 */
final class FloatChecker extends TokenChecker {

    private final double epsilon;

    FloatChecker(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    boolean compare(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        double want;
        double got;
        try {
            want = Double.parseDouble(expected);
            got = Double.parseDouble(actual);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isNaN(want) || Double.isNaN(got) || Double.isInfinite(got)) {
            return false;
        }
        double difference = Math.abs(want - got);
        return difference <= epsilon || difference <= epsilon * Math.abs(want);
    }
}
