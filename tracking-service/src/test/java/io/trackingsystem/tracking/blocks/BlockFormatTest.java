package io.trackingsystem.tracking.blocks;

import io.trackingsystem.tracking.catalogue.Column;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockFormatTest {

    private static final int DAY = 20_400;
    private static final long DAY_START = DAY * 86_400_000L;

    @Test
    void everyValueOfEveryEventComesBackInOrder() {
        Random random = new Random(3);
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(event(random.nextLong(), DAY_START + random.nextInt(86_400_000), random));
        }
        EventBlock block = BlockFormat.decode(BlockFormat.encode(DAY, events));

        assertThat(block.epochDay()).isEqualTo(DAY);
        assertThat(block.size()).isEqualTo(events.size());
        for (int i = 0; i < events.size(); i++) {
            StoredEvent back = block.event(i);
            StoredEvent sent = events.get(i);
            assertThat(back.id()).isEqualTo(sent.id());
            assertThat(back.time()).isEqualTo(sent.time());
            assertThat(back.values()).containsExactly(sent.values());
            assertThat(back.propertyKeys()).containsExactly(sent.propertyKeys());
            assertThat(back.propertyValues()).containsExactly(sent.propertyValues());
        }
    }

    @Test
    void repetitiveColumnsCompressToAFewBytesPerEvent() {
        Random random = new Random(5);
        List<StoredEvent> events = new ArrayList<>();
        long time = DAY_START;
        for (int i = 0; i < 20_000; i++) {
            time += random.nextInt(4000);
            events.add(event(random.nextLong(), time, new Random(i % 200)));
        }
        byte[] stored = BlockFormat.encode(DAY, events);

        assertThat(stored.length / (double) events.size()).isLessThan(20);
    }

    @Test
    void anEventOutsideTheBlocksDayIsRefused() {
        assertThatThrownBy(() -> BlockFormat.encode(DAY, List.of(event(1, DAY_START - 1, new Random(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void damagedBytesAreRefusedAsMalformed() {
        byte[] stored = BlockFormat.encode(DAY, List.of(event(1, DAY_START + 5, new Random(1))));
        byte[] truncated = Arrays.copyOf(stored, stored.length - 3);
        byte[] otherVersion = stored.clone();
        otherVersion[2] = 9;

        assertThatThrownBy(() -> BlockFormat.decode(truncated)).isInstanceOf(MalformedBlockException.class);
        assertThatThrownBy(() -> BlockFormat.decode(otherVersion)).isInstanceOf(MalformedBlockException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> BlockFormat.decode("not a block".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedBlockException.class);
    }

    @Test
    void aReaderSkipsSectionsItDoesNotKnowAndReadsMissingColumnsAsEmpty() {
        ByteWriter body = new ByteWriter(64);
        body.varint(DAY);
        body.varint(1);
        ByteWriter time = new ByteWriter(8);
        time.signed(1234);
        body.section(1, time);
        ByteWriter unknown = new ByteWriter(8);
        unknown.string("a later release's column");
        body.section(60, unknown);
        byte[] plain = body.toArray();
        ByteWriter stored = new ByteWriter(plain.length + 16);
        stored.raw(new byte[]{'T', 'B'}, 0, 2);
        stored.varint(BlockFormat.VERSION);
        stored.varint(plain.length);
        byte[] compressed = com.github.luben.zstd.Zstd.compress(plain);
        stored.raw(compressed, 0, compressed.length);

        EventBlock block = BlockFormat.decode(stored.toArray());

        assertThat(block.time(0)).isEqualTo(DAY_START + 1234);
        for (Column column : Column.values()) {
            assertThat(block.value(0, column)).isEmpty();
        }
        assertThat(block.propertyCount(0)).isZero();
    }

    private static StoredEvent event(long id, long time, Random random) {
        Column[] columns = Column.values();
        String[] values = new String[columns.length];
        for (Column column : columns) {
            values[column.ordinal()] = random.nextInt(5) == 0 ? "" : column.name().toLowerCase() + random.nextInt(20)
                    + (random.nextInt(50) == 0 ? "-ünïcödé-" : "");
        }
        int properties = random.nextInt(3);
        String[] keys = new String[properties];
        String[] propertyValues = new String[properties];
        for (int p = 0; p < properties; p++) {
            keys[p] = "key" + p;
            propertyValues[p] = "value" + random.nextInt(10);
        }
        return new StoredEvent(id, time, values, keys, propertyValues);
    }
}
