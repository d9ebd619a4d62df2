package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gridtwin.model.WindChain;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.physics.wind.Atmosphere;
import org.gridtwin.physics.wind.WindModel;
import org.gridtwin.physics.wind.WindPhysics;
import org.junit.jupiter.api.Test;

/** The wind chain against windpowerlib's published test values (tests/test_wind_speed.py, test_density.py, ...). */
class WindChainTest {

    @Test
    void logarithmicProfileMatchesWindpowerlib() {
        // 5 m/s at 10 m, hub 100 m, z0 0.15 m → 7.74136523; with 12 m obstacles (d = 8.4 m) → 13.54925281
        assertThat(WindPhysics.hubSpeedLogarithmicMs(5, 10, 100, 0.15, 0)).isCloseTo(7.74136523, within(1e-8));
        assertThat(WindPhysics.hubSpeedLogarithmicMs(5, 10, 100, 0.15, 12)).isCloseTo(13.54925281, within(1e-8));
        assertThat(WindPhysics.hubSpeedLogarithmicMs(6.5, 10, 100, 0.15, 0)).isCloseTo(10.0637748, within(1e-7));
        // windpowerlib raises for 0.7 × obstacle height ≥ data height
        assertThatThrownBy(() -> WindPhysics.hubSpeedLogarithmicMs(5, 10, 100, 0.15, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hellmanMatchesWindpowerlib() {
        // roughness 0.15: α = 1/ln(100/0.15) → 7.12462437; α = 1/7 → 6.9474774; α = 0.2 → 7.92446596
        double alpha = WindPhysics.hellmanExponentFromRoughness(100, 0.15);
        assertThat(WindPhysics.hubSpeedPowerLawMs(5, 10, 100, alpha)).isCloseTo(7.12462437, within(1e-8));
        assertThat(WindPhysics.hubSpeedPowerLawMs(5, 10, 100, 1.0 / 7)).isCloseTo(6.9474774, within(1e-7));
        assertThat(WindPhysics.hubSpeedPowerLawMs(5, 10, 100, 0.2)).isCloseTo(7.92446596, within(1e-8));
    }

    @Test
    void densityMatchesWindpowerlib() {
        // 101,125 Pa at 0 m, hub 100 m, 267 K: barometric 1.30305336, ideal gas 1.30309439
        assertThat(Atmosphere.barometricDensityKgM3(101_125, 0, 100, 267)).isCloseTo(1.30305336, within(1e-8));
        assertThat(Atmosphere.idealGasDensityKgM3(101_125, 0, 100, 267)).isCloseTo(1.30309439, within(1e-8));
        assertThat(Atmosphere.barometricDensityKgM3(101_000, 0, 100, 268)).isCloseTo(1.29656645, within(1e-8));
        // −6.5 K/km: 2 m → 102 m cools by 0.65 K
        assertThat(Atmosphere.temperatureAtHeightK(288.15, 2, 102)).isCloseTo(287.5, within(1e-12));
    }

    @Test
    void densityCorrectedCurveMatchesWindpowerlib() {
        // curve [4, 5, 6] m/s → [300, 400, 500]; 5.5 m/s at 1.3 kg/m³ → 461.00290572 (450 uncorrected)
        double[] speeds = {4, 5, 6};
        double[] powers = {300, 400, 500};
        double[] exponents = {WindPhysics.densityShiftExponent(4), WindPhysics.densityShiftExponent(5),
            WindPhysics.densityShiftExponent(6)};
        assertThat(WindPhysics.powerFromShiftedCurveKw(5.5, speeds, exponents, powers, Math.log(1.225 / 1.3)))
                .isCloseTo(461.00290572, within(1e-7));
        assertThat(WindPhysics.powerFromCurveKw(5.5, speeds, powers, 0, 25)).isEqualTo(450);
        // exponent: 1/3 below 7.5, 2/3 above 12.5, 1/3 + 1/6 at 10
        assertThat(WindPhysics.densityShiftExponent(10)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void powerCoefficientCurveMatchesWindpowerlib() {
        // D 80 m, 5.5 m/s, 1.3 kg/m³, Cp [4,5,6] → [0.3, 0.4, 0.5]: 244,615.399 W
        assertThat(WindPhysics.powerFromCoefficientKw(5.5, 1.3, 80, new double[] {4, 5, 6},
                new double[] {0.3, 0.4, 0.5})).isCloseTo(244.615399, within(1e-6));
        assertThat(WindPhysics.powerFromCoefficientKw(2, 1.3, 80, new double[] {4, 5, 6},
                new double[] {0.3, 0.4, 0.5})).isZero();
    }

    static WindFarm farm(WindChain chain) {
        return new WindFarm("wt", 2, 2000, 10, 0, 3, 25, 1.0, List.of(new WindFarm.CurvePoint(3, 0),
                new WindFarm.CurvePoint(12, 2000)), chain);
    }

    @Test
    void cutOutHysteresisKeepsTheTurbineStoppedUntilTheWindDrops() {
        WindChain hysteresis = new WindChain(WindChain.Profile.POWER_LAW, 0.15, 0, WindChain.Density.STANDARD, 2,
                WindChain.DensityCorrection.NONE, List.of(), 0, 20, 0);
        double[] v = {15, 26, 22, 19, 22};
        WeatherSeries w = new WeatherSeries(new double[5], new double[5], v, 10);
        // 26 m/s stops it; 22 stays stopped (above the 20 m/s restart); 19 restarts; 22 runs again
        assertThat(WindModel.powerKw(farm(hysteresis), w)).containsExactly(4000, 0, 0, 4000, 4000);
        assertThat(WindModel.powerKw(farm(WindChain.SIMPLE), w)).containsExactly(4000, 0, 4000, 4000, 4000);
    }

    @Test
    void wakeLossAndPowerScalingApplyToTheFarm() {
        WindChain chain = new WindChain(WindChain.Profile.POWER_LAW, 0.15, 0, WindChain.Density.IDEAL_GAS, 10,
                WindChain.DensityCorrection.POWER_SCALING, List.of(), 0, Double.NaN, 0.1);
        // 7.5 m/s → 1000 kW a turbine; the pressure carried to the 10 m hub loses 125 Pa, so at −6 °C
        // ρ = 101,200 / (287.058 × 267.15) = 1.31966, ×1.0773; two turbines × 0.9 wake efficiency
        WeatherSeries w = new WeatherSeries(new double[1], null, null, new double[] {-6}, new double[] {7.5},
                new double[] {101_325}, 10);
        double rho = 101_200 / (287.058 * 267.15);
        assertThat(WindModel.powerKw(farm(chain), w)[0]).isCloseTo(2 * 0.9 * 1000 * rho / 1.225, within(1e-6));
    }
}
