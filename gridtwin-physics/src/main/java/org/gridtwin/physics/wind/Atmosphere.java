package org.gridtwin.physics.wind;

/** Air temperature and density at hub height. Temperatures in K unless named °C, pressures in Pa. */
public final class Atmosphere {
    /** Standard air density, kg/m³ (ISO 2533 at sea level, 15 °C). */
    public static final double STANDARD_DENSITY_KG_M3 = 1.225;
    /** Specific gas constant of dry air, J/(kg K), as in windpowerlib. */
    public static final double GAS_CONSTANT_DRY_AIR = 287.058;

    private Atmosphere() {
    }

    /** Linear temperature gradient of the standard atmosphere, −6.5 K per km (ISO 2533). */
    public static double temperatureAtHeightK(double temperatureK, double measuredAtM, double heightM) {
        return temperatureK - 0.0065 * (heightM - measuredAtM);
    }

    /**
     * Barometric height formula as in windpowerlib {@code density.barometric}: pressure falls by 1/8 hPa per
     * metre, {@code ρ = (p/100 − (h − h_p)/8) · ρ0 · T0 / (p0 · T)} with ρ0 1.225 kg/m³, T0 288.15 K and
     * p0 1013.3 hPa (windpowerlib's rounding of the standard 1013.25).
     */
    public static double barometricDensityKgM3(double pressurePa, double pressureHeightM, double hubHeightM,
            double hubTemperatureK) {
        double hubPressureHpa = pressurePa / 100 - (hubHeightM - pressureHeightM) / 8;
        return hubPressureHpa * STANDARD_DENSITY_KG_M3 * 288.15 / (1013.3 * hubTemperatureK);
    }

    /** Ideal gas law, {@code ρ = p_hub / (R T)}, with the pressure carried to hub height by 1/8 hPa per metre. */
    public static double idealGasDensityKgM3(double pressurePa, double pressureHeightM, double hubHeightM,
            double hubTemperatureK) {
        double hubPressurePa = pressurePa - (hubHeightM - pressureHeightM) / 8 * 100;
        return hubPressurePa / (GAS_CONSTANT_DRY_AIR * hubTemperatureK);
    }
}
