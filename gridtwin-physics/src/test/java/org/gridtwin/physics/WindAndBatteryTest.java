package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.battery.BatteryPhysics;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.physics.wind.WindModel;
import org.gridtwin.physics.wind.WindPhysics;
import org.junit.jupiter.api.Test;

class WindAndBatteryTest {
    private static final double[] SPEEDS = {3, 5, 10, 12};
    private static final double[] POWERS = {0, 500, 2000, 2000};

    @Test
    void powerLawShear() {
        // 5 (125/10)^0.14 = 5 e^(0.14 ln 12.5) = 7.1209 m/s
        assertThat(WindPhysics.hubSpeedPowerLawMs(5, 10, 125, 0.14)).isCloseTo(7.1209, within(1e-4));
        assertThat(WindPhysics.hubSpeedPowerLawMs(5, 10, 10, 0.14)).isEqualTo(5);
    }

    @Test
    void powerCurveInterpolatesAndRespectsCutInAndCutOut() {
        assertThat(WindPhysics.powerFromCurveKw(7.5, SPEEDS, POWERS, 3, 25)).isCloseTo(1250, within(1e-9));
        assertThat(WindPhysics.powerFromCurveKw(4, SPEEDS, POWERS, 3, 25)).isCloseTo(250, within(1e-9));
        assertThat(WindPhysics.powerFromCurveKw(2.9, SPEEDS, POWERS, 3, 25)).isZero();
        assertThat(WindPhysics.powerFromCurveKw(20, SPEEDS, POWERS, 3, 25)).isEqualTo(2000);
        assertThat(WindPhysics.powerFromCurveKw(25, SPEEDS, POWERS, 3, 25)).isZero();
        // cut-in above the curve's first point wins
        assertThat(WindPhysics.powerFromCurveKw(4, SPEEDS, POWERS, 4.5, 25)).isZero();
    }

    @Test
    void farmMultipliesByCountAndAvailability() {
        WindFarm farm = new WindFarm("wt", 3, 2000, 10, 0, 3, 25, 0.9,
                List.of(new WindFarm.CurvePoint(3, 0), new WindFarm.CurvePoint(5, 500),
                        new WindFarm.CurvePoint(10, 2000)));
        WeatherSeries w = new WeatherSeries(new double[2], new double[2], new double[] {7.5, 2}, 10);
        // hub = reference height, so 7.5 m/s → 1250 kW per turbine × 3 × 0.9 = 3375 kW
        assertThat(WindModel.powerKw(farm, w)).containsExactly(new double[] {3375, 0}, within(1e-9));
    }

    @Test
    void batteryLimitsFollowStoredEnergyAndEfficiency() {
        // 50 kWh stored, floor 10 kWh, η_d 0.9, 1 h: (50 − 10)·0.9 = 36 kW < 50 kW rating
        assertThat(BatteryPhysics.maxDischargeKw(50, 10, 50, 0.9, 1)).isCloseTo(36, within(1e-12));
        // 50 kWh stored, ceiling 90, η_c 0.9, 1 h: 40/0.9 = 44.44 kW < 50 kW rating
        assertThat(BatteryPhysics.maxChargeKw(50, 90, 50, 0.9, 1)).isCloseTo(44.4444, within(1e-4));
        // 15-minute step: the rating binds
        assertThat(BatteryPhysics.maxChargeKw(50, 90, 50, 0.9, 0.25)).isEqualTo(50);
        // charging 20 kW for 0.5 h stores 20·0.5·0.9 = 9 kWh; discharging 18 kW for 0.5 h removes 18·0.5/0.9 = 10
        assertThat(BatteryPhysics.nextStoredKwh(50, -20, 0.9, 0.9, 0.5)).isCloseTo(59, within(1e-12));
        assertThat(BatteryPhysics.nextStoredKwh(50, 18, 0.9, 0.9, 0.5)).isCloseTo(40, within(1e-12));
    }

    @Test
    void selfDischargeIsCompoundAndStopsAtTheFloor() {
        // 10 %/day over 12 h keeps (0.9)^0.5 = 0.948683 of the 90 kWh above the 10 kWh floor: 10 + 85.3815
        assertThat(BatteryPhysics.afterSelfDischargeKwh(100, 10, 0.1, 12)).isCloseTo(95.3815, within(1e-4));
        // half of the 0.01 kWh above the floor goes in a day at 50 %/day
        assertThat(BatteryPhysics.afterSelfDischargeKwh(10.01, 10, 0.5, 24)).isCloseTo(10.005, within(1e-12));
        assertThat(BatteryPhysics.afterSelfDischargeKwh(8, 10, 0.5, 24)).isEqualTo(8);
    }
}
