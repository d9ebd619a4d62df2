package org.gridtwin.physics.pv;

import org.gridtwin.model.Mounting;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.PvModels;
import org.gridtwin.physics.solar.AirMass;
import org.gridtwin.physics.solar.Decomposition;
import org.gridtwin.physics.solar.Irradiance;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.solar.Transposition;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.WeatherSeries;

/**
 * The PV chain of one array, each step chosen by {@link PvModels}: GHI → (measured or decomposed) DNI and DHI →
 * orientation (fixed or single-axis tracking) → plane-of-array beam, sky diffuse and ground-reflected → incidence
 * modifier on the beam → cell temperature from the total plane-of-array irradiance → PVWatts DC power with
 * system losses → inverter (PVWatts or Sandia) with clipping.
 */
public final class PvChain {
    /** Below this cos z (zenith 86.3°) the beam split of Erbs is not meaningful; all light is taken as diffuse. */
    private static final double MIN_COS_ZENITH_FOR_BEAM = 0.0645;

    private PvChain() {
    }

    /** Available AC power of the array at every step, kW. */
    public static double[] acPowerKw(PvArray array, TimeGrid grid, SunSeries sun, WeatherSeries weather) {
        int n = grid.steps();
        double[] out = new double[n];
        PvModels m = array.models();
        double[][] tracked = array.mounting().type() == Mounting.Type.SINGLE_AXIS
                ? SingleAxisTracker.normals(array.mounting(), sun) : null;
        double[] normal = SunSeries.unitVector(array.tiltDeg(), array.azimuthDeg());
        double cosTilt = Math.cos(Math.toRadians(array.tiltDeg()));
        double sinTilt = Math.sin(Math.toRadians(array.tiltDeg()));
        double[] iamTable = m.iam() == PvModels.Iam.PHYSICAL
                ? Iam.physicalTable(2001, Iam.GLASS_N, Iam.GLASS_K_PER_M, Iam.GLASS_THICKNESS_M) : null;
        double[] extraterrestrial = new double[367];
        for (int d = 1; d <= 366; d++) {
            extraterrestrial[d] = Irradiance.extraterrestrialNormalWm2(d);
        }
        SandiaInverter sandia = sandia(m);
        Step step = new Step();
        for (int i = 0; i < n; i++) {
            double ghi = weather.ghiWm2()[i];
            double cosZ = sun.cosZenith(i);
            if (ghi <= 0 || cosZ <= 0) {
                continue;
            }
            if (tracked != null) {
                normal[0] = tracked[0][i];
                normal[1] = tracked[1][i];
                normal[2] = tracked[2][i];
                cosTilt = normal[2];
                sinTilt = Math.sqrt(Math.max(0, 1 - cosTilt * cosTilt));
            }
            double pressure = weather.pressurePa() == null ? AirMass.STANDARD_PRESSURE_PA : weather.pressurePa()[i];
            step.components(m, weather, i, ghi, cosZ, extraterrestrial[grid.minuteOfYear(i) / 1440 + 1], pressure);
            double cosAoi = sun.cosIncidence(i, normal);
            double poaBeam = step.dni * Math.max(0, cosAoi);
            double sky = switch (m.transposition()) {
                case ISOTROPIC -> Transposition.isotropicSkyFromCosWm2(step.dhi, cosTilt);
                case HAY_DAVIES -> Transposition.hayDaviesSkyFromCosWm2(step.dhi, step.dni, step.extraterrestrial,
                        cosAoi, cosZ, cosTilt);
                case PEREZ -> Transposition.perezSkyFromTrigWm2(step.dhi, step.dni, step.extraterrestrial, cosAoi,
                        step.zenithDeg(cosZ), cosTilt, sinTilt, AirMass.relativeKastenYoung(step.zenithDeg(cosZ)));
            };
            double ground = Transposition.groundReflectedFromCosWm2(ghi, array.albedo(), cosTilt);
            double poaTotal = poaBeam + sky + ground;
            double iam = iamTable != null ? Iam.fromTable(iamTable, cosAoi) : iam(m.iam(), cosAoi);
            double transmitted = poaBeam * iam + sky + ground;
            double tCell = cellTemperatureC(m.temperature(), poaTotal, weather.airTemperatureC()[i],
                    weather.windSpeedMs()[i]);
            double dc = PvWatts.dcPowerKw(transmitted, tCell, array.capacityKwDc(), array.temperatureCoefficientPerC(),
                    array.systemLossFraction());
            out[i] = inverterKw(array, sandia, dc);
        }
        return out;
    }

