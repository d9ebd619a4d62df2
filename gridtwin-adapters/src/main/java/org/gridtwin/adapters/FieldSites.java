package org.gridtwin.adapters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridtwin.adapters.iec104.Iec104Client;
import org.gridtwin.adapters.iec104.Iec104FieldDevice;
import org.gridtwin.adapters.modbus.ModbusConnection;
import org.gridtwin.adapters.modbus.RegisterMapDevice;
import org.gridtwin.adapters.mqtt.MqttFieldDevice;
import org.gridtwin.adapters.mqtt.MqttSubscriptions;
import org.gridtwin.adapters.sunspec.SunSpecFieldDevice;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.DeviceSource;
import org.gridtwin.ems.device.FieldDevice;
import org.gridtwin.ems.device.FieldSite;
import org.gridtwin.model.Site;
import org.gridtwin.model.devices.DeviceBinding;
import org.gridtwin.model.devices.DeviceBindings;

/**
 * Builds the field devices a devices file binds: one Modbus connection per host and port (the unit ids behind it
 * share it), one MQTT connection per broker, one IEC 104 connection per controlled station (interrogating every
 * common address bound at it), one device per binding, a {@link DeviceLink} for each with its timeout and stale limit, and the
 * site's {@link FieldSite}. Ratings the file leaves out come from the scenario.
 */
public final class FieldSites implements DeviceSource, AutoCloseable {
    private final DeviceBindings bindings;
    private final Clock clock;
    private final Map<String, ModbusConnection> connections = new LinkedHashMap<>();
    private final Map<String, MqttSubscriptions> brokers = new LinkedHashMap<>();
    private final Map<String, Iec104Client> stations = new LinkedHashMap<>();
    private final List<FieldSite> built = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FieldSites(DeviceBindings bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    /** The site's field devices, or empty when the file does not bind it (it runs on twins). */
    @Override
    public Optional<SiteDevices> forSite(Site site, Consumer<Event> events) {
        List<DeviceBinding> list = bindings.of(site.id());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<DeviceLink> links = new ArrayList<>();
        for (DeviceBinding b : list) {
            DeviceRole role = DeviceRole.of(b.role());
            String key = b.endpoint().host() + ":" + b.endpoint().port();
            double rated = Double.isNaN(b.ratedKw()) ? rating(site, role) : b.ratedKw();
            FieldDevice device;
            if (b.protocol().equals("iec104")) {
                Iec104Client client = stations.computeIfAbsent(key, k -> new Iec104Client(b.endpoint().host(),
                        b.endpoint().port(), commonAddresses(b), Iec104Client.Options.defaults(), clock));
                device = new Iec104FieldDevice(b.id(), role, client, b.endpoint().unit(), b.points(), rated);
            } else if (b.protocol().equals("mqtt")) {
                MqttSubscriptions broker = brokers.computeIfAbsent(key,
                        k -> new MqttSubscriptions(b.endpoint().host(), b.endpoint().port()));
                device = new MqttFieldDevice(b.id(), role, broker, b.mqtt(), clock);
            } else {
                ModbusConnection c = connections.computeIfAbsent(key,
                        k -> new ModbusConnection(b.endpoint().host(), b.endpoint().port(), timeout(b)));
                device = b.protocol().equals("sunspec")
                        ? new SunSpecFieldDevice(b.id(), role, c, b.endpoint().unit(), b.invert(), clock)
                        : new RegisterMapDevice(b.id(), role, c, b.endpoint().unit(), b.registers(), rated, clock);
            }
            links.add(new DeviceLink(site.id(), device, rated, new DeviceLink.Settings(b.endpoint().timeout(),
                    b.staleAfter(), Duration.ofSeconds(30)), events));
        }
        double gridLostBelowV = bindings.sites().get(site.id()).stream().filter(b -> "grid_meter".equals(b.role()))
                .mapToDouble(DeviceBinding::gridLostBelowV).filter(v -> !Double.isNaN(v)).findFirst()
                .orElse(Double.NaN);
        FieldSite field = new FieldSite(site, links, events, bindings.revertSeconds(), gridLostBelowV);
        built.add(field);
        return Optional.of(field);
    }

    /** The common addresses of every IEC 104 device at {@code first}'s host and port: each is interrogated. */
    private List<Integer> commonAddresses(DeviceBinding first) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (List<DeviceBinding> l : bindings.sites().values()) {
            for (DeviceBinding b : l) {
                if (b.protocol().equals("iec104") && b.endpoint().host().equals(first.endpoint().host())
                        && b.endpoint().port() == first.endpoint().port()) {
                    out.add(b.endpoint().unit());
                }
            }
        }
        return List.copyOf(out);
    }

    /** A connection's timeout: the longest of the devices behind it. */
    private Duration timeout(DeviceBinding first) {
        Duration t = first.endpoint().timeout();
        for (List<DeviceBinding> l : bindings.sites().values()) {
            for (DeviceBinding b : l) {
                if (b.endpoint().host().equals(first.endpoint().host())
                        && b.endpoint().port() == first.endpoint().port() && b.endpoint().timeout().compareTo(t) > 0) {
                    t = b.endpoint().timeout();
                }
            }
        }
        return t;
    }

    /** The scenario's rating of what a device of {@code role} measures, kW; 0 = no plausibility bound. */
    static double rating(Site site, DeviceRole role) {
        return switch (role) {
            case PV -> site.pv().stream().mapToDouble(p -> p.inverterKwAc()).sum();
            case WIND -> site.windRatedKw();
            case BATTERY -> site.battery() == null ? 0 : Math.max(site.battery().chargeKw(),
                    site.battery().dischargeKw());
            case GRID_METER, LOAD_METER -> 0;
        };
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (FieldSite f : List.copyOf(built)) {
            out.addAll(f.problems());
        }
        return out;
    }

    /** The field sites built so far (for health and metrics). */
    public List<FieldSite> sites() {
        return List.copyOf(built);
    }

    @Override
    public void close() {
        connections.values().forEach(ModbusConnection::close);
        brokers.values().forEach(MqttSubscriptions::close);
        stations.values().forEach(Iec104Client::close);
    }
}
