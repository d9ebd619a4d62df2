package org.gridtwin.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * A {@code gridtwin serve} to be killed: the ningbo fleet at one-minute cycles, 600 cycles a wall second, the wall
 * clock fixed at {@link ApiTest#START} so a restart resumes exactly where the store's last checkpoint says.
 * Prints {@code running} once the loop and the store writer run. Started in its own JVM by {@link KillTest}.
 */
public final class KillTarget {
    private KillTarget() {
    }

    public static void main(String[] args) throws Exception {
        LiveFleet.Options options = new LiveFleet.Options(Duration.ofMinutes(1), 36_000, Duration.ofMinutes(1),
                Duration.ofDays(7), Duration.ofMillis(250));
        GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, options, Path.of(args[0]),
                Clock.fixed(ApiTest.START, ZoneOffset.UTC), System::nanoTime);
        server.run();
        System.out.println("running");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
