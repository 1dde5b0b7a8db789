package dev.codearena.command.match;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/**
 * Sabotage edit budget: how many lines a sabotage changes compared with the reference, by a line diff
 * (Myers, java-diff-utils). A replaced block counts the larger of its removed and added line counts, so
 * editing one line costs 1, inserting a line 1, deleting a line 1. Line endings are normalised; other
 * whitespace counts (it can change a program, e.g. in Python).
 */
final class EditBudget {

    private EditBudget() {
    }

    static int changedLines(String reference, String sabotage) {
        List<String> before = lines(reference);
        List<String> after = lines(sabotage);
        int changed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            changed += Math.max(delta.getSource().size(), delta.getTarget().size());
        }
        return changed;
    }

    private static List<String> lines(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.endsWith("\n")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return List.of(normalised.split("\n", -1));
    }
}
