package io.trackingsystem.gateway.auth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that runs against one {@link AuthSystem}, started before its tests and closed after them. */
abstract class AuthSystemTest {

    static AuthSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = AuthSystem.start();
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }
}
