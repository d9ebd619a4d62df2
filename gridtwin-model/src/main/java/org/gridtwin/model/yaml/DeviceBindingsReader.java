package org.gridtwin.model.yaml;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridtwin.model.DidYouMeanHint;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.model.TextFile;
import org.gridtwin.model.devices.DeviceBinding;
import org.gridtwin.model.devices.DeviceBindings;

/**
 * Reads a devices file (docs/devices.md) against the scenario it binds: every problem at once, each with its
 * file, line, column, path and value. Besides the types and ranges it checks what makes a site operable: a bound
 * site has a device for each kind of asset the scenario gives it (wind, PV, battery) and a meter (grid or load),
 * one battery at most, and device ids and endpoints that do not repeat.
 */
public final class DeviceBindingsReader {
    private DeviceBindingsReader() {
    }

    public static DeviceBindings read(Path file, Scenario scenario) {
        String text = TextFile.readInput(file);
        return read(text, file.toString(), scenario);
    }

    public static DeviceBindings read(String text, String label, Scenario scenario) {
        Problems problems = new Problems(label);
        YamlNode root = YamlNode.parse(text, problems);
        if (!problems.isEmpty()) {
            problems.throwIfAny();
        }
        YamlMap top = root.asMap();
        int revert = (int) top.integer("revert_s", NumberRule.range(1, 3600), 10);
        Map<String, List<DeviceBinding>> sites = new LinkedHashMap<>();
        YamlNode sitesNode = top.get("sites");
        if (sitesNode.isMissing()) {
            sitesNode.report("is required: a map from site id to its devices");
        } else {
            YamlMap sitesMap = sitesNode.asMap();
            List<String> ids = scenario.sites().stream().map(Site::id).toList();
            Set<String> endpoints = new HashSet<>();
            for (String siteId : sitesMap.keys()) {
                YamlNode siteNode = sitesMap.get(siteId);
                java.util.Optional<Site> site = scenario.site(siteId);
                if (site.isEmpty()) {
                    problems.add(sitesMap.keyNode(siteId), siteId, "is not a site of " + scenario.name() + " (its sites: "
                            + String.join(", ", ids) + ")" + DidYouMeanHint.hint(siteId, ids));
                    continue;
                }
                YamlMap siteMap = siteNode.asMap();
                List<DeviceBinding> devices = new ArrayList<>();
                YamlNode list = siteMap.get("devices");
                Set<String> deviceIds = new HashSet<>();
                for (YamlNode d : list.asList()) {
                    DeviceBinding b = device(d, problems, endpoints);
                    if (b != null) {
                        if (!deviceIds.add(b.id())) {
                            d.report("repeats the device id '" + b.id() + "' of this site");
                        }
                        devices.add(b);
                    }
                }
                siteMap.close();
                if (problems.isEmpty()) {
                    complete(site.get(), devices, list, problems);
                }
                sites.put(siteId, List.copyOf(devices));
            }
        }
        top.close();
        problems.throwIfAny();
        return new DeviceBindings(label, sites, revert);
    }

