package org.trialevidence.plot;

import java.util.List;

/**
 * A network graph: treatments on a circle, each node's area by its number of studies, each edge's width by the number
 * of studies comparing its two treatments, labelled with that number.
 */
public final class NetworkGraph {
    /** A treatment and the studies that include it. */
    public record Node(String name, int studies) { }

    /** Two treatments compared directly and the studies that compare them. */
    public record Edge(String treatment1, String treatment2, int studies) { }

    public static final String MEDIA_TYPE = "image/svg+xml";
    private static final double RADIUS = 220;
    private static final double MARGIN = 170;
    private static final double NODE_UNIT = 7;

    private NetworkGraph() {
    }

    public static String draw(String title, List<Node> nodes, List<Edge> edges) {
        Svg svg = new Svg();
        svg.title(title);
        double centre = RADIUS + MARGIN;
        int n = nodes.size();
        double[][] at = new double[n][2];
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            at[i][0] = centre + RADIUS * Math.cos(angle);
            at[i][1] = centre + RADIUS * Math.sin(angle);
        }
        svg.text(title, "x", Svg.number(centre), "y", "24", "text-anchor", "middle", "font-size", "14", "font-weight", "bold");
        svg.open("g", "class", "edges");
        for (Edge edge : edges) {
            double[] a = at[indexOf(nodes, edge.treatment1())];
            double[] b = at[indexOf(nodes, edge.treatment2())];
            svg.line("edge", "#5b7fa6", 1.5 + 2 * edge.studies(), a[0], a[1], b[0], b[1]);
            svg.text(Integer.toString(edge.studies()), "x", Svg.number((a[0] + b[0]) / 2), "y", Svg.number((a[1] + b[1]) / 2 - 4),
                    "text-anchor", "middle", "font-size", "11", "fill", "#333");
        }
        svg.close("g");
        svg.open("g", "class", "nodes");
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            double r = NODE_UNIT * Math.sqrt(node.studies()) + 6;
            svg.element("circle", "cx", Svg.number(at[i][0]), "cy", Svg.number(at[i][1]), "r", Svg.number(r), "fill", "#d9e4f0", "stroke", "#2c4a6b");
            boolean right = at[i][0] >= centre - 1;
            double dy = at[i][1] < centre ? -r - 6 : r + 16;
            svg.text(node.name() + " (" + node.studies() + ")", "x", Svg.number(at[i][0]), "y", Svg.number(at[i][1] + dy),
                    "text-anchor", Math.abs(at[i][0] - centre) < 1 ? "middle" : right ? "start" : "end", "font-size", "12");
        }
        svg.close("g");
        return svg.document(2 * centre, 2 * centre);
    }

    private static int indexOf(List<Node> nodes, String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + name);
    }
}
