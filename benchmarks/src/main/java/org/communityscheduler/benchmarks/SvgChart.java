package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as SVG text, written without any charting library: categories along x (the plan
 * sizes), one line per series, a linear or logarithmic y axis. Several charts sit side by side in one
 * image with {@link #row}. Missing values (a size never reached) leave a gap in their line.
 */
public final class SvgChart {

    static final int WIDTH = 460;
    static final int HEIGHT = 350;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 110;
    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };

    private final String title;
    private final List<String> categories;
    private final String yLabel;
    private final boolean logarithmic;
    private final List<String> seriesNames = new ArrayList<>();
    private final List<List<Double>> seriesValues = new ArrayList<>();

    /**
     * @param categories the x labels; a {@code \n} breaks a label into two lines
     * @param logarithmic a base-10 y axis, for values that span several orders of magnitude
     */
    public SvgChart(String title, List<String> categories, String yLabel, boolean logarithmic) {
        this.title = title;
        this.categories = List.copyOf(categories);
        this.yLabel = yLabel;
        this.logarithmic = logarithmic;
    }

    /** One line: a value (or null) per category. */
    public SvgChart series(String name, List<Double> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("The series " + name + " has " + values.size() + " values for "
                    + categories.size() + " categories");
        }
        seriesNames.add(name);
        seriesValues.add(new ArrayList<>(values));
        return this;
    }

    /** One standalone SVG document. */
    public String render() {
        return row(List.of(this));
    }

    /** The charts side by side in one SVG document. */
    public static String row(List<SvgChart> charts) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
                WIDTH * charts.size(), HEIGHT, WIDTH * charts.size(), HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n",
                WIDTH * charts.size(), HEIGHT));
        for (int i = 0; i < charts.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">\n", i * WIDTH));
            charts.get(i).panel(svg);
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private void panel(StringBuilder svg) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double[] range = yRange();
        text(svg, WIDTH / 2.0, 20, title, "middle", "font-size=\"14\" font-weight=\"bold\"");

        // y axis: grid lines and ticks
        for (double tick : ticks(range)) {
            double y = TOP + plotHeight - scale(tick, range) * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>\n", LEFT, y,
                    WIDTH - RIGHT, y));
            text(svg, LEFT - 6, y + 4, number(tick), "end", "");
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>\n", LEFT, TOP + plotHeight,
                WIDTH - RIGHT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                TOP + plotHeight / 2, TOP + plotHeight / 2, escape(yLabel + (logarithmic ? " (log scale)" : ""))));

        // x axis: categories
        for (int c = 0; c < categories.size(); c++) {
            double x = x(c, plotWidth);
            String[] lines = categories.get(c).split("\n");
            for (int l = 0; l < lines.length; l++) {
                text(svg, x, TOP + plotHeight + 18 + 14 * l, lines[l], "middle", "");
            }
        }

        // series
        for (int s = 0; s < seriesNames.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            boolean penDown = false;
            for (int c = 0; c < categories.size(); c++) {
                Double value = seriesValues.get(s).get(c);
                if (value == null) {
                    penDown = false;
                    continue;
                }
                double x = x(c, plotWidth);
                double y = TOP + plotHeight - scale(value, range) * plotHeight;
                path.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", penDown ? "L" : "M", x, y));
                penDown = true;
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s</title></circle>\n", x, y,
                        colour, escape(seriesNames.get(s)), number(value)));
            }
            if (!path.isEmpty()) {
                svg.append(String.format(Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", path.toString().strip(),
                        colour));
            }
            double legendY = TOP + plotHeight + 56 + 15 * s;
            double legendX = LEFT;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    legendX, legendY - 4, legendX + 16, legendY - 4, colour));
            text(svg, legendX + 20, legendY, seriesNames.get(s) + missing(seriesValues.get(s)), "start", "");
        }
    }

    /** {@code " (not reached: L, XL)"} for the categories a series has no value for. */
    private String missing(List<Double> values) {
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < values.size(); c++) {
            if (values.get(c) == null) {
                absent.add(categories.get(c).split("\n")[0]);
            }
        }
        return absent.isEmpty() ? "" : " (not reached: " + String.join(", ", absent) + ")";
    }

    private double x(int category, double plotWidth) {
        return LEFT + plotWidth * (category + 0.5) / categories.size();
    }

    /** [low, high] of the axis: from 0 (linear) or the decade below the smallest value (log). */
    private double[] yRange() {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (List<Double> values : seriesValues) {
            for (Double value : values) {
                if (value != null) {
                    max = Math.max(max, value);
                    if (value > 0) {
                        min = Math.min(min, value);
                    }
                }
            }
        }
        if (logarithmic) {
            if (min == Double.MAX_VALUE) {
                return new double[] { 0, 1 };
            }
            return new double[] { Math.floor(Math.log10(min)), Math.max(Math.floor(Math.log10(min)) + 1,
                    Math.ceil(Math.log10(max))) };
        }
        double step = niceStep(max <= 0 ? 1 : max / 5);
        return new double[] { 0, Math.max(step, Math.ceil(max / step) * step) };
    }

    private List<Double> ticks(double[] range) {
        List<Double> ticks = new ArrayList<>();
        if (logarithmic) {
            for (double exponent = range[0]; exponent <= range[1] + 1e-9; exponent++) {
                ticks.add(Math.pow(10, exponent));
            }
        } else {
            double step = niceStep(range[1] / 5);
            for (double tick = 0; tick <= range[1] + step / 1000; tick += step) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    /** 0 at the bottom of the plot, 1 at the top. */
    private double scale(double value, double[] range) {
        if (logarithmic) {
            double exponent = Math.log10(Math.max(value, Math.pow(10, range[0])));
            return (exponent - range[0]) / (range[1] - range[0]);
        }
        return value / range[1];
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        if (value < 1) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>\n", x, y,
                anchor, attributes.isEmpty() ? "" : " " + attributes, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
