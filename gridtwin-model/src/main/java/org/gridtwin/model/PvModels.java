package org.gridtwin.model;

/**
 * Which model each step of the PV chain uses, and the parameters of those that need them. The default is the
 * PVWatts-style chain: Erbs, isotropic sky, ASHRAE modifier, SAPM open-rack temperature, PVWatts inverter.
 *
 * @param decomposition  GHI → DNI/DHI when the weather has no measured components
 * @param transposition  sky-diffuse model on the plane of array
 * @param iam            incidence-angle modifier of the beam
 * @param temperature    cell temperature model and its parameters
 * @param inverter       inverter model
 * @param sandia         parameters of one inverter unit for {@link Inverter#SANDIA}, else {@code null}
 * @param inverterUnits  number of identical Sandia units sharing the array (the PVWatts model uses
 *                       {@code inverter_kw_ac} instead)
 */
public record PvModels(Decomposition decomposition, Transposition transposition, Iam iam,
        TemperatureModel temperature, Inverter inverter, SandiaParameters sandia, int inverterUnits) {

    public static final PvModels PVWATTS = new PvModels(Decomposition.ERBS, Transposition.ISOTROPIC, Iam.ASHRAE,
            TemperatureModel.SAPM_OPEN_RACK_GLASS_POLYMER, Inverter.PVWATTS, null, 1);

    public enum Decomposition implements KeyedEnum {
        ERBS("erbs"), DISC("disc");

        private final String key;

        Decomposition(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public enum Transposition implements KeyedEnum {
        ISOTROPIC("isotropic"), HAY_DAVIES("hay_davies"), PEREZ("perez");

        private final String key;

        Transposition(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public enum Iam implements KeyedEnum {
        NONE("none"), ASHRAE("ashrae"), PHYSICAL("physical");

        private final String key;

        Iam(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Cell temperature models with their published parameter sets. */
    public enum TemperatureModel implements KeyedEnum {
        /** SAPM, King et al. (2004) table 1: a, b, ΔT. */
        SAPM_OPEN_RACK_GLASS_GLASS("sapm_open_rack_glass_glass", -3.47, -0.0594, 3),
        SAPM_CLOSE_MOUNT_GLASS_GLASS("sapm_close_mount_glass_glass", -2.98, -0.0471, 1),
        SAPM_OPEN_RACK_GLASS_POLYMER("sapm_open_rack_glass_polymer", -3.56, -0.075, 3),
        SAPM_INSULATED_BACK_GLASS_POLYMER("sapm_insulated_back_glass_polymer", -2.81, -0.0455, 0),
        /** Faiman (2008): U0 = 25 W/m²K, U1 = 6.84 W s/m³K (IEC 61853-2 defaults as in pvlib). */
        FAIMAN("faiman", 25, 6.84, 0),
        /** PVsyst free-standing: U_c = 29, U_v = 0; α = 0.9, η = 0.1. */
        PVSYST_FREESTANDING("pvsyst_freestanding", 29, 0, 0),
        /** PVsyst insulated (roof-integrated): U_c = 15, U_v = 0. */
        PVSYST_INSULATED("pvsyst_insulated", 15, 0, 0);

        private final String key;
        private final double p1;
        private final double p2;
        private final double p3;

        TemperatureModel(String key, double p1, double p2, double p3) {
            this.key = key;
            this.p1 = p1;
            this.p2 = p2;
            this.p3 = p3;
        }

        @Override
        public String key() {
            return key;
        }

        /** First parameter: SAPM a, Faiman U0, PVsyst U_c. */
        public double p1() {
            return p1;
        }

        /** Second parameter: SAPM b, Faiman U1, PVsyst U_v. */
        public double p2() {
            return p2;
        }

        /** Third parameter: SAPM ΔT; unused otherwise. */
        public double p3() {
            return p3;
        }
    }

    public enum Inverter implements KeyedEnum {
        PVWATTS("pvwatts"), SANDIA("sandia");

        private final String key;

        Inverter(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Sandia inverter parameters of one unit (SAND2007-5036), W and V. */
    public record SandiaParameters(double pacoW, double pdcoW, double vdcoV, double psoW, double c0, double c1,
            double c2, double c3, double pntW) {
    }
}
