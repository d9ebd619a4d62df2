package org.gridtwin.physics.wind;

import org.gridtwin.model.WindChain;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.solar.AirMass;
import org.gridtwin.physics.weather.WeatherSeries;

/**
 * The wind chain of a farm, each step chosen by {@link WindChain}: reference-height speed → hub height
 * (power law, roughness-Hellman or logarithmic) → hub temperature and air density (standard, barometric or ideal
 * gas) → one turbine's power (power curve with or without density correction, or power-coefficient curve) →
 * cut-out with restart hysteresis → × count × availability × (1 − wake loss).
 */
public final class WindModel {
    private WindModel() {
    }

    /** Available power of the whole farm at every step, kW. */
    public static double[] powerKw(WindFarm farm, WeatherSeries weather) {
        WindChain c = farm.chain();
        int m = farm.powerCurve().size();
        double[] speeds = new double[m];
        double[] powers = new double[m];
        for (int j = 0; j < m; j++) {
            speeds[j] = farm.powerCurve().get(j).windSpeedMPerS();
            powers[j] = farm.powerCurve().get(j).powerKw();
        }
        double[] cpSpeeds = c.powerCoefficientCurve().stream().mapToDouble(WindFarm.CurvePoint::windSpeedMPerS)
                .toArray();
        double[] cp = c.powerCoefficientCurve().stream().mapToDouble(WindFarm.CurvePoint::powerKw).toArray();
        double[] exponents = new double[m];
        for (int j = 0; j < m; j++) {
            exponents[j] = WindPhysics.densityShiftExponent(speeds[j]);
        }
        double scale = farm.count() * farm.availabilityFraction() * (1 - c.wakeLossFraction());
        double ref = weather.windReferenceHeightM();
        double hub = farm.hubHeightM();
        // the profile factor is the same every step for the power law and roughness-Hellman
        double alpha = c.profile() == WindChain.Profile.HELLMAN_ROUGHNESS
                ? WindPhysics.hellmanExponentFromRoughness(hub, c.roughnessLengthM()) : farm.shearExponent();
        double profileFactor = c.profile() == WindChain.Profile.LOGARITHMIC
                ? WindPhysics.hubSpeedLogarithmicMs(1, ref, hub, c.roughnessLengthM(), c.obstacleHeightM())
                : WindPhysics.hubSpeedPowerLawMs(1, ref, hub, alpha);
        double[] v = weather.windSpeedMs();
        double[] out = new double[v.length];
        boolean stormStop = false;
        for (int i = 0; i < v.length; i++) {
            double speed = v[i] * profileFactor;
            // hysteresis: after a storm stop, stay stopped until the wind falls below the restart speed
            if (speed >= farm.cutOutMPerS()) {
                stormStop = !Double.isNaN(c.restartBelowMPerS());
                continue;
            }
            if (stormStop && speed >= c.restartBelowMPerS()) {
                continue;
            }
            stormStop = false;
            if (speed < farm.cutInMPerS()) {
                continue;
            }
            double rho = density(c, weather, i, hub);
            double p;
            if (cp.length > 0) {
                p = WindPhysics.powerFromCoefficientKw(speed, rho, c.rotorDiameterM(), cpSpeeds, cp);
            } else if (c.densityCorrection() == WindChain.DensityCorrection.WIND_SPEED_SHIFT) {
                p = WindPhysics.powerFromShiftedCurveKw(speed, speeds, exponents, powers,
                        Math.log(Atmosphere.STANDARD_DENSITY_KG_M3 / rho));
            } else {
                p = WindPhysics.powerFromCurveKw(speed, speeds, powers, farm.cutInMPerS(), farm.cutOutMPerS());
                if (c.densityCorrection() == WindChain.DensityCorrection.POWER_SCALING) {
                    p = Math.min(p * rho / Atmosphere.STANDARD_DENSITY_KG_M3, farm.ratedKw());
                }
            }
            out[i] = scale * p;
        }
        return out;
    }

    private static double density(WindChain c, WeatherSeries w, int i, double hubHeightM) {
        if (c.density() == WindChain.Density.STANDARD) {
            return Atmosphere.STANDARD_DENSITY_KG_M3;
        }
        double pressure = w.pressurePa() == null ? AirMass.STANDARD_PRESSURE_PA : w.pressurePa()[i];
        double tHub = Atmosphere.temperatureAtHeightK(w.airTemperatureC()[i] + 273.15, c.temperatureHeightM(),
                hubHeightM);
        // the pressure of weather data is taken at ground level (0 m)
        return c.density() == WindChain.Density.BAROMETRIC
                ? Atmosphere.barometricDensityKgM3(pressure, 0, hubHeightM, tHub)
                : Atmosphere.idealGasDensityKgM3(pressure, 0, hubHeightM, tHub);
    }
}
