package org.gridtwin.physics.pv;

import org.gridtwin.model.PvArray;
import org.gridtwin.physics.solar.Irradiance;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.WeatherSeries;

/**
 * The PV chain for a fixed-tilt array: GHI → (Erbs) DNI and DHI → isotropic plane of array → ASHRAE incidence
 * modifier on the beam → SAPM cell temperature → PVWatts DC power with losses → PVWatts inverter with clipping.
 */
public final class PvModel {
    /** Below this cos z (zenith 86.3°) the sun is too low for the beam decomposition to be meaningful. */
    private static final double MIN_COS_ZENITH = 0.0645;

    private PvModel() {
    }

    /** Available AC power of the array at every step, kW. */
    public static double[] acPowerKw(PvArray array, TimeGrid grid, SunSeries sun, WeatherSeries weather) {
        int n = grid.steps();
        double[] out = new double[n];
        double[] normal = SunSeries.unitVector(array.tiltDeg(), array.azimuthDeg());
        for (int i = 0; i < n; i++) {
            double ghi = weather.ghiWm2()[i];
            double cosZ = sun.cosZenith(i);
            if (ghi <= 0 || cosZ <= 0) {
                continue;
            }
            double poa = planeOfArrayWm2(ghi, cosZ, sun.cosIncidence(i, normal), grid.minuteOfYear(i) / 1440 + 1,
                    array);
            double tCell = PvWatts.cellTemperatureSapmC(poa, weather.airTemperatureC()[i], weather.windSpeedMs()[i]);
            double dc = PvWatts.dcPowerKw(poa, tCell, array.capacityKwDc(), array.temperatureCoefficientPerC(),
                    array.systemLossFraction());
            out[i] = PvWatts.inverterAcKw(dc, array.inverterKwAc());
        }
        return out;
    }

    /**
     * Irradiance reaching the cells of the array (beam reduced by the incidence modifier), W/m².
     *
     * @param cosZenith cosine of the sun's zenith angle
     * @param cosAoi    cosine of the angle of incidence on the array
     */
    public static double planeOfArrayWm2(double ghiWm2, double cosZenith, double cosAoi, int dayOfYear,
            PvArray array) {
        double cosZ = cosZenith;
        double dhi;
        double dni;
        if (cosZ < MIN_COS_ZENITH) {
            // sun at the horizon: treat all light as diffuse rather than divide by a vanishing cos z
            dhi = ghiWm2;
            dni = 0;
        } else {
            double kt = Math.min(1.0, ghiWm2 / (Irradiance.extraterrestrialNormalWm2(dayOfYear) * cosZ));
            dhi = ghiWm2 * Irradiance.diffuseFractionErbs(kt);
            dni = (ghiWm2 - dhi) / cosZ;
        }
        double beamTransmitted = dni * Math.max(0, cosAoi) * Irradiance.iamAshrae(cosAoi);
        double diffuse = Irradiance.poaIsotropicWm2(0, dhi, ghiWm2, 0, array.tiltDeg(), array.albedo());
        return beamTransmitted + diffuse;
    }
}
