package dev.ballast.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.core.loop.DecisionListener;
import java.time.Clock;
import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;

/** The app's object graph, built by Dagger from a config and a clock. */
@Singleton
@Component(modules = {ComponentsModule.class, ObservabilityModule.class, LoopModule.class})
public interface BallastComponent {

    /** The app, ready to start. */
    BallastApp app();

    /** Builds the graph. */
    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder config(AppConfig config);

        @BindsInstance
        Builder clock(Clock clock);

        /**
         * How many seconds of the clock pass per real second (1 in production; the demo runs
         * faster). Timers of the loop are shortened by it.
         */
        @BindsInstance
        Builder timeScale(@Named("timeScale") double scale);

        /** Listeners told of every evaluation besides the metrics and the decision log. */
        @BindsInstance
        Builder listeners(List<DecisionListener> listeners);

        BallastComponent build();
    }

    /** A builder for the graph, in real time and with no extra listener. */
    static Builder builder() {
        return DaggerBallastComponent.builder().timeScale(1).listeners(List.of());
    }
}
