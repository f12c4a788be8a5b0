package org.trialevidence.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Draws a forest plot as SVG: study rows (label columns, an estimate with its CI on a log axis, value columns),
 * optional pooled diamonds and a prediction interval, the line of no effect, axis and notes. Titles, labels and notes
 * wrap between words within their column by {@link TextWidth}'s upper bounds (a row grows to hold its label); only
 * the short value columns are shortened, and tick labels that would touch are left out, so nothing overlaps whatever
 * sans-serif font renders it, and no name is cut.
 */
final class ForestPlot {
    /** A study: its name, detail and compared arms, a square of the given side at the estimate, a line over its CI. */
    record Row(String id, String name, String detail, String experimental, String control, double estimate, double lower, double upper,
               String value, List<String> columns, double markerSide) { }

    /** A pooled estimate, drawn as a diamond over its CI; the emphasised one is filled. */
    record Summary(String id, String label, double estimate, double lower, double upper, String value, List<String> columns, boolean emphasised) { }

    /** An interval without a point estimate: the prediction interval. */
    record Band(String label, double lower, double upper, String value) { }

    /**
     * A group of rows with their pooled estimates: one contrast of a meta-analysis.
     *
     * @param id         the block's data-id (a contrast id); null for none
     * @param title      drawn above the rows; null for none
     * @param pooledLine the emphasised pooled estimate, drawn as a dashed line through the block's rows; null for none
     */
    record Block(String id, String title, List<Row> rows, List<Summary> summaries, Band band, Double pooledLine) { }

    /**
     * @param columnGroup a header over all value columns after the estimate column; null for none
     * @param columns     headers of the value columns after the estimate column (e.g. weights)
     * @param favours     label the sides of the line of no effect (hazard ratios of harmful events only)
     */
    record Spec(String title, String subtitle, String valueHeader, String columnGroup, List<String> columns, String axisTitle, boolean favours,
                List<Block> blocks, List<String> notes) { }

    static final double MARGIN = 24;
    static final double LABEL_WIDTH = 430;
    static final double GAP = 20;
    static final double PLOT_WIDTH = 360;
    static final double VALUE_WIDTH = 180;
    static final double COLUMN_WIDTH = 72;
    /** The height of a row whose label takes its two usual lines (name and detail, then the compared arms). */
    static final double ROW_HEIGHT = 38;
    /** Baseline to baseline within a wrapped label, and of a wrapped title. */
    static final double LABEL_LINE = 15;
    static final double TITLE_LINE = 20;
    static final double SUMMARY_HEIGHT = 28;
    static final double BAND_HEIGHT = 26;
    static final double BLOCK_TITLE_HEIGHT = 28;
    static final double MAX_MARKER = 18;
    /** Space between a row's trial name and its detail. */
    static final double NAME_GAP = 8;
    /** Minimum space between two tick labels. */
    static final double TICK_GAP = 8;

    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#555555";
    private static final String BLUE = "#1f4e79";
    private static final String RED = "#a33b20";

    private static final double LABEL_LEFT = MARGIN;
    private static final double PLOT_LEFT = LABEL_LEFT + LABEL_WIDTH + GAP;
    private static final double PLOT_RIGHT = PLOT_LEFT + PLOT_WIDTH;
    private static final double VALUE_LEFT = PLOT_RIGHT + GAP;

    private final Spec spec;
    private final double width;
    private final double low;
    private final double high;
    private final Svg svg = new Svg();

    private ForestPlot(Spec spec) {
        this.spec = spec;
        this.width = VALUE_LEFT + VALUE_WIDTH + spec.columns().size() * COLUMN_WIDTH + MARGIN;
        double min = 0;
        double max = 0;
        for (Block block : spec.blocks()) {
            for (Row row : block.rows()) {
                min = Math.min(min, Math.log(Math.min(row.lower(), row.estimate())));
                max = Math.max(max, Math.log(Math.max(row.upper(), row.estimate())));
            }
            for (Summary summary : block.summaries()) {
                min = Math.min(min, Math.log(summary.lower()));
                max = Math.max(max, Math.log(summary.upper()));
            }
            if (block.band() != null) {
                min = Math.min(min, Math.log(block.band().lower()));
                max = Math.max(max, Math.log(block.band().upper()));
            }
        }
        double pad = Math.max(0.05, 0.05 * (max - min));
        this.low = min - pad;
        this.high = max + pad;
    }

