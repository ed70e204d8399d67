package io.trackingsystem.routes.redis;

import io.lettuce.core.RedisURI;
import io.trackingsystem.routes.config.Env;

import java.util.Arrays;
import java.util.List;

/**
 * Where a service finds Redis: one node at {@code REDIS_URL}, or a Redis Cluster reached through any of
 * {@code REDIS_CLUSTER_NODES} ({@code host:port,host:port,...}). In cluster mode the client learns the rest of the
 * cluster from those nodes; {@code REDIS_URL}, when set, still gives the user, the password and TLS
 * ({@code rediss://}), and {@code REDIS_PASSWORD} gives the password when it does not.
 *
 * @param url          the single node, or in cluster mode the credentials and scheme to use with every node
 * @param clusterNodes the cluster's seed nodes as {@code host:port}; empty for a single node
 * @param password     {@code REDIS_PASSWORD}, used when {@code url} carries none; may be null
 */
public record RedisTarget(String url, List<String> clusterNodes, String password) {

    public static final String DEFAULT_URL = "redis://localhost:6379";

    public RedisTarget {
        clusterNodes = List.copyOf(clusterNodes);
    }

    public static RedisTarget from(Env env) {
        List<String> nodes = env.optional("REDIS_CLUSTER_NODES")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList())
                .orElse(List.of());
        return new RedisTarget(env.string("REDIS_URL", DEFAULT_URL), nodes,
                env.optional("REDIS_PASSWORD").orElse(null));
    }

    public static RedisTarget single(String url) {
        return new RedisTarget(url, List.of(), null);
    }

    public static RedisTarget cluster(List<String> nodes) {
        return new RedisTarget(DEFAULT_URL, nodes, null);
    }

    public boolean isCluster() {
        return !clusterNodes.isEmpty();
    }

    /** The single node, with {@code REDIS_PASSWORD} when the URL has no password of its own. */
    RedisURI node() {
        return withCredentials(RedisURI.create(url));
    }

    /** One URI per seed node, each with the scheme, user and password of {@link #url}. */
    List<RedisURI> seeds() {
        RedisURI template = RedisURI.create(url);
        return clusterNodes.stream().map(node -> {
            int colon = node.lastIndexOf(':');
            if (colon <= 0 || colon == node.length() - 1) {
                throw new IllegalArgumentException("REDIS_CLUSTER_NODES entries are host:port, got '" + node + "'");
            }
            return withCredentials(RedisURI.Builder.redis(node.substring(0, colon), port(node.substring(colon + 1)))
                    .withSsl(template.isSsl()).withVerifyPeer(template.getVerifyMode())
                    .withAuthentication(template).build());
        }).toList();
    }

    private RedisURI withCredentials(RedisURI uri) {
        if (uri.getPassword() == null && password != null) {
            uri.setPassword(password.toCharArray());
        }
        return uri;
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("REDIS_CLUSTER_NODES: '" + text + "' is not a port", e);
        }
    }
}
