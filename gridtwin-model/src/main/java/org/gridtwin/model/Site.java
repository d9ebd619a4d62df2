package org.gridtwin.model;

import java.time.ZoneId;
import java.util.List;

/**
 * One site behind one grid connection point: its resources, storage, grid connection and loads.
 *
 * @param id          unique id, used as the column prefix in outputs ({@code chuanshan-port/wind_kw})
 * @param name        display name
 * @param timeZone    the site's time zone, used for tariffs, shifts and load profiles
 * @param latitudeDeg degrees north
 * @param longitudeDeg degrees east
 * @param weather     where wind, irradiance and temperature come from
 * @param wind        wind farms (each a number of identical turbines); may be empty
 * @param pv          PV arrays; may be empty
 * @param battery     the battery, or {@code null} when the site has none
 * @param grid        the grid connection
 * @param loads       the demands on the site bus
 * @param dispatch    which strategy runs the site and its parameters
 * @param resilience  island behaviour, load tiers and the faults a run injects
 */
public record Site(String id, String name, ZoneId timeZone, double latitudeDeg, double longitudeDeg,
        WeatherSpec weather, List<WindFarm> wind, List<PvArray> pv, Battery battery, GridConnection grid,
        List<LoadSpec> loads, DispatchSettings dispatch, Resilience resilience) {

    public Site {
        wind = List.copyOf(wind);
        pv = List.copyOf(pv);
        loads = List.copyOf(loads);
        if (resilience == null) {
            resilience = Resilience.defaults(battery);
        }
    }

    /** A site with the default resilience settings: not grid-forming, default tiers, no faults. */
    public Site(String id, String name, ZoneId timeZone, double latitudeDeg, double longitudeDeg,
            WeatherSpec weather, List<WindFarm> wind, List<PvArray> pv, Battery battery, GridConnection grid,
            List<LoadSpec> loads, DispatchSettings dispatch) {
        this(id, name, timeZone, latitudeDeg, longitudeDeg, weather, wind, pv, battery, grid, loads, dispatch, null);
    }

    /** This site with other resilience settings. */
    public Site withResilience(Resilience r) {
        return new Site(id, name, timeZone, latitudeDeg, longitudeDeg, weather, wind, pv, battery, grid, loads,
                dispatch, r);
    }

    public boolean hasBattery() {
        return battery != null;
    }

    public double windRatedKw() {
        return wind.stream().mapToDouble(WindFarm::ratedKwTotal).sum();
    }

    /** The PV plants' AC rating, kW: the sum of the arrays' inverters. */
    public double pvRatedKwAc() {
        return pv.stream().mapToDouble(PvArray::inverterKwAc).sum();
    }
}
