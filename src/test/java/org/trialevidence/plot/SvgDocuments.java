package org.trialevidence.plot;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the forest plots back with the JDK's XML parser, and checking their layout with a model of our own. */
public final class SvgDocuments {
    private SvgDocuments() {
    }

    /** Parses strictly (no DTD): a plot that is not well-formed XML, e.g. an unescaped '&', fails here. */
    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Elements by XPath, e.g. {@code //g[@class='row']}; element names match without the SVG namespace. */
    public static List<Element> select(Object context, String path) {
        String local = path.replaceAll("(?<=/)(\\w+)", "*[local-name()='$1']");
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(local, context, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    /**
     * A lower bound of the rendered width of a text in any common sans-serif (Arial, Helvetica, Liberation Sans,
     * DejaVu Sans): narrow glyphs (i, l, f, t, r, I, punctuation, anything not ASCII) count 0.19 em, every other glyph
     * 0.45 em (Arial's narrowest letters and digits are 0.5 em). Text that overlaps by this measure certainly overlaps.
     */
    static double atLeast(String text, double fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean narrow = c > 126 || " .,:;'|!ijlftrI()[]{}-/\\\"`".indexOf(c) >= 0;
            ems += narrow ? 0.19 : 0.45;
        }
        return ems * fontSize;
    }

    /** [left, right] of a text element by the lower bound, from its x and text-anchor. */
    static double[] extent(Element text) {
        double width = atLeast(text.getTextContent(), number(text, "font-size"));
        for (Element span : select(text, "./tspan[@dx]")) {
            width += number(span, "dx");
        }
        double x = number(text, "x");
        return switch (text.getAttribute("text-anchor")) {
            case "middle" -> new double[] {x - width / 2, x + width / 2};
            case "end" -> new double[] {x - width, x};
            default -> new double[] {x, x + width};
        };
    }
}