    static String render(Spec spec) {
        return new ForestPlot(spec).draw();
    }

    /** Where a ratio lies on the log axis. */
    private double x(double ratio) {
        return PLOT_LEFT + (Math.log(ratio) - low) / (high - low) * PLOT_WIDTH;
    }

    private String draw() {
        double contentWidth = width - 2 * MARGIN;
        svg.title(spec.title());
        svg.element("rect", "class", "background", "width", "100%", "height", "100%", "fill", "#ffffff");
        double baseline = lines("title", TextWidth.wrap(spec.title(), contentWidth, 16, true), 32, TITLE_LINE, 16, true, INK);
        baseline = lines("subtitle", TextWidth.wrap(spec.subtitle(), contentWidth, 12, false), baseline, 16, 12, false, MUTED);

        double headerBaseline = baseline + 18;
        if (spec.columnGroup() != null) {
            double groupWidth = spec.columns().size() * COLUMN_WIDTH;
            text("header", TextWidth.fit(spec.columnGroup(), groupWidth - 8, 12, true), VALUE_LEFT + VALUE_WIDTH + groupWidth / 2 - 4,
                    headerBaseline - 16, 12, true, INK, "middle");
        }
        text("header", "Study", LABEL_LEFT, headerBaseline, 12, true, INK, "start");
        text("header", TextWidth.fit(spec.valueHeader(), VALUE_WIDTH - 8, 12, true), VALUE_LEFT, headerBaseline, 12, true, INK, "start");
        for (int i = 0; i < spec.columns().size(); i++) {
            text("header", TextWidth.fit(spec.columns().get(i), COLUMN_WIDTH - 8, 12, true), columnRight(i), headerBaseline, 12, true, INK, "end");
        }
        svg.line("separator", "#999999", 1, MARGIN - 8, headerBaseline + 8, width - MARGIN + 8, headerBaseline + 8);

        double rowsTop = headerBaseline + 12;
        double y = rowsTop;
        for (Block block : spec.blocks()) {
            y = drawBlock(block, y, contentWidth);
        }
        double axisY = y + 10;
        svg.line("no-effect", "#333333", 1, x(1), rowsTop - 4, x(1), axisY);
        double noteBaseline = drawAxis(axisY) + 26;
        for (String note : spec.notes()) {
            noteBaseline = lines("note", TextWidth.wrap(note, contentWidth, 12, false), noteBaseline, 16, 12, false, MUTED) + 2;
        }
        return svg.document(width, noteBaseline);
    }

    /** Draws lines from the first baseline given, one under the other; returns the baseline after the last. */
    private double lines(String cssClass, List<String> lines, double baseline, double lineHeight, double size, boolean bold, String fill) {
        double y = baseline;
        for (String line : lines) {
            text(cssClass, line, LABEL_LEFT, y, size, bold, fill, "start");
            y += lineHeight;
        }
        return y;
    }

    /** Draws the block from the top given; returns its bottom. */
    private double drawBlock(Block block, double top, double contentWidth) {
        svg.open("g", "class", "block", "data-id", block.id());
        double y = top;
        if (block.title() != null) {
            List<String> title = TextWidth.wrap(block.title(), contentWidth, 13, true);
            lines("block-title", title, y + 19, 17, 13, true, BLUE);
            y += BLOCK_TITLE_HEIGHT + 17 * (title.size() - 1);
        }
        double rowsTop = y;
        for (int i = 0; i < block.rows().size(); i++) {
            y += drawRow(block.rows().get(i), y, i % 2 == 0);
        }
        if (block.pooledLine() != null) {
            svg.element("line", "class", "pooled-line", "x1", Svg.number(x(block.pooledLine())), "y1", Svg.number(rowsTop),
                    "x2", Svg.number(x(block.pooledLine())), "y2", Svg.number(y), "stroke", BLUE, "stroke-width", "1",
                    "stroke-dasharray", "4 3", "opacity", "0.7");
        }
        if (!block.summaries().isEmpty()) {
            y += 6;
            svg.line("separator", "#999999", 1, MARGIN - 8, y, width - MARGIN + 8, y);
            y += 4;
            for (Summary summary : block.summaries()) {
                drawSummary(summary, y);
                y += SUMMARY_HEIGHT;
            }
        }
        if (block.band() != null) {
            drawBand(block.band(), y);
            y += BAND_HEIGHT;
        }
        svg.close("g");
        return y;
    }

