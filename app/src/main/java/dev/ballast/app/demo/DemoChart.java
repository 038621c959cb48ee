package dev.ballast.app.demo;

import dev.ballast.sim.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo's PNG: replicas above, pending, rate and arrivals below, faults shaded in both. */
public final class DemoChart {

    private DemoChart() {}

    /**
     * @param compare another run (a policy in pure simulation) whose replicas are drawn beside, or
     *     {@code null}
     */
    public static void write(
            List<Simulation.Point> points, Simulation.Run compare, String title, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Double> minutes = new ArrayList<>();
        List<Double> replicas = new ArrayList<>();
        List<Double> pending = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> arrivals = new ArrayList<>();
        double maxReplicas = 1;
        double maxMessages = 1;
        for (Simulation.Point p : points) {
            minutes.add(p.second() / 60);
            replicas.add((double) p.replicas());
            pending.add(p.backlog());
            rate.add(p.rate());
            arrivals.add(p.arrivals());
            maxReplicas = Math.max(maxReplicas, p.replicas());
            maxMessages = Math.max(maxMessages, Math.max(p.backlog(), p.arrivals()));
        }
        XYChart top = chart(title + ": replicas", "replicas");
        shade(top, points, minutes, maxReplicas + 1);
        line(top, "Ballast replicas (live)", minutes, replicas);
        if (compare != null) {
            List<Double> other = new ArrayList<>();
            for (Simulation.Point p : compare.points()) {
                other.add((double) p.replicas());
            }
            line(
                    top,
                    compare.policy().label() + " replicas (simulated)",
                    minutes.subList(0, Math.min(minutes.size(), other.size())),
                    other.subList(0, Math.min(minutes.size(), other.size())));
        }
        XYChart bottom = chart("messages", "messages, messages/s");
        shade(bottom, points, minutes, maxMessages * 1.05);
        line(bottom, "pending", minutes, pending);
        line(bottom, "arrivals/s", minutes, arrivals);
        segments(bottom, "rate/s (daemon; gaps = unknown)", minutes, rate);
        BitmapEncoder.saveBitmap(
                List.of(top, bottom), 2, 1, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(1000)
                        .height(360)
                        .title(title)
                        .xAxisTitle("minutes")
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return chart;
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Double> y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** A series with gaps, drawn as one series per known stretch (XChart draws no nulls well). */
    private static void segments(XYChart chart, String name, List<Double> x, List<Double> y) {
        java.awt.Color color = new java.awt.Color(0, 160, 0);
        int segment = 0;
        int i = 0;
        while (i < y.size()) {
            if (y.get(i) == null) {
                i++;
                continue;
            }
            int start = i;
            while (i < y.size() && y.get(i) != null) {
                i++;
            }
            XYSeries series =
                    chart.addSeries(
                            segment == 0 ? name : name + " " + segment,
                            x.subList(start, i),
                            y.subList(start, i));
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(color);
            series.setShowInLegend(segment == 0);
            segment++;
        }
    }

    private static void shade(
            XYChart chart, List<Simulation.Point> points, List<Double> x, double height) {
        List<Double> y = new ArrayList<>();
        boolean any = false;
        for (Simulation.Point p : points) {
            y.add(p.faulted() ? height : 0.0);
            any |= p.faulted();
        }
        if (any) {
            XYSeries fault = chart.addSeries("fault injected", x, y);
            fault.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            fault.setMarker(SeriesMarkers.NONE);
            fault.setFillColor(new java.awt.Color(255, 80, 80, 60));
            fault.setLineColor(new java.awt.Color(255, 80, 80, 0));
        }
    }
}
