package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in Debian's headless Chromium against a real server: pages load without console errors, show the
 * API's numbers, switch language and follow the live stream. Without Chromium the tests are reported skipped, except
 * in CI, where .ci/run installs it and a missing browser is a failure ({@link Requires}).
 */
@Requires(Prerequisite.CHROMIUM)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static GridTwinServer server;
    static Http http;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTest.start(data);
        server.fleet().runCycles(ApiTest.CYCLES);
        http = new Http(server.port());
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        // the flags keep Chromium off the network it cannot reach here (no background services, no updates)
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), o);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void english() {
        open("/openapi.json");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('gridtwin.lang', 'en')");
        consoleErrors(); // drop what earlier pages logged
    }

    static void open(String path) {
        browser.get(base + path);
    }

    static WebElement waitFor(String css, java.util.function.Predicate<WebElement> ready) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !ready.test(found.get(0)) ? null : found.get(0);
        });
    }

    static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The dashboard's number format: en-US grouping, fixed decimals (Intl.NumberFormat). */
    static String num(double v, int digits) {
        return String.format(Locale.US, "%,." + digits + "f", v);
    }

    @Test
    void theFleetPageShowsTheApisHeadlineNumbers() throws Exception {
        open("/");
        waitFor("#kpi-green", e -> !e.getText().equals("–"));
        JsonNode k = http.json("/api/kpis").get("fleet");
        assertThat(text("#kpi-green")).isEqualTo(num(k.get("green_kwh").asDouble() / 1000, 1));
        assertThat(text("#kpi-co2")).isEqualTo(num(k.get("co2_avoided_t").asDouble(), 1));
        assertThat(text("#kpi-cranes")).isEqualTo(num(k.get("crane_months").asDouble(), 2));
        assertThat(text("#kpi-income")).isEqualTo(num(k.get("household_income_yuan").asDouble(), 0));
        assertThat(text("#kpi-households")).isEqualTo(num(k.get("household_years").asDouble(), 1));
        assertThat(browser.findElements(By.cssSelector("#tiles .tile"))).hasSize(3);
        // the totals count from Shanghai midnight of 2024-06-01, the first start
        assertThat(text("#kpi-since")).isEqualTo("2024-06-01");
        JsonNode port = http.json("/api/sites/chuanshan-port/live");
        assertThat(text("#tile-green-chuanshan-port")).isEqualTo(
                num(port.at("/kpis/green_kwh").asDouble() / 1000, 1) + " MWh");
        screenshot("fleet");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theLanguageToggleSwitchesEveryLabel() throws Exception {
        open("/");
        waitFor("#kpi-green", e -> !e.getText().equals("–"));
        assertThat(text("h1")).isEqualTo("Fleet — live");
        browser.findElement(By.id("lang-toggle")).click();
        waitFor("h1", e -> e.getText().equals("全部站点 — 实时"));
        assertThat(text(".kpi .label")).isEqualTo("累计绿色发电量");
        // both dictionaries hold the same keys: no label can fall back to English or show its key
        Object missing = ((JavascriptExecutor) browser).executeScript("const en = Object.keys(GT_I18N.en), "
                + "zh = Object.keys(GT_I18N.zh); return en.filter(k => !zh.includes(k)).concat("
                + "zh.filter(k => !en.includes(k)));");
        assertThat((List<?>) missing).isEmpty();
        assertThat(text("#lang-toggle")).isEqualTo("English");
        assertThat(text("#live-status")).isEqualTo("实时");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        // every data-i18n label has a Chinese text: none is left in English or shows its key
        List<String> labels = browser.findElements(By.cssSelector("[data-i18n]")).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).toList();
        assertThat(labels).noneMatch(t -> t.matches(".*[a-z]+\\.[a-z]+.*")).contains("兆瓦时", "元");
        // numbers keep the zh-CN format of the same value (grouping with commas, same decimals)
        JsonNode k = http.json("/api/kpis").get("fleet");
        assertThat(text("#kpi-green")).isEqualTo(num(k.get("green_kwh").asDouble() / 1000, 1));
        screenshot("fleet-zh");
        browser.findElement(By.id("lang-toggle")).click();
        waitFor("h1", e -> e.getText().equals("Fleet — live"));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theSitePageDrawsTheFlowsAndFollowsTheLiveStream() throws Exception {
        open("/site.html?id=chuanshan-port");
        waitFor("#flow-wind-kw", e -> true);
        JsonNode live = http.json("/api/sites/chuanshan-port/live");
        assertThat(text("#flow-load-kw")).isEqualTo(num(live.at("/power/load_kw").asDouble(), 0) + " kW");
        assertThat(text("#flow-grid-kw")).isEqualTo(num(Math.abs(live.at("/power/grid_kw").asDouble()), 0)
                + " kW");
        waitFor("#today-chart canvas", e -> true);
        waitFor("#history-chart canvas", e -> true);
        waitFor("#events tr", e -> true);
        // on the grid, nothing shed: the line an operator reads first in an outage
        assertThat(live.at("/island/state").asString()).isEqualTo("connected");
        waitFor("#island", e -> e.getText().equals("connected"));
        assertThat(text("#shed")).isEqualTo("nothing shed");
        String before = browser.findElement(By.id("site-clock")).getAttribute("data-time");
        // thirty more minutes of site time: the stream carries them to the page within its 1 s period
        server.fleet().runCycles(30);
        String expected = http.json("/api/live").get("time").asString();
        waitFor("#site-clock", e -> expected.equals(e.getAttribute("data-time")));
        assertThat(expected).isNotEqualTo(before);
        JsonNode after = http.json("/api/sites/chuanshan-port/live");
        waitFor("#flow-load-kw", e -> e.getText().equals(num(after.at("/power/load_kw").asDouble(), 0) + " kW"));
        screenshot("site");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aSiteWithoutABatterySaysSoInsteadOfDrawingAnEmptyStateOfCharge() {
        // Li'ao village is rooftop PV and households only (ningbo.yaml)
        open("/site.html?id=liao-village");
        waitFor("#soc-chart", e -> e.getText().equals("no battery"));
        waitFor("#flow-pv-kw", e -> true);
        // the diagram shows the assets the site has: PV, grid and load; no wind, no battery
        assertThat(browser.findElements(By.cssSelector("#flow-wind, #flow-battery"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#flow-grid, #flow-load"))).hasSize(2);
        assertThat(text("#site-name")).isEqualTo("Li'ao village rooftop PV (362 households)");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theRunsPageLaunchesASimulationAndLinksItsReport() throws Exception {
        open("/runs.html");
        waitFor("#run-scenario option", e -> true);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("document.getElementById('run-start').value = '2024-06-01';"
                + "document.getElementById('run-end').value = '2024-06-02';");
        browser.findElement(By.id("run-submit")).click();
        WebElement link = waitFor("#runs a.report-link", e -> true);
        String href = link.getAttribute("href");
        assertThat(href).matches(".*/api/runs/run-\\d+/report");
        assertThat(text("#runs .status")).isEqualTo("succeeded");
        screenshot("runs");
        // a bad period is refused with the API's sentence
        js.executeScript("document.getElementById('run-end').value = '2024-05-01';");
        browser.findElement(By.id("run-submit")).click();
        waitFor("#run-error", e -> !e.getText().isEmpty());
        assertThat(text("#run-error")).isEqualTo("Refused: 1 problem in the request: request body: end = 2024-05-01 "
                + "must be after start (2024-06-01)");
        assertThat(consoleErrors()).allMatch(m -> m.contains("/api/runs") && m.contains("422"));
        browser.get(href);
        assertThat(browser.getPageSource()).contains("ningbo");
    }

    @SuppressWarnings("unchecked")
    static <T> T js(String script) {
        return (T) ((JavascriptExecutor) browser).executeScript(script);
    }

    /**
     * The history chart draws every flow that occurred, signed (charge and export below zero), and only those; the
     * event list hides routine clips until asked, and writes its sentences in Chinese from the events' values.
     */
    @Test
    void theSitePageShowsEveryFlowAndAlarmsFirstInEitherLanguage() throws Exception {
        open("/site.html?id=chuanshan-port");
        waitFor("#history-chart canvas", e -> true);
        String from = browser.findElement(By.id("hist-from")).getAttribute("value");
        String to = browser.findElement(By.id("hist-to")).getAttribute("value");
        JsonNode points = http.json("/api/sites/chuanshan-port/history?resolution=hour&from=" + from + "&to=" + to)
                .get("points");
        java.util.Map<String, String> names = java.util.Map.of("wind_kwh", "Wind", "pv_kwh", "PV", "discharge_kwh",
                "Battery discharge", "import_kwh", "Grid import", "unmet_kwh", "Unmet load", "charge_kwh",
                "Battery charge", "export_kwh", "Grid export");
        List<String> expected = new java.util.ArrayList<>();
        names.forEach((field, name) -> {
            if (points.valueStream().anyMatch(p -> Math.abs(p.get(field).asDouble()) > 1e-9)) {
                expected.add(name);
            }
        });
        expected.add("Load");
        String chart = "echarts.getInstanceByDom(document.getElementById('history-chart')).getOption().series";
        assertThat((List<Object>) js("return " + chart + ".map(s => s.name)"))
                .containsExactlyInAnyOrderElementsOf(expected);
        // what leaves the bus is drawn below zero
        assertThat((List<Object>) js("return " + chart + ".filter(s => s.stack === 'out').flatMap(s => s.data)"
                + ".map(d => d[1]).filter(v => v > 0)")).isEmpty();
        assertThat(expected).as("twelve hours of the port charge its battery").contains("Battery charge");

        // alarms and warnings only by default: the port's routine clips are not listed
        waitFor("#events tr", e -> true);
        assertThat(browser.findElements(By.cssSelector("#events tr.sev-info"))).isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("event-severity"))).selectByValue("info");
        waitFor("#events tr.sev-info", e -> true);
        JsonNode clip = http.json("/api/events?site=chuanshan-port&limit=1&kind=clip").at("/events/0");
        browser.findElement(By.id("lang-toggle")).click();
        waitFor("#events tr.sev-info td:nth-child(2)", e -> e.getText().equals("限幅"));
        String detail = text("#events tr.sev-info td:nth-child(3)");
        assertThat(detail).startsWith("储能请求 ").contains("千瓦").doesNotContain("requested");
        assertThat(clip.at("/values/requested_kw").asString()).isNotEmpty();
        // month and day names of the charts are Chinese too (ECharts' ZH locale)
        assertThat((Object) js("return echarts.getInstanceByDom(document.getElementById('history-chart'))"
                + ".getModel().getLocaleModel().get('time').month[0]")).isEqualTo("一月");
        screenshot("site-zh");
        browser.findElement(By.id("lang-toggle")).click();
        assertThat(consoleErrors()).isEmpty();
    }

    /** The fleet page: each site's own equivalents, the monthly trend, published beside measured, fleet alarms. */
    @Test
    void theFleetPageShowsEachSitesOwnEquivalentsTheTrendAndThePublishedFigures() throws Exception {
        open("/");
        waitFor("#reported-rows tr", e -> true);
        JsonNode port = http.json("/api/sites/chuanshan-port/live").get("kpis");
        assertThat(text("#tile-eq-chuanshan-port")).isEqualTo(num(port.get("crane_months").asDouble(), 2)
                + " months of the crane fleet");
        JsonNode village = http.json("/api/sites/liao-village/live").get("kpis");
        assertThat(text("#tile-eq-liao-village")).isEqualTo(num(village.get("household_years").asDouble(), 1)
                + " household-years");
        assertThat(text("#tile-eq-meishan-ev-factory")).isEqualTo("–");
        JsonNode reported = http.json("/api/reported").get("figures");
        assertThat(browser.findElements(By.cssSelector("#reported-rows tr"))).hasSize(reported.size());
        JsonNode wind = reported.get(0);
        WebElement row = browser.findElement(By.id("rep-cumulative_wind_kwh-chuanshan-port"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).isEqualTo("40,000,000 kWh");
        assertThat(cells.get(3).getText()).isEqualTo(num(wind.get("measured").asDouble(), 0) + " kWh");
        assertThat(cells.get(5).getText()).isEqualTo("2024-01-01 – 2024-06-01 (so far)");
        waitFor("#trend-chart canvas", e -> true);
        assertThat((List<Object>) js("return echarts.getInstanceByDom(document.getElementById('trend-chart'))"
                + ".getOption().xAxis[0].data")).containsExactly("2024-06");
        waitFor("#fleet-events tr", e -> true);
        screenshot("fleet-more");
        assertThat(consoleErrors()).isEmpty();
    }

    static void signIn(String user, String password, String next) {
        open("/login.html?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        waitFor("#login-submit", WebElement::isDisplayed);
        browser.findElement(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(next));
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it runs a cycle, which the other pages' numbers follow
    void anAdminCommandsTheBatterySeesItOnTheFlowAndInTheAuditAndAViewerSeesNoPanel() throws Exception {
        org.gridtwin.server.auth.UserStore users = new org.gridtwin.server.auth.UserStore(data,
                java.time.Clock.systemUTC());
        if (users.find("ada").isEmpty()) {
            users.add("ada", org.gridtwin.server.auth.Role.ADMIN, "admin password 123".toCharArray());
            users.add("vera", org.gridtwin.server.auth.Role.VIEWER, "viewer password 1".toCharArray());
        }
        String page = "/site.html?id=chuanshan-port";
        // nobody signed in: the anonymous viewer of a loopback server sees the site, not the panel
        open(page);
        waitFor("#sign-in", WebElement::isDisplayed);
        assertThat(browser.findElement(By.id("control")).isDisplayed()).isFalse();

        signIn("ada", "admin password 123", page);
        waitFor("#control", WebElement::isDisplayed);
        assertThat(text("#who-name")).isEqualTo("ada (admin)");
        // an administrator may drill an outage on this twin site
        assertThat(browser.findElement(By.id("control-drill")).isDisplayed()).isTrue();
        browser.findElement(By.id("control-kw")).sendKeys("-400");
        browser.findElement(By.id("control-battery-minutes")).clear();
        browser.findElement(By.id("control-battery-minutes")).sendKeys("30");
        browser.findElement(By.id("control-hold")).click();
        // the confirmation names what is about to happen
        org.openqa.selenium.Alert confirm = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        String text = confirm.getText();
        confirm.accept();
        assertThat(text).isEqualTo("Hold the battery of " + ApiTest.NINGBO.site("chuanshan-port").orElseThrow().name()
                + " at -400.0 kW for 30 minutes?");
        waitFor("#control-result", e -> e.getText().startsWith("battery held at -400.0 kW"));
        // the next cycle runs on it: the flow diagram shows 400 kW into the battery, the banner who holds it
        server.fleet().runCycles(1);
        waitFor("#flow-battery-kw", e -> "-400".equals(e.getAttribute("data-value")));
        // 30 minutes from the cycle after the command: 29 or 30 whole minutes left at the cycle shown
        assertThat(text("#manual")).matches("Manual: battery held at -400\\.0 kW by ada, (29|30) min left");

        // an islanding drill from the page: the fleet's tile of the port says it is off the grid, then back
        browser.findElement(By.id("control-drill-down")).click();
        org.openqa.selenium.Alert drill = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(drill.getText()).startsWith("Drill on ");
        drill.accept();
        waitFor("#control-result", e -> e.getText().startsWith("drill: the grid of chuanshan-port is gone"));
        server.fleet().runCycles(1);
        waitFor("#island", e -> e.getText().equals("islanded (battery forms the grid)") || e.getText().equals("dark"));
        open("/");
        waitFor("#tile-island-chuanshan-port", e -> e.getText().startsWith("islanded") || e.getText().equals("dark")
                || e.getText().startsWith("dark"));
        open(page);
        waitFor("#control-drill-up", WebElement::isDisplayed).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waitFor("#control-result", e -> e.getText().startsWith("drill over"));
        // the 300 s resync delay at 1-minute cycles: connected at the sixth
        server.fleet().runCycles(6);
        waitFor("#island", e -> e.getText().equals("connected"));

        open("/audit.html");
        waitFor("#audit-rows tr td", WebElement::isDisplayed);
        assertThat(text("#audit-chain")).contains("records holds");
        assertThat(text("#audit-rows")).contains("POST /api/sites/chuanshan-port/commands")
                .contains("accepted: battery held at -400.0 kW").contains("ada");

        open(page);
        waitFor("#sign-out", WebElement::isDisplayed).click();
        waitFor("#sign-in", WebElement::isDisplayed);
        assertThat(browser.findElement(By.id("control")).isDisplayed()).isFalse();

        signIn("vera", "viewer password 1", page);
        waitFor("#who-name", e -> e.getText().equals("vera (viewer)"));
        assertThat(browser.findElement(By.id("control")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("nav-audit"))).isEmpty();
        waitFor("#sign-out", WebElement::isDisplayed).click();
        waitFor("#sign-in", WebElement::isDisplayed);
        // the instruction stays in force after its author signs out, visible to everyone until it ends
        assertThat(text("#manual")).contains("held at -400.0 kW");
        http.post("/api/sites/chuanshan-port/commands", "{\"type\":\"release\"}", "application/json");
        assertThat(consoleErrors()).as("no script errors").allMatch(m -> m.contains("401") || m.contains("favicon"));
    }
}
