package org.gridtwin.server;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Durations;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.yaml.ScenarioReader;
import org.gridtwin.sim.SimulationRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a {@code POST /api/runs} body into a queued run. */
final class RunRequests {
    static final Set<String> KEYS = Set.of("kind", "scenario", "yaml", "start", "end", "step", "strategy",
            "strategies");
    private static final String SOURCE = "request body";

    private RunRequests() {
    }

    static RunService.Run submit(RunService runs, String body) {
        JsonNode root;
        try {
            root = Snapshot.JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("the body must be a JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object such as {\"scenario\": \"ningbo\"}");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw ApiProblem.badRequest("unknown member '" + key + "'; known: " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        RunService.Kind kind = switch (text(root, "kind", "simulate")) {
            case "simulate" -> RunService.Kind.SIMULATE;
            case "compare" -> RunService.Kind.COMPARE;
            default -> throw InvalidInputException.of(SOURCE, "kind", root.get("kind").asString(),
                    "must be simulate or compare");
        };
        String yaml = text(root, "yaml", null);
        String name = text(root, "scenario", null);
        if (yaml != null && name != null) {
            throw InvalidInputException.of(SOURCE, "scenario", name, "cannot be given together with yaml: "
                    + "choose a built-in scenario or upload one");
        }
        Scenario sc;
        String label;
        if (yaml != null) {
            sc = ScenarioReader.read(yaml, "uploaded scenario", null);
            label = sc.name();
        } else {
            label = name == null ? BuiltinScenarios.DEFAULT : name;
            sc = BuiltinScenarios.load(label).orElseThrow(() -> InvalidInputException.of(SOURCE, "scenario", label,
                    "is not a built-in scenario (built-ins: " + String.join(", ", BuiltinScenarios.names()) + ")"));
        }
        SimulationRequest request = SimulationRequest.defaults(sc);
        LocalDate start = date(root, "start", request.start());
        LocalDate end = date(root, "end", request.end());
        if (!end.isAfter(start)) {
            throw InvalidInputException.of(SOURCE, "end", end.toString(), "must be after start (" + start + ")");
        }
        request = request.withPeriod(start, end);
        String step = text(root, "step", null);
        if (step != null) {
            Duration d = Durations.parse(step);
            if (d == null || !org.gridtwin.model.SimulationSettings.isValidStep(d)) {
                throw InvalidInputException.of(SOURCE, "step", step, "must be from 1m to 1h and divide an hour, "
                        + "e.g. 1m, 15m, 1h");
            }
            request = request.withStep(d);
        }
        String strategy = text(root, "strategy", null);
        if (strategy != null) {
            known(strategy, "strategy");
            request = request.withStrategy(strategy);
        }
        List<String> strategies = new ArrayList<>();
        JsonNode list = root.get("strategies");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw InvalidInputException.of(SOURCE, "strategies", list.toString(), "must be a list of names");
            }
            list.forEach(n -> strategies.add(n.asString()));
            strategies.forEach(n -> known(n, "strategies"));
        }
        try {
            return runs.submit(kind, label, sc, request, strategies);
        } catch (IllegalStateException e) {
            throw new ApiProblem(429, e.getMessage());
        }
    }

    private static void known(String strategy, String key) {
        if (!org.gridtwin.dispatch.Strategies.names().contains(strategy)) {
            throw InvalidInputException.of(SOURCE, key, strategy, "is not a known strategy (known: "
                    + String.join(", ", org.gridtwin.dispatch.Strategies.names()) + ")");
        }
    }

    private static String text(JsonNode root, String key, String fallback) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isString()) {
            throw InvalidInputException.of(SOURCE, key, n.toString(), "must be a string");
        }
        return n.asString();
    }

    private static LocalDate date(JsonNode root, String key, LocalDate fallback) {
        String t = text(root, key, null);
        if (t == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            throw InvalidInputException.of(SOURCE, key, t, "must be a date like 2024-06-01");
        }
    }
}
