package org.trialevidence.seeding;

import com.ibm.icu.text.SpoofChecker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a trial name typed by a user is compared: "INAVO 120", "INAVO-120" and "inavo120" are one name. */
public final class TrialNames {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-–−]+");
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private TrialNames() {
    }

    public static String key(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * What two names that look alike share: the TR39 confusable skeleton of the name's key, so "PAL0MA-3",
     * "РALOMA 3" (Cyrillic Р) and "ＰＡＬＯＭＡ-3" all give PALOMA-3's. Taken of the upper-case form, in which
     * acronyms are written and read (I, l and 1 alike; L not). Kept as a SHA-256: a skeleton can be many times
     * longer than its name (U+FDFA spells out to 18 characters), a digest fits its column.
     */
    public static String skeleton(String name) {
        String skeleton = SEPARATORS.matcher(CONFUSABLES.getSkeleton(key(name).toUpperCase(Locale.ROOT))).replaceAll("");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(skeleton.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
