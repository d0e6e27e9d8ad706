package io.newsgraph.storage;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (sleep a uniform random time in [0, min(cap, base * 2^attempt)]),
 * bounded by a number of attempts.
 *
 * @param maxAttempts total attempts including the first (>= 1)
 * @param baseMillis  backoff base
 * @param capMillis   backoff ceiling
 * @param sleeper     how to wait (tests pass a recording sleeper to stay fast)
 */
public record RetryPolicy(int maxAttempts, long baseMillis, long capMillis, Sleeper sleeper) {
    /** 8 attempts, 50 ms base, 5 s cap: at most about 10 s of waiting in total. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, 50, 5_000, Sleeper.THREAD_SLEEP);

    public RetryPolicy {
        if (maxAttempts < 1 || baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("bad retry policy");
        }
    }

    /** Backoff before retry number {@code retry} (1 = first retry). */
    long delayMillis(int retry) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(retry, 20));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    void pause(int retry) {
        try {
            sleeper.sleep(delayMillis(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD_SLEEP = Thread::sleep;

        void sleep(long millis) throws InterruptedException;
    }
}
