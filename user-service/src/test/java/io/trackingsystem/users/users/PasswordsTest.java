package io.trackingsystem.users.users;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    private final Passwords passwords = new Passwords(10);

    @Test
    void hashesWithBcryptAtTheConfiguredCost() {
        String hash = passwords.hash("correct horse battery");

        assertThat(hash).startsWith("$2b$10$").hasSize(60);
        assertThat(passwords.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void tellsApartLongPasswordsThatShareTheirFirst72Bytes() {
        String prefix = "p".repeat(100);
        String hash = passwords.hash(prefix + "-one");

        assertThat(passwords.matches(prefix + "-one", hash)).isTrue();
        assertThat(passwords.matches(prefix + "-two", hash)).isFalse();
    }

    @Test
    void neverMatchesWithoutAStoredHash() {
        assertThat(passwords.matches("anything at all", null)).isFalse();
    }

    /** A check against no account must cost a real bcrypt, or timing would tell which emails exist. */
    @Test
    void checkingAgainstNoAccountCostsAsMuchAsAgainstOne() {
        String hash = passwords.hash("correct horse battery");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(time(() -> passwords.matches("wrong guess", hash)));
            unknown.add(time(() -> passwords.matches("wrong guess", null)));
        }

        assertThat(median(unknown)).isGreaterThan(median(known) / 2);
    }

    /** CPU time of this thread, so other work on a busy machine does not blur the comparison. */
    private static long time(Runnable check) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        check.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
