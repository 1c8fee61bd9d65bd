package dev.muster.roles;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A scan of the pattern's structure for the shapes that backtrack exponentially. */
final class RegexShape {
    private RegexShape() {
    }

    /** Whether a group (or anything inside it) repeats. */
    private static final class Group {
        boolean repeats;
    }

    static Optional<String> problem(String regex) {
        Deque<Group> open = new ArrayDeque<>();
        Group current = new Group();
        Group justClosed = null;
        boolean afterQuantifier = false;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length()) {
                    char next = regex.charAt(i + 1);
                    if (next >= '1' && next <= '9' || next == 'k') {
                        return Optional.of("back-references (\\" + next + ") are not allowed");
                    }
                    if (next == 'Q') {
                        int end = regex.indexOf("\\E", i + 2);
                        i = end < 0 ? regex.length() : end + 2;
                        justClosed = null;
                        afterQuantifier = false;
                        continue;
                    }
                }
                i += 2;
                justClosed = null;
                afterQuantifier = false;
            } else if (c == '[') {
                i = endOfClass(regex, i);
                justClosed = null;
                afterQuantifier = false;
            } else if (c == '(') {
                int body = i + 1;
                if (body < regex.length() && regex.charAt(body) == '?') {
                    int j = body + 1;
                    while (j < regex.length() && ":)=!>".indexOf(regex.charAt(j)) < 0) {
                        j++;
                    }
                    if (j < regex.length() && regex.charAt(j) == ')') {
                        i = j + 1; // inline flags such as (?i)
                        justClosed = null;
                        afterQuantifier = false;
                        continue;
                    }
                    body = j + 1;
                }
                open.push(current);
                current = new Group();
                i = body;
                justClosed = null;
                afterQuantifier = false;
            } else if (c == ')') {
                Group closed = current;
                current = open.isEmpty() ? new Group() : open.pop();
                current.repeats |= closed.repeats;
                justClosed = closed;
                afterQuantifier = false;
                i++;
            } else if (c == '*' || c == '+' || c == '?' || c == '{' && isCount(regex, i)) {
                int end = c == '{' ? regex.indexOf('}', i) + 1 : i + 1;
                if (afterQuantifier && (c == '?' || c == '+')) {
                    i++; // lazy or possessive modifier of the previous quantifier
                    continue;
                }
                boolean repeats = repeats(regex.substring(i, end));
                if (repeats && justClosed != null && justClosed.repeats) {
                    return Optional.of("nested quantifier: a repeated group repeats again ("
                            + regex.substring(0, end) + "...), which can take exponential time");
                }
                current.repeats |= repeats;
                justClosed = null;
                afterQuantifier = true;
                i = end;
            } else {
                justClosed = null;
                afterQuantifier = false;
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean isCount(String regex, int i) {
        int end = regex.indexOf('}', i);
        return end > i + 1 && regex.substring(i + 1, end).matches("\\d{1,9}(,\\d{0,9})?");
    }

    /** Whether a quantifier can repeat its atom more than once. */
    private static boolean repeats(String quantifier) {
        if (quantifier.equals("?")) {
            return false;
        }
        if (!quantifier.startsWith("{")) {
            return true;
        }
        String[] bounds = quantifier.substring(1, quantifier.length() - 1).split(",", -1);
        if (bounds.length == 1) {
            return Long.parseLong(bounds[0]) > 1;
        }
        return bounds[1].isEmpty() || Long.parseLong(bounds[1]) > 1;
    }

    private static int endOfClass(String regex, int start) {
        int depth = 0;
        int i = start;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a leading ] is literal
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return regex.length();
    }
}
