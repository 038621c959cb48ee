package dev.ballast.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Messages arriving per second at each second of simulated time. */
@FunctionalInterface
public interface Workload {

    /** The arrival rate (messages per second) at {@code second} since the start. */
    double rate(double second);

    static Workload constant(double rate) {
        return t -> rate;
    }

    /** {@code before} until {@code at}, then {@code after}. */
    static Workload step(double before, double at, double after) {
        return t -> t < at ? before : after;
    }

    /** From {@code from} to {@code to} linearly between {@code start} and {@code end}. */
    static Workload ramp(double from, double to, double start, double end) {
        return t ->
                t <= start
                        ? from
                        : t >= end ? to : from + (to - from) * (t - start) / (end - start);
    }

    /**
     * A day compressed into {@code period} seconds: {@code mean} plus a sine of {@code amplitude}.
     */
    static Workload diurnal(double mean, double amplitude, double period) {
        return t -> Math.max(0, mean + amplitude * Math.sin(2 * Math.PI * t / period));
    }

    /**
     * {@code base} with bursts of {@code burst} lasting {@code length} every {@code every} seconds.
     */
    static Workload bursts(double base, double burst, double every, double length) {
        return t -> (t % every) < length ? burst : base;
    }

    /** Nothing until {@code quietUntil}, then {@code rate}. */
    static Workload idleThenBurst(double quietUntil, double rate) {
        return step(0, quietUntil, rate);
    }

    /**
     * A trace from a CSV file of {@code second,rate} lines (a header line is skipped), held between
     * points.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the line that is not {@code number,number}
     */
    static Workload trace(Path csv) throws IOException {
        List<double[]> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(0)))) {
                continue;
            }
            String[] parts = line.split(",");
            try {
                points.add(
                        new double[] {
                            Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())
                        });
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        csv + " line " + (i + 1) + ": expected 'second,rate', got '" + line + "'");
            }
        }
        return t -> {
            double rate = 0;
            for (double[] p : points) {
                if (p[0] <= t) {
                    rate = p[1];
                } else {
                    break;
                }
            }
            return rate;
        };
    }
}
