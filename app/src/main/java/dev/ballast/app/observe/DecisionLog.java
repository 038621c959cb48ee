package dev.ballast.app.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.policy.Decision;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The decision log: one JSON object per line and per evaluation, with the fields of the app's
 * contract ({@code time, target, kind, current, desired, action, reason, rate, pending, dryRun};
 * {@code null} = unknown) plus {@code outcome} and {@code explanation}.
 */
public final class DecisionLog implements DecisionListener, Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final boolean closeOut;

    /**
     * @param out where the lines go
     * @param closeOut whether {@link #close()} closes {@code out} (not for standard output)
     */
    public DecisionLog(Writer out, boolean closeOut) {
        this.out = out;
        this.closeOut = closeOut;
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        String line = line(evaluation);
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("decision log write failed", e);
            }
        }
    }

    /** The JSON line for one evaluation, without the newline. */
    static String line(Evaluation evaluation) {
        Decision d = evaluation.decision();
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(d.time()));
            g.writeStringField("target", d.target().ref().key());
            g.writeStringField("kind", d.target().ref().kind().kubernetesKind());
            writeInt(
                    g,
                    "current",
                    d.currentReplicas().isPresent() ? d.currentReplicas().getAsInt() : null);
            writeInt(
                    g,
                    "desired",
                    d.desiredReplicas().isPresent() ? d.desiredReplicas().getAsInt() : null);
            g.writeStringField("action", d.action().wireName());
            g.writeStringField("reason", d.reason().name());
            Optional<Readings> readings = d.readings();
            writeReading(g, "rate", readings.map(Readings::rate));
            writeReading(g, "pending", readings.map(Readings::pending));
            g.writeBooleanField("dryRun", evaluation.dryRun());
            g.writeStringField("outcome", evaluation.outcome().name());
            g.writeStringField("explanation", d.explanation());
            if (evaluation.failure().isPresent()) {
                g.writeStringField("failure", evaluation.failure().get());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeInt(JsonGenerator g, String field, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    private static void writeReading(JsonGenerator g, String field, Optional<Reading> reading)
            throws IOException {
        if (reading.isPresent() && reading.get().isKnown()) {
            double value = reading.get().value();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                g.writeNumberField(field, (long) value);
            } else {
                g.writeNumberField(field, value);
            }
        } else {
            g.writeNullField(field);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.flush();
            if (closeOut) {
                out.close();
            }
        }
    }
}
