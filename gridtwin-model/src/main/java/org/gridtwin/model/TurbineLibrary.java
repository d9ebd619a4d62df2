package org.gridtwin.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Power curves shipped in the jar: the NREL turbine-models reference curves (BSD-3; notice in
 * {@code org/gridtwin/turbines/LICENSE-NREL-turbine-models.txt}). Curves are at standard air density.
 */
public final class TurbineLibrary {
    private static final String ROOT = "/org/gridtwin/turbines/";
    private static final Map<String, Entry> ENTRIES = load();

    private TurbineLibrary() {
    }

    /**
     * A library turbine.
     *
     * @param name            name used in scenarios
     * @param ratedKw         rated power of the published curve
     * @param rotorDiameterM  rotor diameter
     * @param hubHeightM      reference hub height, NaN when not published
     * @param description     one line with the source
     * @param curve           the curve, speeds increasing
     */
    public record Entry(String name, double ratedKw, double rotorDiameterM, double hubHeightM, String description,
            List<WindFarm.CurvePoint> curve) {
    }

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    public static Optional<Entry> get(String name) {
        return Optional.ofNullable(ENTRIES.get(name));
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String[]> index = rows("index.csv");
        for (String[] r : index) {
            List<WindFarm.CurvePoint> curve = new ArrayList<>();
            for (String[] p : rows(r[1])) {
                curve.add(new WindFarm.CurvePoint(Double.parseDouble(p[0]), Double.parseDouble(p[1])));
            }
            out.put(r[0], new Entry(r[0], Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                    r[4].isBlank() ? Double.NaN : Double.parseDouble(r[4]), r[5], List.copyOf(curve)));
        }
        return out;
    }

    /** The data rows (header skipped) of a shipped CSV; a missing resource is a packaging bug. */
    private static List<String[]> rows(String file) {
        try (InputStream in = TurbineLibrary.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("turbine library file " + file + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.split(",", 6));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
