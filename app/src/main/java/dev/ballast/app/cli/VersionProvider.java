package dev.ballast.app.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BallastCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "Ballast " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version")
        };
    }
}
