package dev.ballast.core.model;

import java.util.List;

/**
 * A scale specification or other target description that cannot be used. The message names every
 * offending field with its value and what is allowed; a target whose description is invalid is left
 * alone, never scaled.
 */
public class InvalidSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** One problem. */
    public InvalidSpecException(String problem) {
        this(List.of(problem));
    }

    /** Several problems, reported together so that a user can fix them in one go. */
    public InvalidSpecException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence each, naming the field and its value. */
    public List<String> problems() {
        return problems;
    }
}
