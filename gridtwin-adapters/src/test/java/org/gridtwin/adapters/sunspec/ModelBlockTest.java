package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Point layout and scale factors, checked against the SunSpec model definitions by hand. */
class ModelBlockTest {
    @Test
    void pointsSitWhereTheDefinitionPutsThem() {
        SunSpecModel inv = SunSpecModels.get(103);
        // ID, L, A, AphA, AphB, AphC, A_SF, PPVphAB, PPVphBC, PPVphCA, PhVphA, PhVphB, PhVphC, V_SF, W: W is 15th
        assertThat(inv.point("W").offset()).isEqualTo(14);
        assertThat(inv.length()).isEqualTo(50);
        SunSpecModel storage = SunSpecModels.get(124);
        assertThat(storage.length()).isEqualTo(24);
        // ID, L, WChaMax, WChaGra, WDisChaGra, StorCtl_Mod: offset 5; OutWRte follows 6 more points
        assertThat(storage.point("StorCtl_Mod").offset()).isEqualTo(5);
        assertThat(storage.point("OutWRte").offset()).isEqualTo(12);
        assertThat(storage.point("InOutWRte_RvrtTms").offset()).isEqualTo(15);
        assertThat(storage.point("InWRte").writable()).isTrue();
        assertThat(storage.point("ChaState").writable()).isFalse();
        assertThat(SunSpecModels.get(1).length()).isEqualTo(66);
        assertThat(SunSpecModels.get(203).length()).isEqualTo(105);
    }

    @Test
    void valuesAreRawTimesTenToTheScaleFactor() {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(103));
        b.setRaw("W_SF", -1);
        b.setRaw("W", 12345);
        assertThat(b.value("W")).isCloseTo(1234.5, within(1e-9));
        b.setRaw("W", -2); // int16 two's complement: 0xFFFE
        assertThat(b.registers()[14]).isEqualTo(0xFFFE);
        assertThat(b.value("W")).isCloseTo(-0.2, within(1e-12));
        b.setRaw("W", 0x8000);
        assertThat(b.value("W")).as("int16 0x8000 is not implemented").isNaN();
        b.setRaw("W", 100);
        b.setRaw("W_SF", 0x8000);
        assertThat(b.value("W")).as("a scale factor that is not implemented").isNaN();
        b.setRaw("WH_SF", 0);
        b.setRaw("WH", 0xFFFF_FFF0L);
        assertThat(b.value("WH")).as("acc32 is unsigned").isEqualTo(4_294_967_280.0);
    }

    @Test
    void writingRoundsToTheResolutionAndRefusesWhatDoesNotFit() {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(103));
        // 12.5 MW at 1.2 x fits int16 at 10^3 (15,000), not at 10^2 (150,000)
        assertThat(ModelBlock.scaleFor(15_000_000)).isEqualTo(3);
        assertThat(ModelBlock.scaleFor(3_000)).isEqualTo(-1);
        b.setRaw("W_SF", 3);
        b.set("W", 6_250_400);
        assertThat(b.raw("W")).isEqualTo(6250);
        assertThatThrownBy(() -> b.set("W", 40_000_000)).hasMessageContaining("does not fit INT16");
        ModelBlock common = ModelBlock.empty(SunSpecModels.get(1));
        common.setText("Mn", "GridTwin");
        assertThat(common.text("Mn")).isEqualTo("GridTwin");
        assertThat(common.registers()[2]).isEqualTo('G' << 8 | 'r');
    }
}
