package org.gridtwin.model;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** A demand on the site bus. Every load has an id unique within its site; its power is positive when drawn. */
public sealed interface LoadSpec {

    String id();

    /**
     * The parts a composite load is made of, each of which may have its own {@link LoadTier} (e.g. a terminal's
     * reefers are critical, its offices priority). Empty for loads that are one piece.
     */
    static java.util.List<String> parts(LoadSpec load) {
        if (load instanceof PortBase) {
            return PortBase.PARTS;
        } else if (load instanceof FactoryLine) {
            return FactoryLine.PARTS;
        }
        return java.util.List.of();
    }

    /** A measured or exported profile: one typical year of kW values, repeated every year. */
    record CsvProfile(String id, ProfileSeries kw) implements LoadSpec {
    }

    /**
     * A parametric profile: annual energy shaped by relative weights per hour of day, day of week and month.
     *
     * @param annualKwh energy per (non-leap) year, kWh
     * @param hourly    24 relative weights, local hour 0 first
     * @param weekday   7 relative weights, Monday first
     * @param monthly   12 relative weights, January first
     */
    record Parametric(String id, double annualKwh, List<Double> hourly, List<Double> weekday, List<Double> monthly)
            implements LoadSpec {
        public Parametric {
            hourly = List.copyOf(hourly);
            weekday = List.copyOf(weekday);
            monthly = List.copyOf(monthly);
        }
    }

    /**
     * A fleet of electric cranes working in move cycles: optional gantry travel, hoisting at peak power, trolley
     * travel, lowering with regeneration. Arrivals are random (Poisson) with a rate that depends on the hour of day.
     *
     * @param kind             yard gantry cranes (RTG/RMG, counted by {@code crane_months}) or quay cranes (STS)
     * @param count            number of cranes
     * @param movesPerHour     24 values: mean moves per crane in each local hour
     * @param kwhPerMove       net energy per move after regeneration, kWh
     * @param peakKwPerCrane   hoisting power, kW
     * @param regeneratedShare share of the hoisting energy returned while lowering, [0, 1)
     * @param idleKwPerCrane   auxiliary load of a crane (lights, cabin, drives on standby), kW
     * @param travel           trolley and gantry travel of a move
     */
    record CraneFleet(String id, Kind kind, int count, List<Double> movesPerHour, double kwhPerMove,
            double peakKwPerCrane, double regeneratedShare, double idleKwPerCrane, Travel travel) implements LoadSpec {
        public CraneFleet {
            movesPerHour = List.copyOf(movesPerHour);
        }

        /** A yard fleet with the default travel. */
        public CraneFleet(String id, int count, List<Double> movesPerHour, double kwhPerMove, double peakKwPerCrane,
                double regeneratedShare, double idleKwPerCrane) {
            this(id, Kind.YARD, count, movesPerHour, kwhPerMove, peakKwPerCrane, regeneratedShare, idleKwPerCrane,
                    Travel.YARD_DEFAULT);
        }

        /** Energy of the travel phases of an average move, kWh. */
        public double travelKwhPerMove() {
            return travel.trolleyKw() * travel.trolleySeconds() / 3600
                    + travel.gantryShare() * travel.gantryKw() * travel.gantrySeconds() / 3600;
        }
    }

    /** Yard gantry cranes or quay (ship-to-shore) cranes. */
    enum Kind { YARD, QUAY }

    /**
     * The travel phases of a move.
     *
     * @param trolleyKw      trolley drive power while the load crosses, kW
     * @param trolleySeconds trolley travel time per move, s
     * @param gantryKw       gantry drive power when the crane moves along the stack, kW
     * @param gantrySeconds  gantry travel time when it happens, s
     * @param gantryShare    share of moves that need gantry travel, [0, 1]
     */
    record Travel(double trolleyKw, double trolleySeconds, double gantryKw, double gantrySeconds,
            double gantryShare) {
        /** e-RTG assumptions (docs/data-sources.md): 40 kW × 25 s trolley; 150 kW × 60 s gantry on 10 % of moves. */
        public static final Travel YARD_DEFAULT = new Travel(40, 25, 150, 60, 0.1);
        /** STS assumptions: 150 kW × 20 s trolley; 300 kW × 60 s gantry on 2 % of moves. */
        public static final Travel QUAY_DEFAULT = new Travel(150, 20, 300, 60, 0.02);
    }

    /**
     * Shore power for ships at berth: calls arrive at random (Poisson), wait for a free berth, stay a random time
     * and draw a random constant power while connected.
     *
     * @param berths       berths with a shore connection
     * @param callsPerWeek mean ship calls a week over all berths
     * @param meanStayHours mean connected time per call, h (uniform between half and one and a half times)
     * @param meanKw       mean power of a connected ship, kW (uniform within ± {@code kwSpread})
     * @param kwSpread     half-width of the power distribution, kW
     */
    record ShorePower(String id, int berths, double callsPerWeek, double meanStayHours, double meanKw,
            double kwSpread) implements LoadSpec {
    }

    /**
     * The terminal's base load.
     *
     * @param reeferPlugs       number of reefer container plugs
     * @param reeferKwPerPlug   mean power of an occupied plug, kW
     * @param reeferOccupancy   share of plugs in use
     * @param lightingKw        yard lighting, on from {@code lightingOnHour} to {@code lightingOffHour} local
     * @param officeKw          offices and workshops on working days 8:00–18:00, kW (half at other times)
     */
    record PortBase(String id, int reeferPlugs, double reeferKwPerPlug, double reeferOccupancy, double lightingKw,
            int lightingOnHour, int lightingOffHour, double officeKw) implements LoadSpec {
        public static final List<String> PARTS = List.of("reefers", "lighting", "offices");
    }

    /**
     * A group of households with a typical residential profile.
     *
     * @param count                  number of households
     * @param annualKwhPerHousehold  consumption per household and year, kWh
     * @param hourly                 24 relative weights of the daily profile, local hour 0 first
     * @param tariffYuanPerKwh       the households' retail price (what self-consumed PV saves)
     * @param pvSubsidyYuanPerKwh    subsidy per kWh generated by the site's PV (part of the households' income)
     */
    record Households(String id, int count, double annualKwhPerHousehold, List<Double> hourly,
            double tariffYuanPerKwh, double pvSubsidyYuanPerKwh) implements LoadSpec {
        public Households {
            hourly = List.copyOf(hourly);
        }
    }

    /**
     * A production line that finishes one unit every {@code taktSeconds} while a shift runs on a working day.
     *
     * @param taktSeconds  seconds per car
     * @param kwhPerCar    line energy per car, kWh
     * @param shifts       shifts in local time
     * @param workingDays  days the line runs
     * @param baseKw       plant load outside production (HVAC, compressed air, lighting), kW
     */
    record FactoryLine(String id, double taktSeconds, double kwhPerCar, List<Shift> shifts,
            Set<DayOfWeek> workingDays, double baseKw) implements LoadSpec {
        public static final List<String> PARTS = List.of("line", "base");

        public FactoryLine {
            shifts = List.copyOf(shifts);
            workingDays = Set.copyOf(workingDays);
        }
    }

    /** A shift [fromMinute, toMinute) in minutes after local midnight; may run past midnight (to &lt; from). */
    record Shift(int fromMinute, int toMinute) {
        public int lengthMinutes() {
            return toMinute > fromMinute ? toMinute - fromMinute : 1440 - fromMinute + toMinute;
        }
    }
}
