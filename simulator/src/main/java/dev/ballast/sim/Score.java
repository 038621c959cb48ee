package dev.ballast.sim;

/**
 * How a policy did in one run.
 *
 * @param zeroWhileBusySeconds seconds at zero replicas after a scale-to-zero made while messages
 *     were arriving (the incident Ballast exists for); must be 0 for Ballast
 * @param zeroWhileArrivingSeconds all seconds at zero replicas while messages arrived, including
 *     the wake-up after a known-idle period
 * @param backlogAboveSeconds seconds with a backlog above the scenario's threshold
 * @param peakBacklog the largest backlog
 * @param replicaSeconds replicas summed over every second (cost)
 * @param oracleReplicaSeconds the lower bound: replicas needed to keep up with arrivals
 * @param changes replica changes
 * @param reversals changes in the opposite direction of the previous one
 */
public record Score(
        double zeroWhileBusySeconds,
        double zeroWhileArrivingSeconds,
        double backlogAboveSeconds,
        double peakBacklog,
        double replicaSeconds,
        double oracleReplicaSeconds,
        int changes,
        int reversals) {

    /** Cost against the oracle's lower bound. */
    public double costRatio() {
        return oracleReplicaSeconds == 0 ? Double.NaN : replicaSeconds / oracleReplicaSeconds;
    }

    static final class Builder {
        private final Scenario scenario;
        private double zeroWhileBusy;
        private double zeroWhileArriving;
        private double backlogAbove;
        private double peak;
        private double replicaSeconds;
        private double oracle;
        private int changes;
        private int reversals;
        private int lastDirection;
        private boolean zeroedWhileBusy;

        Builder(Scenario scenario) {
            this.scenario = scenario;
        }

        void change(int from, int to, double arrivals) {
            int direction = Integer.signum(to - from);
            if (lastDirection != 0 && direction != lastDirection) {
                reversals++;
            }
            lastDirection = direction;
            changes++;
            if (to == 0) {
                zeroedWhileBusy = arrivals > 0;
            }
        }

        void second(double arrivals, double backlog, int replicas) {
            if (replicas == 0 && arrivals > 0) {
                zeroWhileArriving++;
                if (zeroedWhileBusy) {
                    zeroWhileBusy++;
                }
            }
            if (replicas > 0) {
                zeroedWhileBusy = false;
            }
            if (backlog > scenario.backlogThreshold()) {
                backlogAbove++;
            }
            peak = Math.max(peak, backlog);
            replicaSeconds += replicas;
            oracle += Math.ceil(arrivals / scenario.capacity());
        }

        Score build() {
            return new Score(
                    zeroWhileBusy,
                    zeroWhileArriving,
                    backlogAbove,
                    peak,
                    replicaSeconds,
                    oracle,
                    changes,
                    reversals);
        }
    }
}
