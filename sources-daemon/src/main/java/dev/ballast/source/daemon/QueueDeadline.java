package dev.ballast.source.daemon;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.Timeout;

/**
 * Drops a read that waited for a request slot for more than half its timeout, before it takes a
 * connection. A read's deadline counts from when it was asked (OkHttp's own call timeout starts
 * only when the call leaves the dispatcher's queue). Under a backlog (a cold start, a burst of slow
 * daemons) a queue served in order makes every read wait nearly its whole timeout; sent then, it is
 * cut off mid-exchange, which closes its connection, the next read pays a new TLS handshake, and
 * the backlog feeds itself (measured: a load run at 30,000 targets never recovered). Leaving each
 * read sent at least half its timeout, and failing the others fast, keeps connections whole and
 * lets the queue drain. The dropped reads are {@code OVERLOADED}, not the daemon's timeouts: the
 * daemon was never asked, and they become unknown readings (no scaling).
 */
final class QueueDeadline implements Interceptor {

    /**
     * Starts {@code call}'s time budget, its call timeout, now: to be called before it is queued.
     */
    static void startNow(Call call) {
        Timeout timeout = call.timeout();
        if (timeout.timeoutNanos() > 0) {
            timeout.deadline(timeout.timeoutNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Timeout timeout = chain.call().timeout();
        if (timeout.hasDeadline()
                && timeout.deadlineNanoTime() - System.nanoTime() < timeout.timeoutNanos() / 2) {
            throw new Expired();
        }
        return chain.proceed(chain.request());
    }

    /** A call dropped unsent because it waited too long for a slot. */
    static final class Expired extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("waited for a request slot for more than half its timeout; not sent");
        }
    }
}
