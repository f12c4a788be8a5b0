package org.trialevidence.seeding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers printed in an excerpt, for checking that each served number was read from it. */
public final class NumbersInText {
    // Digits with an optional decimal part; a leading "." or "·" (as in "p=.03" or "0·44") counts as a decimal point.
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9.·])(?:[0-9]+(?:[.·][0-9]+)?|[.·][0-9]+)");

    private NumbersInText() {
    }

    public static List<BigDecimal> of(String text) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(new BigDecimal(matcher.group().replace('·', '.')));
        }
        return numbers;
    }

    static boolean contains(List<BigDecimal> numbers, BigDecimal wanted) {
        return numbers.stream().anyMatch(number -> number.compareTo(wanted) == 0);
    }
}
