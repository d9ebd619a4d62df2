package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.physics.pv.CellTemperature;
import org.gridtwin.physics.pv.Iam;
import org.gridtwin.physics.pv.PvWatts;
import org.gridtwin.physics.solar.Decomposition;
import org.gridtwin.physics.solar.Transposition;
import org.gridtwin.physics.solar.Irradiance;
import org.junit.jupiter.api.Test;

/** Each expected value is the cited formula evaluated by hand (shown in the comment). */
class IrradianceAndPvTest {

    @Test
    void extraterrestrialIrradianceFollowsEarthSunDistance() {
        // 1367 (1 + 0.033 cos(2π·1/365)) = 1412.10; day 183: 1367 (1 + 0.033 cos(2π·183/365)) = 1321.89
        assertThat(Irradiance.extraterrestrialNormalWm2(1)).isCloseTo(1412.10, within(0.01));
        assertThat(Irradiance.extraterrestrialNormalWm2(183)).isCloseTo(1321.89, within(0.01));
    }

    @Test
    void haurwitzClearSky() {
        // zenith 0: 1098 exp(−0.057) = 1037.16; zenith 60: 1098 · 0.5 · exp(−0.114) = 489.85
        assertThat(Irradiance.clearSkyGhiHaurwitzWm2(0)).isCloseTo(1037.16, within(0.01));
        assertThat(Irradiance.clearSkyGhiHaurwitzWm2(60)).isCloseTo(489.85, within(0.01));
        assertThat(Irradiance.clearSkyGhiHaurwitzWm2(95)).isZero();
    }

    @Test
    void erbsDiffuseFractionOnItsThreeBranches() {
        // kt 0.1: 1 − 0.09·0.1 = 0.991; kt 0.5: 0.9511 − 0.0802 + 1.097 − 2.07975 + 0.771 = 0.65915; kt 0.9: 0.165
        assertThat(Decomposition.erbsDiffuseFraction(0.1)).isCloseTo(0.991, within(1e-12));
        assertThat(Decomposition.erbsDiffuseFraction(0.5)).isCloseTo(0.65915, within(1e-12));
        assertThat(Decomposition.erbsDiffuseFraction(0.9)).isEqualTo(0.165);
    }

    @Test
    void angleOfIncidenceOnHorizontalAndVerticalPlanes() {
        // a horizontal plane sees the sun at its zenith angle
        assertThat(Irradiance.cosAngleOfIncidence(40, 123, 0, 180)).isCloseTo(Math.cos(Math.toRadians(40)),
                within(1e-12));
        // a south-facing wall with the sun due south at zenith 60 sees it at 30° from the normal: cos = sin 60
        assertThat(Irradiance.cosAngleOfIncidence(60, 180, 90, 180)).isCloseTo(Math.sin(Math.toRadians(60)),
                within(1e-12));
        // sun behind the plane
        assertThat(Irradiance.cosAngleOfIncidence(60, 0, 90, 180)).isNegative();
    }

    @Test
    void isotropicPlaneOfArray() {
        // tilt 90: sky view (1 + 0)/2 and ground view (1 − 0)/2: 100/2 + 500·0.2/2 = 100
        assertThat(Transposition.isotropicSkyWm2(100, 90) + Transposition.groundReflectedWm2(500, 0.2, 90))
                .isCloseTo(100, within(1e-9));
        // horizontal: all sky, no ground
        assertThat(Transposition.isotropicSkyWm2(200, 0)).isCloseTo(200, within(1e-9));
        assertThat(Transposition.groundReflectedWm2(500, 0.2, 0)).isCloseTo(0, within(1e-9));
    }

    @Test
    void ashraeIncidenceModifier() {
        // 1 − 0.05 (1/cos 60° − 1) = 0.95; normal incidence 1; grazing 0
        assertThat(Iam.ashrae(0.5, 0.05)).isCloseTo(0.95, within(1e-12));
        assertThat(Iam.ashrae(1, 0.05)).isEqualTo(1);
        assertThat(Iam.ashrae(0.01, 0.05)).isZero();
    }

    @Test
    void sapmCellTemperature() {
        // 1000 W/m², 25 °C, 1 m/s: 1000 e^(−3.56 − 0.075) + 25 + 1000/1000 · 3 = 26.384 + 28 = 54.384 °C
        assertThat(CellTemperature.sapmC(1000, 25, 1, -3.56, -0.075, 3)).isCloseTo(54.384, within(0.001));
        assertThat(CellTemperature.sapmC(0, 12, 3, -3.56, -0.075, 3)).isEqualTo(12);
    }

    @Test
    void pvWattsDcPower() {
        // 100 kW at 1000 W/m² and 30 °C with γ = −0.004 and 14 % losses: 100 · (1 − 0.02) · 0.86 = 84.28 kW
        assertThat(PvWatts.dcPowerKw(1000, 30, 100, -0.004, 0.14)).isCloseTo(84.28, within(1e-9));
        assertThat(PvWatts.dcPowerKw(0, 30, 100, -0.004, 0.14)).isZero();
    }

    @Test
    void pvWattsInverterEfficiencyAndClipping() {
        // at full DC (ζ = 1) the curve gives exactly η_nom: output = P_ac0
        double acRating = 96;
        assertThat(PvWatts.inverterAcKw(100, acRating)).isCloseTo(96, within(1e-9));
        // half load: η = 0.96/0.9637 (−0.0081 − 0.0118 + 0.9858) = 0.962192
        assertThat(PvWatts.inverterAcKw(50, acRating)).isCloseTo(50 * 0.962192, within(1e-4));
        // above rating: clipped
        assertThat(PvWatts.inverterAcKw(130, acRating)).isEqualTo(96);
        assertThat(PvWatts.inverterAcKw(0, acRating)).isZero();
    }
}
