package dev.ballast.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.TargetRef;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TargetLogsTest {

    @Test
    void scopesNestAndLeaveTheMdcAsTheyFoundIt() {
        try (TargetLogs outer = TargetLogs.about(TargetRef.monoVertex("prod", "orders"))) {
            try (TargetLogs inner = TargetLogs.about(TargetRef.monoVertex("prod", "payments"))) {
                assertThat(MDC.get(TargetLogs.KEY)).isEqualTo("prod/payments");
            }
            assertThat(MDC.get(TargetLogs.KEY)).isEqualTo("prod/orders");
        }
        assertThat(MDC.get(TargetLogs.KEY)).isNull();
    }
}
