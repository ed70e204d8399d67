package io.trackingsystem.users.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.trackingsystem.users.Secrets;

/**
 * bcrypt password hashes. bcrypt reads only 72 bytes, so longer passwords are first reduced with SHA-512 rather
 * than cut: two long passwords sharing a prefix stay different.
 */
public final class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    /** Checked when no account matches, so a login for an unknown email costs what one for a known email does. */
    private final String decoy;

    public Passwords(int cost) {
        this.cost = cost;
        this.decoy = hash(Secrets.random(16));
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} matches {@code storedHash}; with no stored hash it does the same work and fails. */
    public boolean matches(String password, String storedHash) {
        boolean known = storedHash != null;
        boolean verified = verifyer.verify(password.toCharArray(), known ? storedHash : decoy).verified;
        return known && verified;
    }
}
