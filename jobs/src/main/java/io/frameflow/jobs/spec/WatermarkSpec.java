package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Event time: how watermarks follow the frames' capture times. All optional.
 *
 * @param outOfOrderness how far behind the latest capture time the watermark stays (default 500ms)
 * @param idleness after how long without a frame a stream stops holding the watermark back (default
 *     5s)
 */
public record WatermarkSpec(
        @JsonProperty("out-of-orderness") DurationValue outOfOrderness,
        @JsonProperty("idleness") DurationValue idleness) {

    static final WatermarkSpec DEFAULTS = new WatermarkSpec(null, null);
}