    /** Beam and diffuse of one step; reused so the loop allocates nothing. */
    private static final class Step {
        double dni;
        double dhi;
        double extraterrestrial;
        private double zenithDeg = Double.NaN;
        private double zenithOfCos = Double.NaN;

        /** The zenith angle, computed once per step and only by the models that need it. */
        double zenithDeg(double cosZ) {
            if (cosZ != zenithOfCos) {
                zenithOfCos = cosZ;
                zenithDeg = Math.toDegrees(Math.acos(cosZ));
            }
            return zenithDeg;
        }

        void components(PvModels m, WeatherSeries w, int i, double ghi, double cosZ, double e0, double pressurePa) {
            extraterrestrial = e0;
            if (w.hasComponents()) {
                dni = w.dniWm2()[i];
                dhi = w.dhiWm2()[i];
            } else if (m.decomposition() == PvModels.Decomposition.DISC) {
                dni = Decomposition.discDniWm2(ghi, zenithDeg(cosZ), e0, pressurePa);
                dhi = Math.max(0, ghi - dni * cosZ);
            } else if (cosZ < MIN_COS_ZENITH_FOR_BEAM) {
                dni = 0;
                dhi = ghi;
            } else {
                double kt = Decomposition.clearnessIndexFromCos(ghi, cosZ, e0);
                dhi = ghi * Decomposition.erbsDiffuseFraction(kt);
                dni = (ghi - dhi) / cosZ;
            }
        }
    }

    static double iam(PvModels.Iam model, double cosAoi) {
        return switch (model) {
            case NONE -> cosAoi > 0 ? 1 : 0;
            case ASHRAE -> Iam.ashrae(cosAoi, 0.05);
            case PHYSICAL -> Iam.physical(cosAoi, Iam.GLASS_N, Iam.GLASS_K_PER_M, Iam.GLASS_THICKNESS_M);
        };
    }

    static double cellTemperatureC(PvModels.TemperatureModel t, double poa, double airC, double windMs) {
        return switch (t) {
            case FAIMAN -> CellTemperature.faimanC(poa, airC, windMs, t.p1(), t.p2());
            case PVSYST_FREESTANDING, PVSYST_INSULATED -> CellTemperature.pvsystC(poa, airC, windMs, t.p1(), t.p2(),
                    0.9, 0.1);
            default -> CellTemperature.sapmC(poa, airC, windMs, t.p1(), t.p2(), t.p3());
        };
    }

    private static SandiaInverter sandia(PvModels m) {
        if (m.inverter() != PvModels.Inverter.SANDIA) {
            return null;
        }
        PvModels.SandiaParameters p = m.sandia();
        return new SandiaInverter(p.pacoW(), p.pdcoW(), p.vdcoV(), p.psoW(), p.c0(), p.c1(), p.c2(), p.c3(),
                p.pntW());
    }

    static double inverterKw(PvArray array, SandiaInverter sandia, double dcKw) {
        if (sandia != null) {
            int units = array.models().inverterUnits();
            // the night tare is a small load on the AC side; available PV power is never negative
            return Math.max(0, units * sandia.acPowerW(dcKw * 1000 / units, sandia.vdcoV()) / 1000);
        }
        return PvWatts.inverterAcKw(dcKw, array.inverterKwAc());
    }
}
