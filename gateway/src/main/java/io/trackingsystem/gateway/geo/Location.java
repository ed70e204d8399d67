package io.trackingsystem.gateway.geo;

/**
 * Where an address is, as far as the database knows: each value "" when unknown.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 * @param region  ISO 3166-2 subdivision code ({@code GB-ENG}), or the database's English name of the subdivision
 *                when it has no code
 * @param city    the database's English name of the city
 */
public record Location(String country, String region, String city) {

    public static final Location UNKNOWN = new Location("", "", "");

    static Location country(String country) {
        return new Location(country, "", "");
    }
}
