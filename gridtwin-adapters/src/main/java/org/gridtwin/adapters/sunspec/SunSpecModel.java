package org.gridtwin.adapters.sunspec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A SunSpec model definition: its id, its length and the offset of every point, read from SunSpec's published
 * model JSON ({@code sunspec/models}, Apache-2.0). Groups that repeat are laid out once; the models GridTwin uses
 * (common 1, inverters 101–103 and 701, nameplate and settings 120/121, controls 123, storage 124 and 802, meters
 * 201–204, DER controls 704) have none that a device may repeat.
 */
public final class SunSpecModel {
    private final int id;
    private final String name;
    private final Map<String, SunSpecPoint> points;
    private final int registers;

    private SunSpecModel(int id, String name, Map<String, SunSpecPoint> points, int registers) {
        this.id = id;
        this.name = name;
        this.points = Collections.unmodifiableMap(points);
        this.registers = registers;
    }

    /** Reads one definition ({@code {"id": 124, "group": {...}}}). */
    public static SunSpecModel of(JsonNode json) {
        int id = json.get("id").asInt();
        JsonNode group = json.get("group");
        Map<String, SunSpecPoint> points = new LinkedHashMap<>();
        int end = layout(group, "", 0, points);
        return new SunSpecModel(id, group.get("name").asString(), points, end);
    }

    private static int layout(JsonNode group, String prefix, int offset, Map<String, SunSpecPoint> into) {
        int at = offset;
        for (JsonNode p : group.path("points")) {
            PointType type = PointType.of(p.get("type").asString());
            int size = p.has("size") ? p.get("size").asInt() : type.registers();
            String sf = p.has("sf") && p.get("sf").isString() ? p.get("sf").asString() : null;
            String units = p.has("units") ? p.get("units").asString().strip() : null;
            boolean rw = p.has("access") && p.get("access").asString().contains("W");
            String name = prefix + p.get("name").asString();
            into.put(name, new SunSpecPoint(name, at, size, type, sf == null ? null : prefix + sf, units, rw));
            at += size;
        }
        for (JsonNode g : group.path("groups")) {
            // a nested group's scale factors may live at the top level: resolved by name when read
            at = layout(g, prefix + g.get("name").asString() + ".", at, into);
        }
        return at;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Registers of the whole model including its two header registers. */
    public int registers() {
        return registers;
    }

    /** The model's length as its {@code L} register says it: the registers after the header. */
    public int length() {
        return registers - 2;
    }

    public Map<String, SunSpecPoint> points() {
        return points;
    }

    /** A point by name; an unknown name is a programming error. */
    public SunSpecPoint point(String name) {
        SunSpecPoint p = points.get(name);
        if (p == null) {
            throw new IllegalArgumentException("model " + id + " (" + this.name + ") has no point " + name);
        }
        return p;
    }

    /** The scale factor point of {@code p}, searched at its own level and then at the top level. */
    SunSpecPoint scaleFactorOf(SunSpecPoint p) {
        if (p.scaleFactor() == null) {
            return null;
        }
        SunSpecPoint sf = points.get(p.scaleFactor());
        if (sf == null) {
            String plain = p.scaleFactor().substring(p.scaleFactor().lastIndexOf('.') + 1);
            sf = points.get(plain);
        }
        return sf;
    }

    /** The point that covers register {@code offset}, or null. */
    public SunSpecPoint pointAt(int offset) {
        for (SunSpecPoint p : points.values()) {
            if (offset >= p.offset() && offset < p.offset() + p.size()) {
                return p;
            }
        }
        return null;
    }
}
