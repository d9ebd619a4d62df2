package org.gridtwin.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeopleTest {
    @Test
    void numbersCarryOnlyDigitsThatMeanSomething() {
        assertThat(People.number(40_000_000.0)).isEqualTo("40,000,000");
        assertThat(People.number(20.000000000000004)).isEqualTo("20");
        assertThat(People.number(5.0)).isEqualTo("5");
        assertThat(People.number(5.0249)).isEqualTo("5.02");
        assertThat(People.number(0.5703)).isEqualTo("0.57");
        assertThat(People.number(-0.000123456)).isEqualTo("-0.000123");
        assertThat(People.number(99.96)).isEqualTo("100");
        assertThat(People.number(100.4)).isEqualTo("100");
        assertThat(People.number(Double.NaN)).isEqualTo("–");
        assertThat(People.number(0)).isEqualTo("0");
        assertThat(People.fixed(-0.0, 1)).isEqualTo("0.0");
        assertThat(People.fixed(12_345.67, 1)).isEqualTo("12,345.7");
        assertThat(People.percent(0.5744)).isEqualTo("57.4 %");
    }
}
