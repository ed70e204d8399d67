package io.trackingsystem.routes.contract;

import io.lettuce.core.cluster.SlotHash;
import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestPartitionsTest {

    @Test
    void onePartitionIsTheStreamOfEarlierReleases() {
        assertThat(IngestStream.partitions(1)).containsExactly("ingest:{events}");
        assertThat(IngestStream.forSite("any-site", 1)).isEqualTo("ingest:{events}");
    }

    @Test
    void aSiteAlwaysGoesToTheSamePartitionAndSitesUseThemAll() {
        assertThat(IngestStream.forSite("site-42", 3)).isEqualTo(IngestStream.forSite("site-42", 3));
        assertThat(IntStream.range(0, 100).mapToObj(i -> IngestStream.forSite("site-" + i, 3))
                .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(IngestStream.partitions(3));
    }

    @Test
    void threePartitionsFallInTheThreeSlotRangesOfAnEvenlySplitCluster() {
        assertThat(IngestStream.partitions(3).stream().map(key -> SlotHash.getSlot(key) * 3 / SlotHash.SLOT_COUNT)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(IngestStream.partitions(3).stream().map(IngestStream::deadLetters).map(SlotHash::getSlot).toList())
                .isEqualTo(IngestStream.partitions(3).stream().map(SlotHash::getSlot).toList());
    }

    @Test
    void partitionsOutsideOneTo64AreRefused() {
        assertThatThrownBy(() -> CommonConfig.from(Env.of(Map.of("INGEST_PARTITIONS", "0"))))
                .hasMessageContaining("INGEST_PARTITIONS");
        assertThatThrownBy(() -> CommonConfig.from(Env.of(Map.of("INGEST_PARTITIONS", "65"))))
                .hasMessageContaining("INGEST_PARTITIONS");
    }
}