    private static DeviceBinding device(YamlNode node, Problems problems, Set<String> endpoints) {
        int before = problems.list().size();
        YamlMap m = node.asMap();
        String id = m.id();
        String role = oneOf(m, "role", DeviceBinding.ROLES, null);
        String protocol = oneOf(m, "protocol", DeviceBinding.PROTOCOLS, null);
        String host = m.text("host");
        boolean iec104 = "iec104".equals(protocol);
        int port = (int) m.integer("port", NumberRule.range(1, 65_535), "mqtt".equals(protocol) ? 1883
                : iec104 ? 2404 : 502);
        int unit;
        if (iec104) {
            if (m.has("unit")) {
                m.get("unit").report("is a Modbus unit id; an IEC 104 device has a common_address");
            }
            unit = (int) m.integer("common_address", NumberRule.range(1, 65_534), 1);
        } else {
            if (m.has("common_address")) {
                m.get("common_address").report("is only for protocol iec104");
            }
            unit = (int) m.integer("unit", NumberRule.range(0, 255), 1);
        }
        long timeoutMs = m.integer("timeout_ms", NumberRule.range(10, 10_000), 300);
        long staleS = m.integer("stale_after_s", NumberRule.range(1, 3600), 5);
        double rated = m.number("rated_kw", NumberRule.positiveUpTo(1e7, "kW"), Double.NaN);
        boolean invert = m.flag("invert", false);
        Map<String, DeviceBinding.RegisterPoint> registers = new LinkedHashMap<>();
        if ("modbus".equals(protocol)) {
            YamlNode regs = m.get("registers");
            if (regs.isMissing()) {
                regs.report("is required for protocol modbus: the register map (power_kw at least)");
            } else {
                YamlMap rm = regs.asMap();
                for (String q : rm.keys()) {
                    YamlNode qn = rm.get(q);
                    if (!DeviceBinding.QUANTITIES.contains(q)) {
                        problems.add(qn, q, "is not a quantity a register map may name ("
                                + String.join(", ", DeviceBinding.QUANTITIES) + ")"
                                + DidYouMeanHint.hint(q, DeviceBinding.QUANTITIES));
                        continue;
                    }
                    registers.put(q, point(qn));
                }
                rm.close();
                if (!registers.containsKey("power_kw") && problems.list().size() == before) {
                    regs.report("must map power_kw");
                }
                if ("battery".equals(role) && problems.list().size() == before
                        && (!registers.containsKey("soc_fraction") || !registers.containsKey("setpoint_kw"))) {
                    regs.report("of a battery must map soc_fraction and setpoint_kw");
                }
                if (registers.containsKey("limit_kw") && !"pv".equals(role) && !"wind".equals(role)) {
                    rm.get("limit_kw").report("is a power limit: only pv and wind devices take one, this is a "
                            + role);
                }
            }
        } else if (m.has("registers")) {
            m.get("registers").report("is only for protocol modbus; a SunSpec device describes itself");
        }
        Map<String, DeviceBinding.IoaPoint> points = new LinkedHashMap<>();
        if (iec104) {
            points = ioaPoints(m, role, problems, before);
        } else if (m.has("points")) {
            m.get("points").report("is only for protocol iec104");
        }
        DeviceBinding.MqttSubscription mqtt = null;
        if ("mqtt".equals(protocol)) {
            mqtt = subscription(m, role, problems, before);
        } else if (m.has("topic") || m.has("fields")) {
            m.get(m.has("topic") ? "topic" : "fields").report("is only for protocol mqtt");
        }
        double gridLost = Double.NaN;
        if (m.has("grid_lost_below_v")) {
            if (!"grid_meter".equals(role)) {
                m.get("grid_lost_below_v").report("is only for a grid_meter (its voltage tells whether the grid is "
                        + "there)");
            } else {
                gridLost = m.number("grid_lost_below_v", NumberRule.positiveUpTo(1_000_000, "V"));
            }
        }
        m.close();
        if (problems.list().size() != before) {
            return null;
        }
        // the devices of one RTU share its common address: there the power's object address tells them apart
        String endpoint = host + ":" + port + "/" + (mqtt != null ? mqtt.topic() : Integer.toString(unit))
                + (iec104 ? "/" + points.get("power_kw").ioa() : "");
        if (!endpoints.add(endpoint)) {
            node.report("uses " + endpoint + " (host:port/unit, /topic, or /common address/object address of its "
                    + "power) like another device; each device has its own");
        }
        return new DeviceBinding(id, role, protocol, new DeviceBinding.Endpoint(host, port, unit,
                Duration.ofMillis(timeoutMs)), Duration.ofSeconds(staleS), rated, invert, registers, mqtt, points,
                gridLost);
    }

    private static Map<String, DeviceBinding.IoaPoint> ioaPoints(YamlMap m, String role, Problems problems,
            int before) {
        Map<String, DeviceBinding.IoaPoint> points = new LinkedHashMap<>();
        YamlNode pn = m.get("points");
        if (pn.isMissing()) {
            pn.report("is required for protocol iec104: the information object of each quantity (power_kw at least)");
            return points;
        }
        YamlMap pm = pn.asMap();
        for (String q : pm.keys()) {
            YamlNode qn = pm.get(q);
            if (!DeviceBinding.QUANTITIES.contains(q)) {
                problems.add(qn, q, "is not a quantity an IEC 104 device may name (" + String.join(", ",
                        DeviceBinding.QUANTITIES) + ")" + DidYouMeanHint.hint(q, DeviceBinding.QUANTITIES));
                continue;
            }
            YamlMap p = qn.asMap();
            int ioa = (int) p.integer("ioa", NumberRule.range(1, 16_777_215));
            double scale = p.number("scale", new NumberRule("must be a finite number other than 0", v -> v != 0), 1);
            p.close();
            points.put(q, new DeviceBinding.IoaPoint(ioa, scale));
        }
        if (problems.list().size() == before) {
            if (!points.containsKey("power_kw")) {
                pn.report("must map power_kw");
            } else if ("battery".equals(role) && (!points.containsKey("soc_fraction")
                    || !points.containsKey("setpoint_kw"))) {
                pn.report("of a battery must map soc_fraction and setpoint_kw");
            } else if (points.containsKey("limit_kw") && !"pv".equals(role) && !"wind".equals(role)) {
                pm.get("limit_kw").report("is a power limit: only pv and wind devices take one, this is a " + role);
            } else if (points.containsKey("setpoint_kw") && !"battery".equals(role)) {
                pm.get("setpoint_kw").report("is a battery setpoint: only a battery takes one, this is a " + role);
            }
        }
        pm.close();
        return points;
    }

