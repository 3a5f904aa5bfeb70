"""The form in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by
selenium, keyboard only, against the real inbox-server; axe-core 4 (bundled with
selenium-axe-python) checks the form, its error state and the thanks page against WCAG 2.1 A and
AA, and any serious or critical violation fails. With INBOX_SCREENSHOT_DIR set, the three pages are
saved there (docs/screenshots in the repository)."""
import os
import re
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

REFERENCE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}\b")
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def chromium(language):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1000,1300", f"--lang={language}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture
def browser():
    driver = chromium("sv-SE,sv")
    yield driver
    driver.quit()


def accessibility_problems(driver):
    """Violations of impact serious or critical under WCAG 2.1 A and AA, as readable lines."""
    axe = Axe(driver)
    axe.inject()
    assert driver.execute_script("return axe.version").startswith("4."), "axe-core 4.x expected"
    results = axe.run(options=WCAG_21_AA)
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            f"{[node['target'] for node in violation['nodes']]}"
            for violation in results["violations"] if violation["impact"] in ("serious", "critical")]


def screenshot(driver, name, tmp_path):
    directory = Path(os.environ.get("INBOX_SCREENSHOT_DIR", tmp_path))
    directory.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(directory / f"{name}.png"))


def tab_to(driver, element_id, limit=12):
    """Presses Tab until the element with `element_id` has the focus; returns the ids passed."""
    passed = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        passed.append(active.get_attribute("id") or active.tag_name)
        if active.get_attribute("id") == element_id:
            return passed
    raise AssertionError(f"#{element_id} never got the focus; Tab went through {passed}")


def type_keys(driver, text):
    ActionChains(driver).send_keys(text).perform()


def test_keyboard_only_submission_reaches_the_thanks_page(server, browser, inbox, tmp_path):
    browser.get(f"http://127.0.0.1:{server.port}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    assert accessibility_problems(browser) == []
    screenshot(browser, "form", tmp_path)

    passed = tab_to(browser, "question")
    assert "website" not in passed  # the honeypot is out of the tab order
    type_keys(browser, "Hur söker jag bygglov för ett uterum?")
    # The policy's topics come next, a native select: an arrow key chooses without a mouse.
    tab_to(browser, "topic", limit=1)
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    assert browser.find_element(By.ID, "topic").get_attribute("value") == "accessibility"
    tab_to(browser, "email", limit=1)
    type_keys(browser, "anna@example.se")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    button = browser.switch_to.active_element
    assert button.tag_name == "button" and button.get_attribute("type") == "submit"
    ActionChains(browser).send_keys(Keys.ENTER).perform()

    WebDriverWait(browser, 30).until(lambda driver: "/thanks" in driver.current_url)
    reference = REFERENCE.search(browser.find_element(By.CSS_SELECTOR, ".reference").text).group(0)
    assert [record["topic"] for record in inbox.records() if record["reference"] == reference] == ["accessibility"]
    assert accessibility_problems(browser) == []
    screenshot(browser, "thanks", tmp_path)


def test_an_invalid_address_is_announced_and_linked_to_its_field(server, browser, inbox, tmp_path):
    browser.get(f"http://127.0.0.1:{server.port}/")
    tab_to(browser, "question")
    type_keys(browser, "En fråga")
    tab_to(browser, "email", limit=2)  # past the topic
    type_keys(browser, "inte-en-adress")
    ActionChains(browser).send_keys(Keys.TAB, Keys.ENTER).perform()

    WebDriverWait(browser, 30).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".summary"))
    email = browser.find_element(By.ID, "email")
    assert email.get_attribute("aria-invalid") == "true"
    described = email.get_attribute("aria-describedby").split()
    error = browser.find_element(By.ID, described[0])
    assert described[0] == "email-error" and error.text
    summary = browser.find_element(By.CSS_SELECTOR, ".summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.find_element(By.CSS_SELECTOR, "a").get_attribute("href").endswith("#email")
    # What was typed is kept; nothing was stored.
    assert browser.find_element(By.ID, "question").get_attribute("value") == "En fråga"
    assert inbox.records() == []
    assert accessibility_problems(browser) == []
    screenshot(browser, "form-error", tmp_path)


def test_swedish_by_default_and_english_by_the_switch(server, browser):
    browser.get(f"http://127.0.0.1:{server.port}/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == "sv"
    swedish_label = browser.find_element(By.CSS_SELECTOR, "label[for=question]").text
    switch = browser.find_element(By.CSS_SELECTOR, "header a")
    assert switch.get_attribute("hreflang") == "en"
    switch.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda driver: driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    english_label = browser.find_element(By.CSS_SELECTOR, "label[for=question]").text
    assert english_label and english_label != swedish_label
    assert accessibility_problems(browser) == []


def test_a_browser_that_prefers_english_gets_english(server):
    driver = chromium("en-GB,en")
    try:
        driver.get(f"http://127.0.0.1:{server.port}/")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    finally:
        driver.quit()


def test_the_accessibility_check_can_fail(browser):
    """The positive control: a page with an unlabelled field and an image without text fails."""
    browser.get("data:text/html;charset=utf-8,<html lang=en><title>x</title><main><img src=a.png><input></main></html>")
    problems = accessibility_problems(browser)
    assert any(problem.startswith("image-alt") for problem in problems)
    assert any(problem.startswith("label") for problem in problems)
