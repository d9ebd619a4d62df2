package org.gridtwin.dispatch;

import java.util.List;
import org.gridtwin.dispatch.optimal.ModelPredictive;
import org.gridtwin.dispatch.optimal.OptimalForesight;
import org.gridtwin.dispatch.rules.CycleCharging;
import org.gridtwin.dispatch.rules.PeakShaving;
import org.gridtwin.dispatch.rules.SelfConsumption;
import org.gridtwin.dispatch.rules.TouArbitrage;
import org.gridtwin.model.DispatchSettings;

/** Creates strategies by name; every harness goes through here, so a name means the same code everywhere. */
public final class Strategies {
    private Strategies() {
    }

    public static List<String> names() {
        return List.of(SelfConsumption.NAME, PeakShaving.NAME, TouArbitrage.NAME, CycleCharging.NAME,
                OptimalForesight.NAME, ModelPredictive.NAME);
    }

    /** Whether a strategy needs a {@link StrategyContext} (the optimising ones). */
    public static boolean needsContext(String name) {
        return name.equals(OptimalForesight.NAME) || name.equals(ModelPredictive.NAME);
    }

    /**
     * A new strategy instance for one site.
     *
     * @param name     strategy name (one of {@link #names()})
     * @param settings the site's dispatch parameters
     * @throws IllegalArgumentException for an unknown name (callers validate user input first)
     */
    public static DispatchStrategy create(String name, DispatchSettings settings) {
        return create(name, settings, null);
    }

    /**
     * A new strategy instance for one site; the optimising strategies need {@code context}.
     *
     * @throws IllegalArgumentException for an unknown name or a missing context
     */
    public static DispatchStrategy create(String name, DispatchSettings settings, StrategyContext context) {
        if (needsContext(name) && context == null) {
            throw new IllegalArgumentException(name + " needs the run's series (a StrategyContext)");
        }
        return switch (name) {
            case OptimalForesight.NAME -> new OptimalForesight(context);
            case ModelPredictive.NAME -> new ModelPredictive(context);
            case SelfConsumption.NAME -> new SelfConsumption();
            case PeakShaving.NAME -> new PeakShaving(settings.importCapKw());
            case TouArbitrage.NAME -> new TouArbitrage();
            case CycleCharging.NAME -> new CycleCharging(settings.cycleChargingSetpointFraction());
            default -> throw new IllegalArgumentException("unknown strategy " + name + "; known: " + names());
        };
    }
}