    private double columnRight(int column) {
        return VALUE_LEFT + VALUE_WIDTH + (column + 1) * COLUMN_WIDTH - 8;
    }

    /**
     * Draws a row from the top given; returns its height. The label: the trial name in bold with the detail after it
     * (on lines of its own when they do not fit beside it), then the compared arms; each wraps within the label column.
     */
    private double drawRow(Row row, double top, boolean striped) {
        List<String> names = TextWidth.wrap(row.name(), LABEL_WIDTH, 12, true);
        String lastName = names.get(names.size() - 1);
        boolean detailBeside = row.detail().isEmpty()
                || TextWidth.of(lastName, 12, true) + NAME_GAP + TextWidth.of(row.detail(), 12, false) <= LABEL_WIDTH;
        List<String> details = detailBeside ? List.of() : TextWidth.wrap(row.detail(), LABEL_WIDTH, 12, false);
        List<String> arms = TextWidth.wrap(row.experimental() + " vs " + row.control(), LABEL_WIDTH, 11, false);
        double height = ROW_HEIGHT + LABEL_LINE * (names.size() + details.size() + arms.size() - 2);

        svg.open("g", "class", "row", "data-id", row.id());
        if (striped) {
            svg.element("rect", "class", "stripe", "x", Svg.number(MARGIN - 8), "y", Svg.number(top), "width", Svg.number(width - 2 * MARGIN + 16),
                    "height", Svg.number(height), "fill", "#f3f6f9");
        }
        double baseline = top + 16;
        for (int i = 0; i < names.size(); i++) {
            String detail = i == names.size() - 1 && detailBeside ? row.detail() : "";
            svg.nameAndDetail(names.get(i), detail, NAME_GAP, "class", "label", "x", Svg.number(LABEL_LEFT), "y", Svg.number(baseline), "font-size", "12", "fill", INK);
            baseline += LABEL_LINE;
        }
        baseline = lines("label", details, baseline, LABEL_LINE, 12, false, INK);
        lines("label arms", arms, baseline, LABEL_LINE, 11, false, MUTED);

        double middle = top + height / 2 + 1;
        svg.line("ci", BLUE, 1.5, x(row.lower()), middle, x(row.upper()), middle);
        double side = row.markerSide();
        svg.element("rect", "class", "estimate", "x", Svg.number(x(row.estimate()) - side / 2), "y", Svg.number(middle - side / 2),
                "width", Svg.number(side), "height", Svg.number(side), "fill", BLUE);
        values(row.value(), row.columns(), middle + 4, false);
        svg.close("g");
        return height;
    }

    private void drawSummary(Summary summary, double top) {
        svg.open("g", "class", "summary", "data-id", summary.id());
        text("label summary-label", TextWidth.fit(summary.label(), LABEL_WIDTH, 12, true), LABEL_LEFT, top + 18, 12, true, INK, "start");
        double middle = top + 14;
        String points = Svg.number(x(summary.lower())) + "," + Svg.number(middle) + " " + Svg.number(x(summary.estimate())) + "," + Svg.number(middle - 7)
                + " " + Svg.number(x(summary.upper())) + "," + Svg.number(middle) + " " + Svg.number(x(summary.estimate())) + "," + Svg.number(middle + 7);
        svg.element("polygon", "class", "diamond", "points", points, "fill", summary.emphasised() ? BLUE : "#ffffff", "stroke", BLUE,
                "stroke-width", summary.emphasised() ? "1" : "1.5");
        values(summary.value(), summary.columns(), top + 18, summary.emphasised());
        svg.close("g");
    }

    private void drawBand(Band band, double top) {
        svg.open("g", "class", "band");
        text("label band-label", TextWidth.fit(band.label(), LABEL_WIDTH, 12, false), LABEL_LEFT, top + 17, 12, false, INK, "start");
        double middle = top + 13;
        svg.line("prediction", RED, 2, x(band.lower()), middle, x(band.upper()), middle);
        svg.line("prediction-end", RED, 2, x(band.lower()), middle - 4, x(band.lower()), middle + 4);
        svg.line("prediction-end", RED, 2, x(band.upper()), middle - 4, x(band.upper()), middle + 4);
        values(band.value(), List.of(), top + 17, false);
        svg.close("g");
    }

