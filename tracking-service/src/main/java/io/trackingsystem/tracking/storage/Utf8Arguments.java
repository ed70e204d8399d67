package io.trackingsystem.tracking.storage;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;

import java.nio.charset.StandardCharsets;

/**
 * Command arguments for commands with thousands of values (a batch's script call and reads). The values are
 * handed to Lettuce as UTF-8 bytes: {@code String.getBytes} encodes ASCII text with vector instructions, while
 * Lettuce's string codec counts and writes every character on its own, which at tens of thousands of events per
 * second was a third of the service's CPU. Keys still go through the codec, so they stay keys.
 */
public final class Utf8Arguments {

    private Utf8Arguments() {
    }

    static CommandArgs<String, String> of(String[] keys, String[] values) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
        args.addKeys(keys);
        return values(args, values);
    }

    /** Appends the values as UTF-8 bytes. */
    public static CommandArgs<String, String> values(CommandArgs<String, String> args, String[] values) {
        for (String value : values) {
            args.add(value.getBytes(StandardCharsets.UTF_8));
        }
        return args;
    }
}
