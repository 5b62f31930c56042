package io.cherrypick.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.support.HeadlessChromium;

/**
 * The console with sign-in on, in a real browser: the form sign-in, the signed-in name in the header and on the
 * action (the console sends the CSRF token), and a role that may only read told so when it tries to act.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.security.enabled=true",
        "cherrypick.security.users=sam:SUPPORT:{noop}sam-pass,cleo:CX:{noop}cleo-pass"})
@ActiveProfiles("test")
class SignInBrowserTest {
    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();
    WebDriver browser;

    @LocalServerPort int port;
    @Autowired ExceptionStore exceptions;

    @BeforeEach
    void useTheBrowser() {
        browser = CHROMIUM.driver();
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/ops");
        wait(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-pass");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), "Signed in as " + user));
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private long exception(String key) {
        return exceptions.record(NewException.of("sales-order", "sales-order-to-wms", key, Category.MISSING_WAREHOUSE,
                "Pick " + key + ": location 'MIA' has no Peoplevox site mapping", "{}", null));
    }

    @Test
    void supportSignsInAndActsUnderTheirOwnNameWhileCustomerServiceMayOnlyRead() {
        long first = exception("SI1");
        signIn("sam");
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("(support)").contains("sign out");
        browser.get("http://localhost:" + port + "/ops#/exceptions/" + first);
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("reason"))).sendKeys("mapping added for MIA");
        browser.findElement(By.id("resolve")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "is now RESOLVED"));
        assertThat(exceptions.find(first).orElseThrow().actionedBy()).isEqualTo("sam");

        long second = exception("SI2");
        signIn("cleo");
        browser.get("http://localhost:" + port + "/ops#/exceptions/" + second);
        wait(ExpectedConditions.elementToBeClickable(By.id("replay"))).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Your role may not do this"));
        assertThat(exceptions.find(second).orElseThrow().status()).isEqualTo("OPEN");
    }
}
