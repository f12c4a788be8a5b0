package org.trialevidence.plot;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialevidence.plot.SvgDocuments.extent;
import static org.trialevidence.plot.SvgDocuments.number;
import static org.trialevidence.plot.SvgDocuments.select;

/**
 * Text the dataset does not have (yet): markup characters, controls and overlong labels. The plot must stay
 * well-formed XML that shows the text as given, shortened with an ellipsis where it does not fit.
 */
class ForestPlotRenderingTest {
    private static final String LONG_ARM = "Abemaciclib 150 mg twice daily + nonsteroidal aromatase inhibitor (anastrozole 1 mg or letrozole 2.5 mg daily)"
            + " until progression or unacceptable toxicity";

    private static ForestPlot.Row row(String id, String name, String detail, String experimental, String control, double estimate) {
        return new ForestPlot.Row(id, name, detail, experimental, control, estimate, estimate * 0.8, estimate * 1.25, estimate + " (CI)", List.of(), 9);
    }

    @Test
    void markupInLabelsIsEscapedAndLongLabelsWrap() {
        String title = "Hazard ratios: arm=<b>&trial=MONARCH 2 & 3\u0001";
        String svg = ForestPlot.render(new ForestPlot.Spec(title, "2 results \"quoted\" & 'apostrophes'", "HR (CI)", null, List.of(),
                "Hazard ratio (log scale)", true, List.of(new ForestPlot.Block("b&1", "Contrast: <b> & 'block'", List.of(
                        row("r&1", "MONARCH 2 & 3", "PFS \u00b7 ITT <pooled>", "A & B", "C < D", 0.55),
                        row("r\"2", "A trial acronym far too long to be shown in half of the label column at all", "PFS \u00b7 " + LONG_ARM,
                                LONG_ARM, "Placebo + " + LONG_ARM, 1.4)),
                List.of(), null, null)), List.of("note with <markup> & entities")));

        Document plot = SvgDocuments.parse(svg);
        assertEquals("Hazard ratios: arm=<b>&trial=MONARCH 2 & 3\ufffd", select(plot, "/svg/title").get(0).getTextContent(),
                "a control character XML cannot hold becomes U+FFFD");
        List<Element> rows = select(plot, "//g[@class='row']");
        assertEquals(List.of("r&1", "r\"2"), rows.stream().map(row -> row.getAttribute("data-id")).toList());
        assertEquals("MONARCH 2 & 3PFS \u00b7 ITT <pooled>", select(rows.get(0), "./text[@class='label']").get(0).getTextContent());
        assertEquals("A & B vs C < D", select(rows.get(0), "./text[@class='label arms']").get(0).getTextContent());
        assertEquals("note with <markup> & entities", select(plot, "//text[@class='note']").get(0).getTextContent());

        String name = select(rows.get(1), "./text[@class='label']/tspan[@font-weight='bold']").stream().map(Element::getTextContent)
                .collect(Collectors.joining(" "));
        assertEquals("A trial acronym far too long to be shown in half of the label column at all", name, "wrapped, not cut");
        String arms = select(rows.get(1), "./text[@class='label arms']").stream().map(Element::getTextContent).collect(Collectors.joining(" "));
        assertEquals(LONG_ARM + " vs Placebo + " + LONG_ARM, arms, "both arms whole, over several lines");
        String detail = select(rows.get(1), "./text[@class='label']").stream().map(Element::getTextContent).collect(Collectors.joining(" "));
        assertTrue(detail.endsWith("PFS \u00b7 " + LONG_ARM), "the detail on lines of its own: " + detail);
        double first = number(select(rows.get(1), "./text").get(0), "y");
        assertTrue(number(select(rows.get(1), "./text[@class='label arms']").get(0), "y") > first + 30, "arms below the wrapped name and detail");
        double plotLeft = number(select(plot, "//line[@class='axis']").get(0), "x1");
        for (Element label : select(plot, "//g/text[starts-with(@class, 'label')]")) {
            assertTrue(extent(label)[1] <= plotLeft, "label runs into the plot: " + label.getTextContent());
        }
    }
}
