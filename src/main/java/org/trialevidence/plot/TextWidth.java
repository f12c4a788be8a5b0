package org.trialevidence.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Upper bounds of rendered text widths, so that labels can be wrapped or shortened before they could overlap. The SVG asks for
 * Liberation Sans (metrics of Arial and Helvetica); the advance widths below are the larger of Liberation Sans and
 * DejaVu Sans (a common fallback, wider) for each printable ASCII character, in thousandths of an em, measured with
 * java.awt font metrics. Any other character counts as a full em.
 */
final class TextWidth {
    static final String FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif";
    static final String ELLIPSIS = "\u2026";

    private static final int[] REGULAR = {
            318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
            637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
            611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
            667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
            278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838
    };
    private static final int[] BOLD = {
            349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
            696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684,
            684, 821, 837, 373, 557, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771,
            725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666,
            343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838
    };

    private TextWidth() {
    }

    static double of(String text, double fontSize, boolean bold) {
        int[] widths = bold ? BOLD : REGULAR;
        double thousandths = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            thousandths += c >= 32 && c < 127 ? widths[c - 32] : 1000;
            i += Character.charCount(c);
        }
        return thousandths * fontSize / 1000;
    }

    /** The text, or its longest prefix that fits with an ellipsis, within maxWidth; empty when not even that fits. */
    static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        if (of(text, fontSize, bold) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
            if (of(candidate, fontSize, bold) <= maxWidth) {
                return candidate;
            }
        }
        return "";
    }

    /**
     * The text broken into lines of at most maxWidth, between words; a word wider than a line on its own (a long code
     * or URL) is broken where the line is full. Nothing is left out.
     */
    static List<String> wrap(String text, double maxWidth, double fontSize, boolean bold) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split("\\s+")) {
            String joined = line.isEmpty() ? word : line + " " + word;
            if (of(joined, fontSize, bold) <= maxWidth) {
                line = joined;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            while (of(line, fontSize, bold) > maxWidth) {
                int end = line.offsetByCodePoints(0, 1);
                while (end < line.length() && of(line.substring(0, line.offsetByCodePoints(end, 1)), fontSize, bold) <= maxWidth) {
                    end = line.offsetByCodePoints(end, 1);
                }
                lines.add(line.substring(0, end));
                line = line.substring(end);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