    private void values(String value, List<String> columns, double baseline, boolean bold) {
        text("value", TextWidth.fit(value, VALUE_WIDTH - 8, 12, bold), VALUE_LEFT, baseline, 12, bold, INK, "start");
        for (int i = 0; i < columns.size(); i++) {
            text("value column", TextWidth.fit(columns.get(i), COLUMN_WIDTH - 8, 12, bold), columnRight(i), baseline, 12, bold, INK, "end");
        }
    }

    /** Draws the axis with its labels; returns the baseline of its last line. */
    private double drawAxis(double axisY) {
        svg.line("axis", "#333333", 1, PLOT_LEFT, axisY, PLOT_RIGHT, axisY);
        for (double tick : ticks()) {
            svg.line("tick-mark", "#333333", 1, x(tick), axisY, x(tick), axisY + 5);
            text("tick", label(tick), x(tick), axisY + 18, 11, false, INK, "middle");
        }
        double one = x(1);
        if (spec.favours()) {
            text("favours", TextWidth.fit("\u2190 favours experimental", one - 6 - MARGIN, 11, false), one - 6, axisY + 34, 11, false, MUTED, "end");
            text("favours", TextWidth.fit("favours control \u2192", width - MARGIN - one - 6, 11, false), one + 6, axisY + 34, 11, false, MUTED, "start");
        }
        double titleBaseline = axisY + (spec.favours() ? 52 : 36);
        text("axis-title", TextWidth.fit(spec.axisTitle(), PLOT_WIDTH + 2 * GAP, 12, false), (PLOT_LEFT + PLOT_RIGHT) / 2, titleBaseline, 12, false, INK, "middle");
        return titleBaseline;
    }

    /**
     * Tick values: 1, then "nice" multiples of powers of ten, finer for narrower ranges, kept outward from 1 only
     * where their labels clear the previous one and the plot's ends.
     */
    List<Double> ticks() {
        double pixelsPerDecade = PLOT_WIDTH / ((high - low) / Math.log(10));
        double[] multipliers = pixelsPerDecade >= 600 ? new double[] {1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9}
                : pixelsPerDecade >= 300 ? new double[] {1, 1.2, 1.5, 2, 3, 4, 5, 6, 7, 8}
                : pixelsPerDecade >= 100 ? new double[] {1, 2, 5}
                : new double[] {1};
        TreeSet<Double> candidates = new TreeSet<>();
        for (int power = (int) Math.floor(low / Math.log(10)) - 1; power <= (int) Math.ceil(high / Math.log(10)) + 1; power++) {
            for (double multiplier : multipliers) {
                double value = new BigDecimal(multiplier * Math.pow(10, power)).round(new MathContext(3)).doubleValue();
                double position = x(value);
                if (position >= PLOT_LEFT && position <= PLOT_RIGHT) {
                    candidates.add(value);
                }
            }
        }
        List<Double> kept = new ArrayList<>(List.of(1.0));
        double[] clear = extent(1.0);
        for (double tick : candidates.headSet(1.0, false).descendingSet()) {
            double[] box = extent(tick);
            if (box[1] + TICK_GAP <= clear[0] && box[0] >= PLOT_LEFT - GAP) {
                kept.add(tick);
                clear = box;
            }
        }
        clear = extent(1.0);
        for (double tick : candidates.tailSet(1.0, false)) {
            double[] box = extent(tick);
            if (box[0] >= clear[1] + TICK_GAP && box[1] <= PLOT_RIGHT + GAP) {
                kept.add(tick);
                clear = box;
            }
        }
        kept.sort(null);
        return kept;
    }

    private double[] extent(double tick) {
        double half = TextWidth.of(label(tick), 11, false) / 2;
        return new double[] {x(tick) - half, x(tick) + half};
    }

    static String label(double tick) {
        return new BigDecimal(tick).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private void text(String cssClass, String text, double x, double baseline, double size, boolean bold, String fill, String anchor) {
        if (text.isEmpty()) {
            return;
        }
        svg.text(text, "class", cssClass, "x", Svg.number(x), "y", Svg.number(baseline), "font-size", Svg.number(size),
                "font-weight", bold ? "bold" : null, "fill", fill, "text-anchor", "start".equals(anchor) ? null : anchor);
    }
}
