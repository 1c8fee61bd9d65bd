package dev.muster.roles;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression that cannot run away. On creation it is bounded in length and checked for the shapes
 * that backtrack catastrophically (a repeated group that itself repeats, such as {@code (a+)+} or
 * {@code ((ab)*c)*}, and back-references); a pattern that fails those checks or does not compile is kept with
 * its {@link #rejection()} so that validation can report it. Matching counts the steps the engine takes over the
 * value and gives up ({@link GaveUp}) past a fixed budget, which covers the shapes no static check catches.
 *
 * <pre>{@code
 * SafePattern.of("(?i).*finance.*").matches("Head of Finance");   // true
 * SafePattern.of("(a+)+$").rejection();   // "nested quantifier: a repeated group repeats ..."
 * }</pre>
 */
public final class SafePattern {
    /** Longest pattern accepted, in characters. */
    public static final int MAX_LENGTH = 200;
    /** Longest value matched; longer values give up. */
    public static final int MAX_VALUE_LENGTH = 2_000;
    /** Characters the engine may read per match before it gives up. */
    public static final int STEP_LIMIT = 100_000;

    private final String source;
    private final Pattern pattern;
    private final String rejection;

    private SafePattern(String source, Pattern pattern, String rejection) {
        this.source = source;
        this.pattern = pattern;
        this.rejection = rejection;
    }

    /** Checks and compiles; never throws for a bad pattern (see {@link #rejection()}). */
    public static SafePattern of(String regex) {
        Objects.requireNonNull(regex, "regex");
        if (regex.isEmpty()) {
            return new SafePattern(regex, null, "the pattern is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            return new SafePattern(regex, null, "the pattern is " + regex.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        Optional<String> shape = RegexShape.problem(regex);
        if (shape.isPresent()) {
            return new SafePattern(regex, null, shape.get());
        }
        try {
            return new SafePattern(regex, Pattern.compile(regex), null);
        } catch (PatternSyntaxException e) {
            return new SafePattern(regex, null, "does not compile: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    public String source() {
        return source;
    }

    /** Why the pattern is refused, empty when it is usable. */
    public Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * Whether the whole value matches.
     *
     * @throws GaveUp when the value is too long or matching exceeds the step budget
     */
    public boolean matches(String value) {
        if (pattern == null) {
            throw new IllegalStateException("pattern /" + source + "/ was refused: " + rejection);
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new GaveUp(source, "the value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        try {
            return pattern.matcher(new CountingSequence(value, source)).matches();
        } catch (StackOverflowError e) {
            throw new GaveUp(source, "the match recursed too deeply");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafePattern other && other.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return "/" + source + "/";
    }

    /** Matching a value took too long: the matcher counts as not matching. */
    public static final class GaveUp extends RuntimeException {
        GaveUp(String pattern, String why) {
            super("pattern /" + pattern + "/ gave up: " + why, null, false, false);
        }
    }

    /** The value as the regex engine reads it, counting every character read. */
    private static final class CountingSequence implements CharSequence {
        private final String value;
        private final String pattern;
        private int steps;

        CountingSequence(String value, String pattern) {
            this.value = value;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if (++steps > STEP_LIMIT) {
                throw new GaveUp(pattern, "more than " + STEP_LIMIT + " steps");
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
