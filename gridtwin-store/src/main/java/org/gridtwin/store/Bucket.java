package org.gridtwin.store;

import java.time.Instant;

/**
 * A rollup bucket: energies in kWh summed over the samples that started in it, and the SoC of the last one.
 *
 * @param samples how many samples fell in the bucket
 * @param seconds the time they cover
 */
public record Bucket(String siteId, Resolution resolution, Instant start, long samples, double seconds,
        double windKwh, double pvKwh, double loadKwh, double importKwh, double exportKwh, double chargeKwh,
        double dischargeKwh, double unmetKwh, double lastSocFraction) {
}
