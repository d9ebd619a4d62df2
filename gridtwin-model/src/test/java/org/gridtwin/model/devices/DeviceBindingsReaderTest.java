package org.gridtwin.model.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.yaml.DeviceBindingsReader;
import org.junit.jupiter.api.Test;

class DeviceBindingsReaderTest {
    static final Scenario NINGBO = BuiltinScenarios.load("ningbo").orElseThrow();

    static final String PORT = """
            revert_s: 15
            sites:
              chuanshan-port:
                devices:
                  - {id: pv, role: pv, protocol: sunspec, host: 10.0.0.2, port: 502, unit: 1}
                  - {id: wind, role: wind, protocol: sunspec, host: 10.0.0.3, unit: 2, timeout_ms: 500}
                  - {id: bess, role: battery, protocol: sunspec, host: 10.0.0.4, stale_after_s: 10}
                  - id: meter
                    role: grid_meter
                    protocol: modbus
                    host: 10.0.0.5
                    registers:
                      power_kw: {address: 100, type: int32, word_order: little, scale: 0.001, table: input}
                      to_bus_kwh: {address: 102, type: uint32, scale: 0.01}
            """;

    @Test
    void aSiteIsBoundDeviceByDevice() {
        DeviceBindings b = DeviceBindingsReader.read(PORT, "port.yaml", NINGBO);
        assertThat(b.revertSeconds()).isEqualTo(15);
        assertThat(b.of("liao-village")).as("unbound sites run on twins").isEmpty();
        List<DeviceBinding> d = b.of("chuanshan-port");
        assertThat(d).extracting(DeviceBinding::id).containsExactly("pv", "wind", "bess", "meter");
        assertThat(d.get(1).endpoint()).isEqualTo(new DeviceBinding.Endpoint("10.0.0.3", 502, 2,
                Duration.ofMillis(500)));
        assertThat(d.get(2).staleAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.get(2).endpoint().timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(d.get(3).registers().get("power_kw")).isEqualTo(new DeviceBinding.RegisterPoint(100, "int32",
                true, 0.001, true));
        assertThat(d.get(3).registers().get("to_bus_kwh").lowWordFirst()).isFalse();
    }

    @Test
    void theGridMetersVoltageCanSayTheGridIsLost() {
        String yaml = PORT.replace("    host: 10.0.0.5\n", "    host: 10.0.0.5\n        grid_lost_below_v: 115\n");
        assertThat(yaml).contains("grid_lost_below_v");
        assertThat(DeviceBindingsReader.read(yaml, "port.yaml", NINGBO).of("chuanshan-port").get(3).gridLostBelowV())
                .isEqualTo(115);
        assertThat(DeviceBindingsReader.read(PORT, "port.yaml", NINGBO).of("chuanshan-port").get(3).gridLostBelowV())
                .isNaN();
        List<Problem> p = problems(PORT.replace("stale_after_s: 10}", "stale_after_s: 10, grid_lost_below_v: 115}"));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.toString()).contains("grid_lost_below_v")
                .contains("is only for a grid_meter"));
    }

    static List<Problem> problems(String yaml) {
        return catchThrowableOfType(InvalidInputException.class,
                () -> DeviceBindingsReader.read(yaml, "bad.yaml", NINGBO)).problems();
    }

    @Test
    void everyProblemIsLocatedAndNamed() {
        List<Problem> p = problems("""
                sites:
                  chuanshan-prot:
                    devices: []
                  liao-village:
                    devices:
                      - {id: pv, role: solar, protocol: sunspec, host: h, port: 70000}
                      - {id: m, role: grid_meter, protocol: modbus, host: h, port: 503, registers: {power: {address: 1}}}
                """);
        assertThat(p).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .contains("bad.yaml:2:3").contains("is not a site of ningbo").contains("chuanshan-port"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(6);
            assertThat(x.path()).isEqualTo("sites.liao-village.devices[0].role");
            assertThat(x.rule()).contains("is not one of pv, wind, battery, grid_meter, load_meter");
        });
        assertThat(p).anySatisfy(x -> {
            assertThat(x.path()).isEqualTo("sites.liao-village.devices[0].port");
            assertThat(x.rule()).isEqualTo("must be in [1, 65535]");
        });
        assertThat(p).anySatisfy(x -> assertThat(x.rule()).startsWith("is not a quantity a register map may name"));
    }

    @Test
    void aBoundSiteNeedsEveryKindOfAssetAndAMeter() {
        List<Problem> p = problems("""
                sites:
                  chuanshan-port:
                    devices:
                      - {id: pv, role: pv, protocol: sunspec, host: h}
                      - {id: pv, role: pv, protocol: sunspec, host: h}
                """);
        assertThat(p).extracting(Problem::rule).anySatisfy(r -> assertThat(r)
                .contains("uses h:502/1 (host:port/unit, /topic, or /common address/object address of its power) "
                        + "like another device"));
        List<Problem> q = problems("""
                sites:
                  chuanshan-port:
                    devices:
                      - {id: pv, role: pv, protocol: sunspec, host: h}
                """);
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("sites.chuanshan-port.devices");
            assertThat(x.rule()).contains("a wind device (the site has wind farms)")
                    .contains("a battery device").contains("a grid_meter or a load_meter");
        });
    }

    @Test
    void anIec104DeviceNamesItsCommonAddressAndObjects() {
        DeviceBindings b = DeviceBindingsReader.read("""
                sites:
                  liao-village:
                    devices:
                      - id: pv
                        role: pv
                        protocol: iec104
                        host: 10.3.0.1
                        common_address: 7
                        points:
                          power_kw: {ioa: 1002}
                          limit_kw: {ioa: 3002, scale: 0.1}
                      - {id: pcc, role: grid_meter, protocol: iec104, host: 10.3.0.1, common_address: 7, points: {power_kw: {ioa: 1005}}}
                """, "rtu.yaml", NINGBO);
        DeviceBinding pv = b.of("liao-village").get(0);
        assertThat(pv.endpoint()).isEqualTo(new DeviceBinding.Endpoint("10.3.0.1", 2404, 7, Duration.ofMillis(300)));
        assertThat(pv.points()).containsEntry("limit_kw", new DeviceBinding.IoaPoint(3002, 0.1));
        // two devices of one RTU share its common address: their power objects tell them apart
        assertThat(b.of("liao-village")).hasSize(2);
        List<Problem> p = problems("""
                sites:
                  liao-village:
                    devices:
                      - {id: pv, role: pv, protocol: iec104, host: h, unit: 3, points: {power_kw: {ioa: 0}}}
                      - {id: m, role: grid_meter, protocol: iec104, host: h, points: {power_kw: {ioa: 9}, setpoint_kw: {ioa: 10}}}
                      - {id: n, role: load_meter, protocol: modbus, host: h, common_address: 2, registers: {power_kw: {address: 1}}}
                """);
        assertThat(p).extracting(Problem::rule).containsExactlyInAnyOrder(
                "is a Modbus unit id; an IEC 104 device has a common_address",
                "must be in [1, 16777215]",
                "is a battery setpoint: only a battery takes one, this is a grid_meter",
                "is only for protocol iec104");
    }

    @Test
    void onlyPvAndWindTakeAPowerLimitRegister() {
        List<Problem> p = problems("""
                sites:
                  liao-village:
                    devices:
                      - {id: pv, role: pv, protocol: modbus, host: h, registers: {power_kw: {address: 1}, limit_kw: {address: 9}}}
                      - {id: m, role: grid_meter, protocol: modbus, host: h, unit: 2, registers: {power_kw: {address: 1}, limit_kw: {address: 9}}}
                """);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.path()).isEqualTo("sites.liao-village.devices[1].registers.limit_kw");
            assertThat(x.rule()).isEqualTo("is a power limit: only pv and wind devices take one, this is a grid_meter");
        });
    }

    @Test
    void anMqttDeviceNamesItsTopicAndWhereEachNumberIs() {
        DeviceBindings b = DeviceBindingsReader.read("""
                sites:
                  liao-village:
                    devices:
                      - id: pv-gateway
                        role: pv
                        protocol: mqtt
                        host: 10.2.0.9
                        topic: village/pv/state
                        stale_after_s: 30
                        fields:
                          power_kw: {pointer: /ac/p_w, scale: 0.001}
                          to_bus_kwh: {pointer: /energy/total_kwh}
                      - {id: meter, role: grid_meter, protocol: sunspec, host: 10.2.0.10}
                """, "village.yaml", NINGBO);
        DeviceBinding pv = b.of("liao-village").get(0);
        assertThat(pv.endpoint().port()).isEqualTo(1883);
        assertThat(pv.mqtt().topic()).isEqualTo("village/pv/state");
        assertThat(pv.mqtt().fields()).containsEntry("power_kw", new DeviceBinding.JsonField("/ac/p_w", 0.001))
                .containsEntry("to_bus_kwh", new DeviceBinding.JsonField("/energy/total_kwh", 1));
        List<Problem> p = problems("""
                sites:
                  chuanshan-port:
                    devices:
                      - {id: b, role: battery, protocol: mqtt, host: h, topic: "a/#", fields: {power_kw: {pointer: p}}}
                """);
        assertThat(p).extracting(Problem::rule).anySatisfy(r -> assertThat(r).startsWith("must be one topic"))
                .anySatisfy(r -> assertThat(r).startsWith("cannot be battery for protocol mqtt"))
                .anySatisfy(r -> assertThat(r).startsWith("must be a JSON pointer"));
    }
}
