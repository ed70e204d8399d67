package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.routes.contract.EventFields;

import java.util.Map;

/**
 * One event on its way through the pipeline: the untrusted entry as read from the ingest stream, then the
 * normalised fields, then what later steps derive. Steps fill it in order; storage reads it.
 */
public final class Event {

    /** The UTM parameters in storage order. */
    public static final String[] UTM_NAMES = EventFields.UTM_MEMBERS.toArray(String[]::new);

    private final String entryId;
    private final String rawAccount;
    private final String rawJson;
    private DropReason dropReason;

    private String account;
    private String id;
    private String name;
    private String type;
    private long ts;
    private long receivedAt;
    private String sessionId = "";
    private String userId = "";
    private String anonymousId = "";
    private String temporaryVisitorId = "";
    private String url = "";
    private String referrer = "";
    private String userAgent = "";
    private String ip = "";
    private String screen = "";
    private String language = "";
    private String country = "";
    private String region = "";
    private String city = "";
    private Map<String, String> props = Map.of();
    private String propsJson = "";
    private final String[] utm = {"", "", "", "", ""};

    private String path = "";
    private String host = "";
    private String fingerprint = "";
    private String browser = "";
    private String os = "";
    private String device = "";
    private boolean spider;
    private String source = "";
    private String visitorId = "";
    private String visitorHash = "";
    private String newSessionId = "";

    public Event(String entryId, String rawAccount, String rawJson) {
        this.entryId = entryId;
        this.rawAccount = rawAccount;
        this.rawJson = rawJson;
    }

    public void drop(DropReason reason) {
        this.dropReason = reason;
    }

    public boolean dropped() {
        return dropReason != null;
    }

    public DropReason dropReason() {
        return dropReason;
    }

    public boolean isPageview() {
        return "pageview".equals(name);
    }

    public String entryId() { return entryId; }
    public String rawAccount() { return rawAccount; }
    public String rawJson() { return rawJson; }
    public String account() { return account; }
    public String id() { return id; }
    public String name() { return name; }
    public String type() { return type; }
    public long ts() { return ts; }
    public long receivedAt() { return receivedAt; }
    public String sessionId() { return sessionId; }
    public String userId() { return userId; }
    public String anonymousId() { return anonymousId; }
    public String temporaryVisitorId() { return temporaryVisitorId; }
    public String url() { return url; }
    public String referrer() { return referrer; }
    public String userAgent() { return userAgent; }
    public String ip() { return ip; }
    public String screen() { return screen; }
    public String language() { return language; }
    public String country() { return country; }
    public String region() { return region; }
    public String city() { return city; }
    public Map<String, String> props() { return props; }
    public String propsJson() { return propsJson; }
    public String utm(int index) { return utm[index]; }
    public String path() { return path; }
    public String host() { return host; }
    public String fingerprint() { return fingerprint; }
    public String browser() { return browser; }
    public String os() { return os; }
    public String device() { return device; }
    public boolean spider() { return spider; }
    public String source() { return source; }
    public String visitorId() { return visitorId; }
    public String visitorHash() { return visitorHash; }
    public String newSessionId() { return newSessionId; }

    void account(String value) { account = value; }
    void id(String value) { id = value; }
    void name(String value) { name = value; }
    void type(String value) { type = value; }
    void ts(long value) { ts = value; }
    void receivedAt(long value) { receivedAt = value; }
    void sessionId(String value) { sessionId = value; }
    void userId(String value) { userId = value; }
    void anonymousId(String value) { anonymousId = value; }
    void temporaryVisitorId(String value) { temporaryVisitorId = value; }
    void url(String value) { url = value; }
    void referrer(String value) { referrer = value; }
    void userAgent(String value) { userAgent = value; }
    void ip(String value) { ip = value; }
    void screen(String value) { screen = value; }
    void language(String value) { language = value; }
    void location(String countryCode, String regionCode, String cityName) {
        country = countryCode;
        region = regionCode;
        city = cityName;
    }
    void props(Map<String, String> value, String json) { props = value; propsJson = json; }
    void utm(int index, String value) { utm[index] = value; }
    void path(String value) { path = value; }
    void host(String value) { host = value; }
    void fingerprint(String value) { fingerprint = value; }
    void client(String browserFamily, String osFamily, String deviceType, boolean isSpider) {
        browser = browserFamily;
        os = osFamily;
        device = deviceType;
        spider = isSpider;
    }
    void source(String value) { source = value; }
    void visitor(String id, String hash) { visitorId = id; visitorHash = hash; }
    void newSessionId(String value) { newSessionId = value; }
}