    private static DeviceBinding.MqttSubscription subscription(YamlMap m, String role, Problems problems,
            int before) {
        String topic = m.text("topic");
        if (topic != null && (topic.contains("+") || topic.contains("#"))) {
            m.get("topic").report("must be one topic, without the wildcards + and #");
        }
        if ("battery".equals(role)) {
            m.get("role").report("cannot be battery for protocol mqtt: MQTT devices are read-only (a battery needs "
                    + "setpoints; bind its PCS over Modbus)");
        }
        Map<String, DeviceBinding.JsonField> fields = new LinkedHashMap<>();
        YamlNode fn = m.get("fields");
        if (fn.isMissing()) {
            fn.report("is required for protocol mqtt: where each quantity is in the message (power_kw at least)");
            return null;
        }
        YamlMap fm = fn.asMap();
        List<String> readable = DeviceBinding.QUANTITIES.stream().filter(q -> !DeviceBinding.WRITTEN.contains(q))
                .toList();
        for (String q : fm.keys()) {
            YamlNode qn = fm.get(q);
            if (!readable.contains(q)) {
                problems.add(qn, q, "is not a quantity an MQTT device may report (" + String.join(", ", readable)
                        + ")" + DidYouMeanHint.hint(q, readable));
                continue;
            }
            YamlMap f = qn.asMap();
            String pointer = f.text("pointer");
            if (pointer != null && !pointer.startsWith("/")) {
                f.get("pointer").report("must be a JSON pointer such as /ac/p_kw (RFC 6901: it starts with /)");
            }
            double scale = f.number("scale", new NumberRule("must be a finite number other than 0", v -> v != 0),
                    1);
            f.close();
            fields.put(q, new DeviceBinding.JsonField(pointer, scale));
        }
        fm.close();
        if (!fields.containsKey("power_kw") && problems.list().size() == before) {
            fn.report("must map power_kw");
        }
        return new DeviceBinding.MqttSubscription(topic, fields);
    }

    private static DeviceBinding.RegisterPoint point(YamlNode n) {
        YamlMap p = n.asMap();
        int address = (int) p.integer("address", NumberRule.range(0, 65_535));
        String type = oneOf(p, "type", DeviceBinding.RegisterPoint.TYPES, "uint16");
        String order = oneOf(p, "word_order", List.of("big", "little"), "big");
        double scale = p.number("scale", new NumberRule("must be a finite number other than 0", v -> v != 0), 1);
        String table = oneOf(p, "table", List.of("holding", "input"), "holding");
        p.close();
        return new DeviceBinding.RegisterPoint(address, type, "little".equals(order), scale, "input".equals(table));
    }

    private static String oneOf(YamlMap m, String key, List<String> allowed, String defaultValue) {
        if (defaultValue != null && !m.has(key)) {
            return defaultValue;
        }
        YamlNode n = m.get(key);
        String v = n.asText();
        if (v != null && !allowed.contains(v)) {
            n.report("is not one of " + String.join(", ", allowed) + DidYouMeanHint.hint(v, allowed));
            return null;
        }
        return v;
    }

    /** A bound site needs a device for each kind of asset it has and a meter to count the rest. */
    private static void complete(Site site, List<DeviceBinding> devices, YamlNode at, Problems problems) {
        Map<String, Integer> count = new LinkedHashMap<>();
        devices.forEach(d -> count.merge(d.role(), 1, Integer::sum));
        List<String> missing = new ArrayList<>();
        if (!site.wind().isEmpty() && !count.containsKey("wind")) {
            missing.add("a wind device (the site has wind farms)");
        }
        if (!site.pv().isEmpty() && !count.containsKey("pv")) {
            missing.add("a pv device (the site has PV arrays)");
        }
        if (site.battery() != null && !count.containsKey("battery")) {
            missing.add("a battery device (the site has a battery; without it the battery runs uncontrolled)");
        }
        if (!count.containsKey("grid_meter") && !count.containsKey("load_meter")) {
            missing.add("a grid_meter or a load_meter (the load is measured by one of them)");
        }
        if (!missing.isEmpty()) {
            at.report("lacks " + String.join("; ", missing));
        }
        if (count.getOrDefault("battery", 0) > 1) {
            at.report("has " + count.get("battery") + " battery devices; a site's battery is one PCS (bind one)");
        }
        if (site.battery() == null && count.containsKey("battery")) {
            at.report("has a battery device, but the scenario gives site " + site.id() + " no battery");
        }
    }
}
