package io.trackingsystem.bench;

import java.util.List;

/**
 * One analytics question the benchmark times: the tracking-service operation that answers it, its HTTP path on
 * the gateway, and its parameters besides the range. The unfiltered overview is every other row's baseline.
 */
record BenchQuery(String name, String operation, String path, String parameters) {

    static final String BASELINE = "overview";

    static final List<BenchQuery> ALL = List.of(
            stats(BASELINE, "overview", ""),
            stats("timeseries", "timeseries", "interval=day"),
            stats("breakdown", "breakdown", "dimension=page"),
            stats("overview_filtered", "overview", "filter=page:/pricing"),
            stats("overview_3_filters_zoned", "overview",
                    "filter=page:/pricing&filter=browser:Chrome&filter=referrer:Google&tz=Europe/Berlin"),
            stats("timeseries_hour_filtered", "timeseries", "interval=hour&filter=referrer:Google"),
            stats("breakdown_filtered", "breakdown", "dimension=page&filter=referrer:Google"),
            stats("breakdown_zoned", "breakdown", "dimension=page&tz=Europe/Berlin"),
            stats("breakdown_property", "breakdown", "dimension=property:plan&filter=browser:Firefox"),
            stats("breakdown_exit_filtered", "breakdown", "dimension=exitPage&filter=device:mobile"),
            stats("funnel_3_steps", "funnel", "step=pageview:/&step=pageview:/pricing&step=event:signup"),
            stats("funnel_8_steps", "funnel", "step=pageview:/&step=pageview:/features&step=pageview:/pricing"
                    + "&step=event:add_to_cart&step=event:checkout&step=pageview:/blog&step=event:download"
                    + "&step=event:play_video"),
            stats("retention_week", "retention", "interval=week"),
            stats("retention_day_filtered", "retention", "interval=day&filter=device:desktop"),
            new BenchQuery("events_filtered", "events", "/api/events", "limit=50&filter=page:/pricing"),
            new BenchQuery("export_breakdown_filtered", "export", "/api/export",
                    "format=csv&dataset=pages&filter=referrer:Google"));

    private static BenchQuery stats(String name, String operation, String parameters) {
        return new BenchQuery(name, operation, "/api/stats/" + operation, parameters);
    }
}
