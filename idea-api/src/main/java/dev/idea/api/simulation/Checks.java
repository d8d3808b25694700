package dev.idea.api.simulation;

import dev.idea.api.ErrorCode;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Static argument checks shared by the simulation records; every failure is a {@link SimulationException}. */
final class Checks {
    /** Longest id or name accepted. */
    static final int MAX_ID_LENGTH = 128;

    private Checks() {
    }

    static double probability(double value, String what) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new SimulationException(ErrorCode.SIMULATION_PROBABILITY_INVALID, what + " is " + value
                    + ", outside [0, 1]; write a probability from 0 to 1 (0.95, not 95)");
        }
        return value;
    }

    static double nonNegative(double value, String what) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw invalid(what + " is " + value + "; it must be a finite number of at least 0");
        }
        return value;
    }

    static double percent(double value, String what) {
        if (!(value >= 0.0 && value <= 100.0)) {
            throw invalid(what + " is " + value + ", outside [0, 100]; write a percentage from 0 to 100");
        }
        return value;
    }

    static int positive(int value, String what) {
        if (value < 1) {
            throw invalid(what + " is " + value + "; it must be at least 1");
        }
        return value;
    }

    static String id(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(what + " \"" + value + "\" is invalid; use 1 to " + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String what) {
        if (values == null) {
            throw invalid(what + " is missing; give a list (it may be empty)");
        }
        for (T v : values) {
            if (v == null) {
                throw invalid(what + " holds a null entry; remove it");
            }
        }
        return List.copyOf(values);
    }

    static <T> void unique(List<T> values, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(key.apply(v))) {
                throw invalid(what + " \"" + key.apply(v) + "\" appears twice; give each a distinct name");
            }
        }
    }

    static SortedMap<String, String> labels(Map<String, String> labels, String what) {
        if (labels == null) {
            throw invalid(what + " is missing; give an object of label names to values (it may be empty)");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        labels.forEach((k, v) -> copy.put(id(k, what + " name"), id(Objects.requireNonNull(v, what + " value"), what
                + " value of \"" + k + "\"")));
        return Collections.unmodifiableSortedMap(copy);
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw invalid(what + " is missing; add it");
        }
        return value;
    }

    static SimulationException invalid(String message) {
        return new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, message);
    }
}
