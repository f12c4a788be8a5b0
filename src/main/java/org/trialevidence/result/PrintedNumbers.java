package org.trialevidence.result;

import org.trialevidence.seeding.NumbersInText;
import org.trialevidence.seeding.TrialSeed;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stored number in the form its source prints it. Database columns hold numbers at a fixed scale (0.600000), and
 * a curator's tool may write 0.6 for a printed 0.60; the excerpts keep what the review prints, so the decimals are
 * taken from there: the form of a correction of the field, else the first excerpt that prints the same value.
 */
final class PrintedNumbers {
    private PrintedNumbers() {
    }

    static BigDecimal of(BigDecimal stored, String field, List<TrialSeed.Source> sources, List<TrialSeed.Correction> corrections) {
        if (stored == null) {
            return null;
        }
        for (TrialSeed.Correction correction : corrections) {
            if (correction.field().equals(field)) {
                BigDecimal served = parse(correction.served());
                if (served != null && served.compareTo(stored) == 0) {
                    return served;
                }
            }
        }
        for (TrialSeed.Source source : sources) {
            for (BigDecimal printed : NumbersInText.of(source.excerpt())) {
                if (printed.compareTo(stored) == 0) {
                    return printed;
                }
            }
        }
        return stored.stripTrailingZeros();
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
