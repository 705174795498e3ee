package org.communityscheduler.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --name value} options (or {@code --name=value}, or a bare {@code --flag}). */
record Arguments(List<String> positional, Map<String, String> options) {

    private static final Set<String> FLAGS = Set.of("verbose", "quick", "peer", "model-cost");

    static int integer(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not \"" + text + "\"");
        }
    }

    static Arguments parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new Arguments(List.copyOf(positional), Map.copyOf(options));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Rejects options the command does not know, so a typo is never silently ignored. */
    Arguments allowing(String... names) {
        Set<String> known = Set.of(names);
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return this;
    }

    String atMostOnePositional(String what) {
        if (positional.size() > 1) {
            throw new IllegalArgumentException("expected one " + what + ", got " + positional);
        }
        return positional.isEmpty() ? null : positional.get(0);
    }
}
