package org.trialevidence.plot;

import java.util.Locale;

/** A minimal SVG writer: every text and attribute value is escaped for XML, every number printed in plain notation. */
final class Svg {
    private final StringBuilder content = new StringBuilder();

    /** XML 1.0 text: markup characters as entities, characters XML cannot hold (controls, lone surrogates) as U+FFFD. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
        return escaped.toString();
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }

    Svg open(String element, String... attributes) {
        content.append('<').append(element).append(attributes(attributes)).append(">\n");
        return this;
    }

    Svg close(String element) {
        content.append("</").append(element).append(">\n");
        return this;
    }

    /** An empty element; attributes come as name, value pairs (numbers already formatted, text raw). */
    Svg element(String element, String... attributes) {
        content.append('<').append(element).append(attributes(attributes)).append("/>\n");
        return this;
    }

    Svg text(String text, String... attributes) {
        content.append("<text").append(attributes(attributes)).append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** A bold name and a regular detail in one text element, so that the renderer places the detail after the name. */
    Svg nameAndDetail(String name, String detail, double gap, String... attributes) {
        content.append("<text").append(attributes(attributes)).append("><tspan font-weight=\"bold\">").append(escape(name)).append("</tspan>");
        if (!detail.isEmpty()) {
            content.append("<tspan dx=\"").append(number(gap)).append("\">").append(escape(detail)).append("</tspan>");
        }
        content.append("</text>\n");
        return this;
    }

    /** The accessible name of the drawing (shown as a tooltip), untruncated. */
    Svg title(String text) {
        content.append("<title>").append(escape(text)).append("</title>\n");
        return this;
    }

    Svg line(String cssClass, String stroke, double strokeWidth, double x1, double y1, double x2, double y2) {
        return element("line", "class", cssClass, "x1", number(x1), "y1", number(y1), "x2", number(x2), "y2", number(y2),
                "stroke", stroke, "stroke-width", number(strokeWidth));
    }

    String document(double width, double height) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width) + "\" height=\"" + number(height)
                + "\" viewBox=\"0 0 " + number(width) + " " + number(height) + "\" font-family=\"" + escape(TextWidth.FONT_FAMILY) + "\">\n"
                + content
                + "</svg>\n";
    }

    private static String attributes(String... attributes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        return out.toString();
    }
}
