package org.trialevidence.trial;

import java.util.Locale;

/** How a trial name typed by a user is compared: "INAVO 120", "INAVO-120" and "inavo120" are one name. */
public final class TrialNames {
    private TrialNames() {
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-–−]+", "");
    }
}
