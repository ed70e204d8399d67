package io.trackingsystem.tracking.pipeline;

import java.util.Locale;
import java.util.Map;

/**
 * Names for the places visitors come from, so that google.de, www.google.com and the utm_source "google" all
 * become "Google". A host that is not known here stays its own source, without "www.".
 */
final class ReferrerSources {

    /** Brands recognised by any label of the host, e.g. google.co.uk, news.google.com, l.facebook.com. */
    private static final Map<String, String> BRANDS = Map.ofEntries(
            // search engines
            Map.entry("google", "Google"), Map.entry("bing", "Bing"), Map.entry("duckduckgo", "DuckDuckGo"),
            Map.entry("yahoo", "Yahoo"), Map.entry("yandex", "Yandex"), Map.entry("baidu", "Baidu"),
            Map.entry("ecosia", "Ecosia"), Map.entry("qwant", "Qwant"), Map.entry("startpage", "Startpage"),
            Map.entry("naver", "Naver"), Map.entry("seznam", "Seznam"), Map.entry("brave", "Brave Search"),
            // social networks and communities
            Map.entry("facebook", "Facebook"), Map.entry("fb", "Facebook"), Map.entry("instagram", "Instagram"),
            Map.entry("twitter", "Twitter"), Map.entry("linkedin", "LinkedIn"), Map.entry("reddit", "Reddit"),
            Map.entry("pinterest", "Pinterest"), Map.entry("youtube", "YouTube"), Map.entry("tiktok", "TikTok"),
            Map.entry("quora", "Quora"), Map.entry("tumblr", "Tumblr"), Map.entry("mastodon", "Mastodon"),
            Map.entry("threads", "Threads"), Map.entry("vk", "VKontakte"), Map.entry("telegram", "Telegram"),
            Map.entry("whatsapp", "WhatsApp"), Map.entry("discord", "Discord"), Map.entry("slack", "Slack"),
            // developer and news sites
            Map.entry("github", "GitHub"), Map.entry("gitlab", "GitLab"), Map.entry("stackoverflow", "Stack Overflow"),
            Map.entry("medium", "Medium"), Map.entry("producthunt", "Product Hunt"), Map.entry("substack", "Substack"),
            Map.entry("wikipedia", "Wikipedia"),
            // mail
            Map.entry("gmail", "Gmail"), Map.entry("outlook", "Outlook"));

    /** Whole hosts whose labels do not name the brand. */
    private static final Map<String, String> HOSTS = Map.of(
            "t.co", "Twitter", "x.com", "Twitter", "lnkd.in", "LinkedIn", "youtu.be", "YouTube",
            "news.ycombinator.com", "Hacker News", "mail.google.com", "Gmail", "com.google.android.gm", "Gmail",
            "out.reddit.com", "Reddit", "m.facebook.com", "Facebook", "chatgpt.com", "ChatGPT");

    private ReferrerSources() {
    }

    /** The source name for a referrer host (already without "www."). */
    static String forHost(String host) {
        String known = HOSTS.get(host);
        if (known != null) {
            return known;
        }
        String[] labels = host.split("\\.");
        // the last label is the top-level domain, never the brand ("fb" in "example.fb" is not Facebook)
        for (int i = labels.length - 2; i >= 0; i--) {
            String brand = BRANDS.get(labels[i]);
            if (brand != null) {
                return brand;
            }
        }
        return host;
    }

    /** The source name for a utm_source value such as "google" or "Newsletter". */
    static String forUtmSource(String utmSource) {
        String lower = utmSource.toLowerCase(Locale.ROOT);
        String known = HOSTS.get(lower);
        if (known != null) {
            return known;
        }
        String brand = BRANDS.get(lower);
        if (brand != null) {
            return brand;
        }
        if (lower.contains(".")) {
            return forHost(lower.startsWith("www.") ? lower.substring(4) : lower);
        }
        return utmSource;
    }
}
