package dev.ballast.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import java.time.Clock;
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

        BallastComponent build();
    }

    /** A builder for the graph. */
    static Builder builder() {
        return DaggerBallastComponent.builder();
    }
}
