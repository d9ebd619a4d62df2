package org.gridtwin.model;

import java.util.List;

/**
 * The models of a wind farm's chain, after windpowerlib's model chain: hub-height wind, temperature and air
 * density, the power model with its density correction, cut-out hysteresis and the farm's wake loss.
 *
 * @param profile               how wind speed is carried to hub height
 * @param roughnessLengthM      surface roughness length z0, m (logarithmic and roughness-Hellman profiles)
 * @param obstacleHeightM       height of obstacles around the turbines, m (logarithmic profile; d = 0.7 × height)
 * @param density               how air density at hub height is found
 * @param temperatureHeightM    height of the weather's air temperature, m (for the −6.5 K/km gradient)
 * @param densityCorrection     how the standard-density power curve is adapted to the site's density
 * @param powerCoefficientCurve Cp against wind speed (m/s, –), or empty to use the power curve
 * @param rotorDiameterM        rotor diameter, m (needed with a power-coefficient curve)
 * @param restartBelowMPerS     after a storm cut-out the turbine restarts only below this speed (hysteresis);
 *                              NaN for an immediate restart
 * @param wakeLossFraction      farm losses from wakes (1 − farm efficiency), [0, 1)
 */
public record WindChain(Profile profile, double roughnessLengthM, double obstacleHeightM, Density density,
        double temperatureHeightM, DensityCorrection densityCorrection, List<WindFarm.CurvePoint> powerCoefficientCurve,
        double rotorDiameterM, double restartBelowMPerS, double wakeLossFraction) {

    public static final WindChain SIMPLE = new WindChain(Profile.POWER_LAW, 0.15, 0, Density.STANDARD, 2,
            DensityCorrection.NONE, List.of(), 0, Double.NaN, 0);

    public WindChain {
        powerCoefficientCurve = List.copyOf(powerCoefficientCurve);
    }

    public enum Profile implements KeyedEnum {
        /** Hellman power law with the farm's {@code shear_exponent}. */
        POWER_LAW("power_law"),
        /** Hellman power law with α = 1 / ln(h_hub / z0) (windpowerlib's default for given roughness). */
        HELLMAN_ROUGHNESS("hellman_roughness"),
        /** Logarithmic profile with roughness length and displacement height 0.7 × obstacle height. */
        LOGARITHMIC("logarithmic");

        private final String key;

        Profile(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public enum Density implements KeyedEnum {
        /** 1.225 kg/m³ always: the curve is used as published. */
        STANDARD("standard"),
        /** Barometric height formula on the weather's pressure and the hub temperature. */
        BAROMETRIC("barometric"),
        /** Ideal gas law on the pressure carried to hub height and the hub temperature. */
        IDEAL_GAS("ideal_gas");

        private final String key;

        Density(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public enum DensityCorrection implements KeyedEnum {
        NONE("none"),
        /** Power scaled by ρ / ρ0 (IEC 61400-12-1 for stall-regulated turbines). */
        POWER_SCALING("power_scaling"),
        /** Curve speeds shifted by (ρ0/ρ)^p, p from 1/3 to 2/3 between 7.5 and 12.5 m/s (Svenningsen 2010). */
        WIND_SPEED_SHIFT("wind_speed_shift");

        private final String key;

        DensityCorrection(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }
}
